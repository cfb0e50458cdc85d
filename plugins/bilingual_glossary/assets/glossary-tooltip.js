/*
 * Glossary tooltips and the reader's switch for term marks. No dependencies, nothing fetched:
 * the build puts each tooltip's text in the page (<div role="tooltip" id="glossary-tip-ID"
 * hidden>), and every annotated term (<a class="glossary-term" aria-describedby=
 * "glossary-tip-ID">) points at it.
 *
 * - mouse: shown while the pointer is over the term or the tooltip itself;
 * - keyboard: shown while the term has focus; Esc hides it; Enter follows the link;
 * - touch: the first tap shows it (the link is not followed), a second tap follows the link.
 *
 * A term that wraps has one box per line. The tooltip goes against the line that was hovered
 * or tapped (the first line for keyboard focus): below it, else above it, else below or above
 * the whole term, whichever does not cover any part of the term and fits in the viewport.
 *
 * Listeners sit on the document, so terms and tooltips may appear after this script runs
 * (the tooltips are appended at the end of <body>, after the scripts).
 */
(function () {
  "use strict";

  var MARGIN = 8; // px kept free between the tooltip and the viewport's edges
  var GAP = 6; // px between the term and the tooltip
  var HIDE_DELAY = 250; // ms, so the pointer can travel from the term into the tooltip

  var openTerm = null;
  var openTip = null;
  var openPoint = null; // the pointer position the open tooltip was placed for
  var hideTimer = 0;
  var tap = null; // {term, wasOpen, point} from the last touch pointerdown

  function termOf(node) {
    return node && node.closest ? node.closest("a.glossary-term[aria-describedby]") : null;
  }

  function tipOf(term) {
    var tip = document.getElementById(term.getAttribute("aria-describedby"));
    return tip && tip.getAttribute("role") === "tooltip" ? tip : null;
  }

  function pointOf(event) {
    return { x: event.clientX, y: event.clientY };
  }

  function cancelHide() {
    if (hideTimer) {
      clearTimeout(hideTimer);
      hideTimer = 0;
    }
  }

  function hide() {
    cancelHide();
    if (openTip) {
      openTip.hidden = true;
    }
    openTerm = null;
    openTip = null;
    openPoint = null;
  }

  function hideSoon() {
    cancelHide();
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  function show(term, point) {
    if (marksOff()) return;
    var tip = tipOf(term);
    if (!tip) return;
    cancelHide();
    if (openTip && openTip !== tip) hide();
    openTerm = term;
    openTip = tip;
    openPoint = point || null;
    tip.hidden = false;
    place(term, tip, openPoint);
  }

  // The line box of the term under the pointer, else the one nearest to it; without a
  // pointer (keyboard focus), the first.
  function lineAt(rects, point) {
    if (!point) return rects[0];
    var best = rects[0];
    var bestDistance = Infinity;
    for (var i = 0; i < rects.length; i++) {
      var r = rects[i];
      var dy = point.y < r.top ? r.top - point.y : Math.max(0, point.y - r.bottom);
      var dx = point.x < r.left ? r.left - point.x : Math.max(0, point.x - r.right);
      var distance = dy * 10000 + dx; // the right line first, then the nearest box on it
      if (distance < bestDistance) {
        best = r;
        bestDistance = distance;
      }
    }
    return best;
  }

  function place(term, tip, point) {
    var rects = Array.prototype.filter.call(term.getClientRects(), function (r) {
      return r.width > 0 && r.height > 0;
    });
    if (!rects.length) rects = [term.getBoundingClientRect()];
    var line = lineAt(rects, point);
    var first = rects[0];
    var last = rects[rects.length - 1];
    var viewWidth = document.documentElement.clientWidth;
    var viewHeight = document.documentElement.clientHeight;
    tip.style.left = "0px"; // measure it unconstrained by the right edge
    tip.style.top = "0px";
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = Math.max(MARGIN, Math.min(line.left, viewWidth - width - MARGIN));
    var candidates = [
      line.bottom + GAP, // below the line that was pointed at
      line.top - GAP - height, // above it
      last.bottom + GAP, // below the whole term
      first.top - GAP - height, // above the whole term
    ];
    function fits(top) {
      return top >= MARGIN && top + height <= viewHeight - MARGIN;
    }
    function clearOfTerm(top) {
      return rects.every(function (r) {
        return r.bottom <= top || r.top >= top + height ||
          r.right <= left || r.left >= left + width;
      });
    }
    var top = candidates.filter(function (t) { return fits(t) && clearOfTerm(t); })[0];
    if (top === undefined) top = candidates.filter(clearOfTerm)[0]; // off screen, but visible
    if (top === undefined) top = candidates[0]; // by scrolling
    tip.style.left = left + window.pageXOffset + "px";
    tip.style.top = top + window.pageYOffset + "px";
  }

  function inOpenTip(node) {
    return !!(openTip && node && openTip.contains(node));
  }

  // Mouse (and pen hover). Touch is handled by the tap logic below.
  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") return;
    var term = termOf(event.target);
    if (term) show(term, pointOf(event));
    else if (inOpenTip(event.target)) cancelHide();
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch" || !openTip) return;
    var from = termOf(event.target);
    if (from !== openTerm && !inOpenTip(event.target)) return;
    var to = event.relatedTarget;
    if (termOf(to) === openTerm || inOpenTip(to)) return;
    if (openTerm.matches(":focus-visible")) return; // keyboard focus keeps it open
    hideSoon();
  });

  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term) show(term, tap && tap.term === term ? tap.point : null);
  });

  document.addEventListener("focusout", function (event) {
    if (openTerm && termOf(event.target) === openTerm) hide();
  });

  document.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && openTip) {
      hide();
      event.stopPropagation(); // the tooltip, not Material's search, takes this Esc
    }
  }, true);

  // Touch: remember whether the tooltip was already open when the finger came down;
  // focus (or Material's own handlers) may open it between pointerdown and click.
  document.addEventListener("pointerdown", function (event) {
    var term = termOf(event.target);
    if (event.pointerType !== "touch") {
      tap = null;
      return;
    }
    tap = term ? { term: term, wasOpen: term === openTerm, point: pointOf(event) } : null;
    if (!term && !inOpenTip(event.target)) hide();
  });

  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    var touch = tap;
    tap = null;
    if (!term) return;
    // With the marks off a term reads as plain text: a click or tap on it does nothing.
    // event.detail is 0 for a click made with the keyboard: Enter still follows the link.
    if (marksOff()) {
      if (event.detail !== 0) event.preventDefault();
      return;
    }
    if (!touch || touch.term !== term || event.detail === 0) return;
    if (!touch.wasOpen) {
      event.preventDefault();
      show(term, touch.point);
    }
  });

  window.addEventListener("resize", function () {
    if (openTerm) place(openTerm, openTip, null);
  });

  /*
   * The reader's switch: a button.glossary-toggle atop the article turns the term marks (dotted
   * underline, tooltips) off and on. The choice is kept in localStorage under the site's
   * root (Material's __md_scope, the same for both languages), so it holds on every page in
   * either language. A script in <head> (tooltips/switch.py, added by the plugin) sets the
   * classes before the first paint; this one keeps the class, the storage and the button in
   * step. The names must match switch.py.
   */
  var ON_CLASS = "glossary-marks"; // set by the head script where the plugin annotates
  var OFF_CLASS = "glossary-marks-off";
  var STORAGE_NAME = ".__glossary_marks";
  var LABELS = { ko: "용어 표시", en: "Mark glossary terms" };
  var ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M11 3h2l5.2 13h-2.3l-1.3-3.4H9.4L8.1 16H5.8Zm-.8 7.6h3.6L12 5.9Z"/>' +
    '<path class="glossary-toggle__marks" d="M3 19h3v2H3Zm5 0h3v2H8Zm5 0h3v2h-3Zm5 0h3v2h-3Z"/>' +
    '<path class="glossary-toggle__off" d="M3.7 2.3 21.7 20.3 20.3 21.7 2.3 3.7Z"/></svg>';

  function storageKey() {
    var scope = window.__md_scope;
    return (scope && scope.pathname ? scope.pathname : "/") + STORAGE_NAME;
  }

  function storedOff() {
    try {
      return localStorage.getItem(storageKey()) === "off";
    } catch (error) {
      return false; // no storage: the marks stay on
    }
  }

  function marksOff() {
    return document.documentElement.classList.contains(OFF_CLASS);
  }

  function syncButtons() {
    var on = String(!marksOff());
    document.querySelectorAll("button.glossary-toggle").forEach(function (button) {
      button.setAttribute("aria-pressed", on);
    });
  }

  function setMarks(on) {
    document.documentElement.classList.toggle(OFF_CLASS, !on);
    try {
      localStorage.setItem(storageKey(), on ? "on" : "off");
    } catch (error) { /* the choice holds on this page only */ }
    if (!on) hide();
    syncButtons();
  }

  // Among the page's own actions (Material's "edit this page"), at the top of the article:
  // in the header it would push the site's name out on a phone.
  function addButton() {
    if (!document.documentElement.classList.contains(ON_CLASS)) return;
    if (document.querySelector("button.glossary-toggle")) return;
    var article = document.querySelector("article.md-content__inner");
    if (!article) return;
    var lang = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
    var label = LABELS[lang] || LABELS.en;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-content__button md-icon glossary-toggle";
    button.setAttribute("aria-label", label);
    button.title = label;
    button.innerHTML = ICON;
    button.addEventListener("click", function () {
      setMarks(marksOff());
    });
    // the actions float right in source order: after them, it sits to their left
    var actions = article.querySelectorAll(":scope > .md-content__button");
    var after = actions.length ? actions[actions.length - 1] : null;
    article.insertBefore(button, after ? after.nextSibling : article.firstChild);
  }

  document.documentElement.classList.toggle(OFF_CLASS, storedOff());
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      addButton();
      syncButtons();
    });
  } else {
    addButton();
  }
  syncButtons();

  // Another tab changed the choice: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === storageKey()) {
      document.documentElement.classList.toggle(OFF_CLASS, event.newValue === "off");
      if (marksOff()) hide();
      syncButtons();
    }
  });
})();
