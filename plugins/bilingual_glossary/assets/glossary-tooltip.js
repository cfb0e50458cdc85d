/*
 * Glossary tooltips. No dependencies, nothing fetched: the build puts each tooltip's text in
 * the page (<div role="tooltip" id="glossary-tip-ID" hidden>), and every annotated term
 * (<a class="glossary-term" aria-describedby="glossary-tip-ID">) points at it.
 *
 * - mouse: shown while the pointer is over the term or the tooltip itself;
 * - keyboard: shown while the term has focus; Esc hides it; Enter follows the link;
 * - touch: the first tap shows it (the link is not followed), a second tap follows the link.
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
  var hideTimer = 0;
  var tap = null; // {term, wasOpen} from the last touch pointerdown

  function termOf(node) {
    return node && node.closest ? node.closest("a.glossary-term[aria-describedby]") : null;
  }

  function tipOf(term) {
    var tip = document.getElementById(term.getAttribute("aria-describedby"));
    return tip && tip.getAttribute("role") === "tooltip" ? tip : null;
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
  }

  function hideSoon() {
    cancelHide();
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  function show(term) {
    var tip = tipOf(term);
    if (!tip) return;
    cancelHide();
    if (openTip && openTip !== tip) hide();
    openTerm = term;
    openTip = tip;
    tip.hidden = false;
    place(term, tip);
  }

  // Below the term, or above it when there is no room below; always inside the viewport.
  function place(term, tip) {
    var rects = term.getClientRects();
    var box = rects.length ? rects[0] : term.getBoundingClientRect();
    var viewWidth = document.documentElement.clientWidth;
    var viewHeight = document.documentElement.clientHeight;
    tip.style.left = "0px"; // measure it unconstrained by the right edge
    tip.style.top = "0px";
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = Math.min(box.left, viewWidth - width - MARGIN);
    left = Math.max(MARGIN, left);
    var top = box.bottom + GAP;
    if (top + height > viewHeight - MARGIN && box.top - GAP - height >= MARGIN) {
      top = box.top - GAP - height;
    }
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
    if (term) show(term);
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
    if (term) show(term);
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
    tap = term ? { term: term, wasOpen: term === openTerm } : null;
    if (!term && !inOpenTip(event.target)) hide();
  });

  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    var touch = tap;
    tap = null;
    // event.detail is 0 for a click made with the keyboard: Enter always follows the link
    if (!term || !touch || touch.term !== term || event.detail === 0) return;
    if (!touch.wasOpen) {
      event.preventDefault();
      show(term);
    }
  });

  window.addEventListener("resize", function () {
    if (openTerm) place(openTerm, openTip);
  });
})();
