/*
 * The language switcher keeps the reader's place (overrides/main.html loads this on every page).
 *
 * Both twins of a page share their explicit heading ids ({#pod}, the glossary's entry ids), so
 * a link to the twin carries the id of the section the reader is in: the one they were sent to
 * while it is still in view, else the last heading above the top of the window. The twin may
 * lack that id; the ids before it, nearest first, go along in sessionStorage, and the twin
 * scrolls to the first of them it has, else stays at the top with no dangling #.
 */
(function () {
  "use strict";

  var KEY = "site.language-switch";
  var HEADINGS = ".md-content article :is(h1, h2, h3, h4, h5, h6)[id]";
  var SWITCH_LINKS = ".md-select__link[hreflang]:not([aria-current])";

  function headings() {
    return Array.prototype.slice.call(document.querySelectorAll(HEADINGS));
  }

  function byId(id) {
    return id ? document.getElementById(id) : null;
  }

  function hashId() {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return "";
    }
  }

  /* The ids of the reader's section and the ones before it, nearest first. */
  function place() {
    var list = headings();
    var header = document.querySelector(".md-header");
    var top = (header ? header.getBoundingClientRect().bottom : 0) + 1;
    var current = -1;
    list.forEach(function (heading, index) {
      if (heading.getBoundingClientRect().top <= top) current = index;
    });
    var sent = list.indexOf(byId(hashId()));
    if (sent >= 0) {
      var box = list[sent].getBoundingClientRect();
      if (box.bottom > 0 && box.top < window.innerHeight) current = sent;
    }
    return list.slice(0, current + 1).reverse().map(function (heading) { return heading.id; });
  }

  /* Point the link at the twin's section; remember the fallbacks for the twin. */
  function aim(link) {
    var url = new URL(link.getAttribute("href"), location.href);
    var ids = place();
    url.hash = ids.length ? "#" + encodeURIComponent(ids[0]) : "";
    link.href = url.href;
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ path: url.pathname, ids: ids }));
    } catch (error) { /* no storage: the # alone still works when the twin has it */ }
  }

  ["pointerdown", "focusin", "click", "contextmenu"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var link = event.target instanceof Element ? event.target.closest(SWITCH_LINKS) : null;
      if (link) aim(link);
    }, true);
  });

  /* Arriving from the other language: the section, or the nearest one before it. */
  var saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY));
    sessionStorage.removeItem(KEY);
  } catch (error) { /* nothing stored */ }
  var wanted = hashId();
  if (!saved || saved.path !== location.pathname || !Array.isArray(saved.ids) ||
      !wanted || saved.ids[0] !== wanted || byId(wanted)) {
    return;
  }
  var found = saved.ids.filter(function (id) { return typeof id === "string" && byId(id); })[0];
  if (found) {
    location.replace("#" + encodeURIComponent(found));
  } else {
    history.replaceState(history.state, "", location.pathname + location.search);
    window.scrollTo(0, 0);
  }
})();
