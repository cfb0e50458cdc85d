/*
 * Glossary tooltips and the reader's switch for term marks. No dependencies, nothing fetched:
 * the build puts each tooltip's text in the page (<div role="tooltip" id="glossary-tip-ID"
 * hidden>), and every annotated term (<a class="glossary-term" aria-describedby=
 * "glossary-tip-ID">) points at it.
 *
 * - mouse: shown once the pointer rests on the term (SHOW_DELAY), while it is over the term
 *   or the tooltip itself;
 * - keyboard: shown while the term has focus; Esc hides it; Enter follows the link;
 * - touch: the first tap shows it with a close button, a link to the glossary entry and a
 *   line saying that a second tap on the term follows its link, which it does.
 *
 * The words come from the build (the plugin's interface table): data-* attributes of the
 * tooltips' container, div.glossary-tips, which the plugin adds only to pages with terms.
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
  var SHOW_DELAY = 350; // ms the mouse rests on a term before its tooltip opens

  var openTerm = null;
  var openTip = null;
  var openPoint = null; // the pointer position the open tooltip was placed for
  var hideTimer = 0;
  var showTimer = 0;
  var tap = null; // {term, wasOpen, point} from the last touch pointerdown
  var tapInTip = false; // the last pointerdown was inside the open tooltip
  var quietFocus = false;

  var TIP_ATTR = "aria-describedby";
  var PARKED_ATTR = "data-glossary-describedby"; // where the reference waits while marks are off

  function termOf(node) {
    var term = node && node.closest ? node.closest("a.glossary-term") : null;
    return term && (term.hasAttribute(TIP_ATTR) || term.hasAttribute(PARKED_ATTR)) ? term : null;
  }

  function tipOf(term) {
    var id = term.getAttribute(TIP_ATTR) || term.getAttribute(PARKED_ATTR);
    var tip = id ? document.getElementById(id) : null;
    return tip && tip.getAttribute("role") === "tooltip" ? tip : null;
  }

  function words() {
    var box = document.querySelector("[data-glossary-tips]");
    return box ? box.dataset : {};
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

  function cancelShow() {
    if (showTimer) {
      clearTimeout(showTimer);
      showTimer = 0;
    }
  }

  function hide() {
    cancelHide();
    cancelShow();
    if (openTip) {
      openTip.hidden = true;
      removeActions(openTip);
    }
    openTerm = null;
    openTip = null;
    openPoint = null;
  }

  function hideSoon() {
    cancelHide();
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  function show(term, point, touch) {
    cancelShow();
    if (marksOff()) return;
    var tip = tipOf(term);
    if (!tip) return;
    cancelHide();
    if (openTip && openTip !== tip) hide();
    openTerm = term;
    openTip = tip;
    openPoint = point || null;
    if (touch) addActions(term, tip);
    tip.hidden = false;
    place(term, tip, openPoint);
  }

  function showSoon(term, point) {
    cancelShow();
    if (term === openTerm) {
      cancelHide();
      return;
    }
    showTimer = setTimeout(function () {
      showTimer = 0;
      show(term, point);
    }, SHOW_DELAY);
  }

  // On touch there is no pointer to move away: the tooltip gets a way out (close), a way on
  // (the glossary entry) and says what a second tap on the term does.
  function addActions(term, tip) {
    if (tip.querySelector(".glossary-tip__actions")) return;
    var text = words();
    var actions = document.createElement("p");
    actions.className = "glossary-tip__actions";
    var linked = term.hasAttribute("href"); // a site without a glossary page: no link on
    var close = document.createElement("button");
    close.type = "button";
    close.className = "glossary-tip__close";
    close.textContent = text.close || "Close";
    close.addEventListener("click", function () {
      hide();
      quietFocus = true; // focus goes back to the term without opening the tooltip again
      term.focus({ preventScroll: true });
      quietFocus = false;
    });
    if (linked) {
      var link = document.createElement("a");
      link.className = "glossary-tip__open";
      link.href = term.href;
      link.textContent = text.open || "Open in glossary";
      actions.appendChild(link);
      if (text.again) {
        var again = document.createElement("p");
        again.className = "glossary-tip__again";
        again.textContent = text.again;
        tip.appendChild(again);
      }
    }
    actions.appendChild(close);
    tip.appendChild(actions);
  }

  function removeActions(tip) {
    tip.querySelectorAll(".glossary-tip__actions, .glossary-tip__again").forEach(function (el) {
      el.remove();
    });
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
    if (term) showSoon(term, pointOf(event));
    else if (inOpenTip(event.target)) cancelHide();
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch") return;
    if (showTimer && termOf(event.target) && termOf(event.relatedTarget) !== termOf(event.target)) {
      cancelShow(); // the mouse passed over the term without resting on it
    }
    if (!openTip) return;
    var from = termOf(event.target);
    if (from !== openTerm && !inOpenTip(event.target)) return;
    var to = event.relatedTarget;
    if (termOf(to) === openTerm || inOpenTip(to)) return;
    if (openTerm.matches(":focus-visible")) return; // keyboard focus keeps it open
    hideSoon();
  });

  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term && !quietFocus) {
      show(term, tap && tap.term === term ? tap.point : null, !!(tap && tap.term === term));
    }
  });

  // Focus leaving the term (or the tooltip's own controls) hides it, unless it goes into the
  // tooltip: a tap on its link or close button must reach them.
  document.addEventListener("focusout", function (event) {
    if (!openTerm) return;
    if (termOf(event.target) !== openTerm && !inOpenTip(event.target)) return;
    var to = event.relatedTarget;
    if (inOpenTip(to) || termOf(to) === openTerm || tapInTip) return;
    hide();
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
    tapInTip = inOpenTip(event.target);
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
      show(term, touch.point, true);
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
    var on = !marksOff();
    var text = words();
    document.querySelectorAll("button.glossary-toggle").forEach(function (button) {
      button.setAttribute("aria-pressed", String(on));
      var state = on ? text.switchOn : text.switchOff;
      if (state) button.title = state;
    });
    syncDescriptions(on);
  }

  // Marks off: the terms read as plain words to a screen reader too. aria-describedby would
  // still read each definition (a description may point at hidden text), so it is parked in
  // another attribute until the marks are on again.
  function syncDescriptions(on) {
    var from = on ? PARKED_ATTR : TIP_ATTR;
    var to = on ? TIP_ATTR : PARKED_ATTR;
    document.querySelectorAll("a.glossary-term[" + from + "]").forEach(function (term) {
      term.setAttribute(to, term.getAttribute(from));
      term.removeAttribute(from);
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
  // in the header it would push the site's name out on a phone. Other themes: before the
  // page's first heading. Only on pages with marked terms (the head script's class and the
  // tooltips' container both say so), with its name in words beside the icon.
  function wire(button) {
    button.addEventListener("click", function () {
      setMarks(marksOff());
    });
    button.setAttribute("data-ready", ""); // visible from now on (glossary-tooltip.css)
  }

  function addButton() {
    if (!document.documentElement.classList.contains(ON_CLASS)) return;
    var present = document.querySelector("button.glossary-toggle");
    if (present) { // the plugin put it in the page (tooltips/switch.py): no layout shift
      if (!present.hasAttribute("data-ready")) wire(present);
      return;
    }
    var label = words().switch;
    if (!label) return; // no tooltips on this page: nothing to switch
    var button = document.createElement("button");
    button.type = "button";
    button.className = "glossary-toggle";
    button.innerHTML = ICON;
    var name = document.createElement("span");
    name.className = "glossary-toggle__label";
    name.textContent = label;
    button.appendChild(name);
    wire(button);
    var article = document.querySelector("article.md-content__inner");
    if (article) {
      button.classList.add("md-content__button");
      // the actions float right in source order: after them, it sits to their left
      var actions = article.querySelectorAll(":scope > .md-content__button");
      var after = actions.length ? actions[actions.length - 1] : null;
      article.insertBefore(button, after ? after.nextSibling : article.firstChild);
      return;
    }
    var heading = document.querySelector("main h1, [role=main] h1, h1");
    if (heading && heading.parentNode) heading.parentNode.insertBefore(button, heading);
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
