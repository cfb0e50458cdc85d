// Glossary page filter: narrows the entries by name (either language, aliases, Hangul
// initial consonants) and by tag, keeps the query in the URL (?q=ㅍㄷ&tag=workload), and
// highlights the entry named by the URL fragment (#pod). Selected tags combine as "all of"
// or "any of", as the reader picks (?match=any). Without JavaScript every entry shows and the
// filter form stays hidden (glossary-page.css).
//
// Each entry's long explanation and facts sit in a <details>: collapsed on a narrow screen,
// so a phone reader scans the names and short definitions, open on a wide one. An entry a
// link (#pod) or the filter picks opens in full; the browser opens one its find-in-page
// reaches. Printing opens them all. Once the index and filter scroll away, a control leads
// back to them.
(function () {
  "use strict";

  var INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
  // Finals that are also initials: a syllable still being composed (팓) may end in the next
  // syllable's initial consonant (파드), so "팓" also matches as "파ㄷ".
  var FINALS = ["", "ㄱ", "ㄲ", "", "ㄴ", "", "", "ㄷ", "ㄹ", "", "", "", "", "", "", "",
                "ㅁ", "ㅂ", "", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"];
  var SYLLABLE_FIRST = 0xac00;
  var SYLLABLE_COUNT = 11172;
  var STATUS_DELAY_MS = 350;
  var WIDE = window.matchMedia("(min-width: 60em)"); // glossary-page.css uses the same width

  // Material's site search also reads ?q=: when its bundle starts it opens the search dialog
  // with that query, and deletes q from the URL whenever the dialog closes. On the glossary
  // page ?q= belongs to this filter, so close that dialog again (this script runs right
  // after the bundle, before the first paint) and put q back once the filter is set up.
  var pendingQuery = null;
  if (document.querySelector(".glossary-page")) {
    pendingQuery = new URL(window.location.href).searchParams.get("q");
    var searchToggle = document.getElementById("__search");
    var searchInput = document.querySelector("[data-md-component=search-query]");
    if (pendingQuery !== null && searchToggle && searchToggle.checked) {
      searchToggle.click();
      if (searchInput) {
        searchInput.value = "";
        searchInput.dispatchEvent(new Event("keyup"));
        searchInput.blur();
      }
    }
  }

  function syllableIndex(ch) {
    var code = ch.charCodeAt(0) - SYLLABLE_FIRST;
    return code >= 0 && code < SYLLABLE_COUNT ? code : -1;
  }

  function initialOf(ch) {
    var index = syllableIndex(ch);
    return index < 0 ? "" : INITIALS.charAt(Math.floor(index / 588));
  }

  function normalize(text) {
    return text.normalize("NFC").toLowerCase().replace(/[\s\-_.·]+/g, "");
  }

  // A query character matches a name character if they are equal, or if the query
  // character is an initial consonant and the name's syllable starts with it.
  function containsQuery(name, query) {
    for (var start = 0; start + query.length <= name.length; start++) {
      var ok = true;
      for (var i = 0; i < query.length && ok; i++) {
        var q = query.charAt(i);
        var n = name.charAt(start + i);
        ok = q === n || (INITIALS.indexOf(q) >= 0 && initialOf(n) === q);
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  function queryVariants(query) {
    var variants = [query];
    var last = query.charAt(query.length - 1);
    var index = last ? syllableIndex(last) : -1;
    if (index >= 0 && FINALS[index % 28]) {
      var open = String.fromCharCode(SYLLABLE_FIRST + index - (index % 28));
      variants.push(query.slice(0, -1) + open + FINALS[index % 28]);
    }
    return variants;
  }

  function matchesName(names, query) {
    if (!query) {
      return true;
    }
    var variants = queryVariants(query);
    return names.some(function (name) {
      return variants.some(function (variant) {
        return containsQuery(name, variant);
      });
    });
  }

  function setup(root) {
    if (root.dataset.filterReady) {
      return;
    }
    root.dataset.filterReady = "true";
    var form = root.querySelector(".glossary-filter");
    var input = root.querySelector(".glossary-filter-input");
    var status = root.querySelector(".glossary-status");
    var noMatch = root.querySelector(".glossary-no-match");
    var chips = Array.prototype.slice.call(root.querySelectorAll(".glossary-chip"));
    var groups = Array.prototype.slice.call(root.querySelectorAll(".glossary-group"));
    var indexLinks = Array.prototype.slice.call(root.querySelectorAll(".glossary-index a"));
    var matchInputs = Array.prototype.slice.call(root.querySelectorAll(
      ".glossary-match input[name=match]"));
    var indexNote = root.querySelector(".glossary-index-note");
    var messages = JSON.parse(root.dataset.status);
    var total = Number(root.dataset.total);
    var statusTimer = null;
    var entries = Array.prototype.slice.call(root.querySelectorAll(".glossary-entry"))
      .map(function (el) {
        return {
          el: el,
          names: JSON.parse(el.dataset.names).map(normalize),
          tags: (el.dataset.tags || "").split(" ").filter(Boolean),
          more: el.querySelector("details.glossary-entry-more"),
        };
      });
    var filtering = false;

    // every entry as the screen width has it: open when wide, collapsed when narrow
    function resetDetails() {
      entries.forEach(function (entry) {
        if (entry.more) entry.more.open = WIDE.matches;
      });
    }

    function selectedTags() {
      return chips.filter(function (chip) {
        return chip.getAttribute("aria-pressed") === "true";
      }).map(function (chip) {
        return chip.dataset.tag;
      });
    }

    function matchAny() {
      return matchInputs.some(function (radio) {
        return radio.checked && radio.value === "any";
      });
    }

    function hasTags(entry, tags) {
      if (tags.length === 0) {
        return true;
      }
      var has = function (tag) { return entry.tags.indexOf(tag) >= 0; };
      return matchAny() ? tags.some(has) : tags.every(has);
    }

    function statusText(count, filtering) {
      var key = !filtering ? "status_all" : count === 0 ? "status_none"
        : count === 1 ? "status_one" : "status_some";
      return messages[key].replace("{count}", String(count)).replace("{total}", String(total));
    }

    function apply(announceLater) {
      var query = normalize(input.value);
      var tags = selectedTags();
      var count = 0;
      var nowFiltering = Boolean(query) || tags.length > 0;
      entries.forEach(function (entry) {
        var show = matchesName(entry.names, query) && hasTags(entry, tags);
        entry.el.hidden = !show;
        count += show ? 1 : 0;
        if (show && nowFiltering && entry.more) entry.more.open = true; // picked: in full
      });
      if (filtering && !nowFiltering) resetDetails();
      filtering = nowFiltering;
      groups.forEach(function (group) {
        group.hidden = !group.querySelector(".glossary-entry:not([hidden])");
      });
      indexLinks.forEach(function (link) {
        var group = document.getElementById(link.hash.slice(1));
        // still a working link (not aria-disabled): clicked, it explains and offers a way out
        link.classList.toggle("is-empty", !group || group.hidden);
      });
      hideIndexNote();
      noMatch.hidden = count > 0;
      var text = statusText(count, Boolean(query) || tags.length > 0);
      window.clearTimeout(statusTimer);
      if (announceLater) {
        // Announce once the reader pauses, not on every keystroke.
        statusTimer = window.setTimeout(function () { status.textContent = text; },
          STATUS_DELAY_MS);
      } else {
        status.textContent = text;
      }
    }

    function saveToUrl() {
      var url = new URL(window.location.href);
      url.searchParams.delete("q");
      url.searchParams.delete("tag");
      if (input.value) {
        url.searchParams.set("q", input.value);
      }
      url.searchParams.delete("match");
      selectedTags().forEach(function (tag) { url.searchParams.append("tag", tag); });
      if (matchAny()) {
        url.searchParams.set("match", "any");
      }
      // unchanged (as on most loads): no history write, which costs time on a phone
      if (url.href !== window.location.href) {
        window.history.replaceState(window.history.state, "", url.href);
      }
    }

    function clearFilter() {
      input.value = "";
      chips.forEach(function (chip) { chip.setAttribute("aria-pressed", "false"); });
      apply(false);
      saveToUrl();
    }

    function hideIndexNote() {
      if (indexNote) {
        indexNote.textContent = "";
      }
    }

    // A greyed-out letter: nothing under it matches the filter. Say so, and offer to clear
    // the filter and go there, instead of going nowhere or dropping the filter unasked.
    function showIndexNote(link) {
      if (!indexNote) {
        return;
      }
      var letter = link.textContent;
      var text = document.createElement("span");
      text.className = "glossary-index-note-text";
      text.textContent = indexNote.dataset.none.replace("{letter}", letter);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "glossary-index-clear";
      button.textContent = indexNote.dataset.clear.replace("{letter}", letter);
      button.addEventListener("click", function () {
        clearFilter();
        var hash = link.hash;
        if (window.location.hash === hash) {
          document.getElementById(hash.slice(1)).scrollIntoView();
        } else {
          window.location.hash = hash;
        }
      });
      indexNote.textContent = "";
      indexNote.appendChild(text);
      indexNote.appendChild(document.createTextNode(" "));
      indexNote.appendChild(button);
    }

    // A malformed fragment (#%E0%A4%A) makes decodeURIComponent throw; it names no entry.
    function fragmentId() {
      try {
        return decodeURIComponent(window.location.hash.slice(1));
      } catch (error) {
        return "";
      }
    }

    function highlightTarget(scroll) {
      var id = fragmentId();
      var target = id ? document.getElementById(id) : null;
      root.querySelectorAll(".glossary-entry.is-target").forEach(function (el) {
        el.classList.remove("is-target");
      });
      if (!target || !root.contains(target)) {
        return;
      }
      if (target.closest("[hidden]")) {
        // A link to an entry the filter hides: show everything rather than go nowhere.
        clearFilter();
        scroll = true;
      }
      var entry = target.closest(".glossary-entry");
      if (entry) {
        entry.classList.add("is-target");
        var more = entry.querySelector("details.glossary-entry-more");
        if (more) more.open = true; // the entry a link names shows in full
      }
      if (scroll) {
        target.scrollIntoView();
      }
    }

    resetDetails();
    var params = new URL(window.location.href).searchParams;
    // The form shows before this script runs: keep what the reader may already have typed.
    input.value = pendingQuery !== null ? pendingQuery : params.get("q") || input.value;
    pendingQuery = null;
    var wanted = params.getAll("tag");
    chips.forEach(function (chip) {
      chip.setAttribute("aria-pressed", String(wanted.indexOf(chip.dataset.tag) >= 0));
    });
    matchInputs.forEach(function (radio) {
      radio.checked = radio.value === (params.get("match") === "any" ? "any" : "all");
    });
    apply(false);
    saveToUrl();
    highlightTarget(false);

    input.addEventListener("input", function () {
      apply(true);
      saveToUrl();
    });
    form.addEventListener("submit", function (event) {
      // Enter jumps to the first entry that matches.
      event.preventDefault();
      var first = root.querySelector(".glossary-entry:not([hidden]) .glossary-entry-name");
      if (first) {
        window.location.hash = first.id;
      }
    });
    chips.forEach(function (chip) {
      chip.addEventListener("click", function () {
        var pressed = chip.getAttribute("aria-pressed") === "true";
        chip.setAttribute("aria-pressed", String(!pressed));
        apply(false);
        saveToUrl();
      });
    });
    matchInputs.forEach(function (radio) {
      radio.addEventListener("change", function () {
        apply(false);
        saveToUrl();
      });
    });
    indexLinks.forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (link.classList.contains("is-empty")) {
          event.preventDefault();
          showIndexNote(link);
        } else {
          hideIndexNote();
        }
      });
    });
    window.addEventListener("hashchange", function () { highlightTarget(false); });
    WIDE.addEventListener("change", function () {
      if (!filtering) resetDetails();
    });

    // Print every entry in full, then put them back as they were.
    var closedForPrint = [];
    window.addEventListener("beforeprint", function () {
      closedForPrint = entries.filter(function (entry) {
        return entry.more && !entry.more.open;
      });
      closedForPrint.forEach(function (entry) { entry.more.open = true; });
    });
    window.addEventListener("afterprint", function () {
      closedForPrint.forEach(function (entry) { entry.more.open = false; });
      closedForPrint = [];
    });

    // The way back to the index and the filter: shown once they are above the screen.
    var back = root.querySelector(".glossary-back");
    var tools = root.querySelector(".glossary-tools");
    if (back && tools && "IntersectionObserver" in window) {
      new IntersectionObserver(function (changes) {
        var change = changes[changes.length - 1];
        back.hidden = change.isIntersecting || change.boundingClientRect.top > 0;
      }).observe(tools);
    }
    var toggle = document.getElementById("__search");
    if (toggle) {
      // Runs after Material's own listener, which has just deleted q from the URL.
      toggle.addEventListener("change", function () {
        if (!toggle.checked) {
          saveToUrl();
        }
      });
    }
  }

  function init() {
    var root = document.querySelector(".glossary-page");
    if (root) {
      setup(root);
    }
  }

  // Material emits document$ on every page load (also with instant navigation).
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
