/*
 * Material's search worker, limited to one language's pages (see the config block in
 * overrides/main.html, which starts this worker instead of Material's).
 *
 * Both languages share one index, search/search_index.json. The page names its language in
 * this script's query:
 *   ?only=en/&worker=search.<hash>.min.js      keep the entries under en/
 *   ?except=en/&worker=search.<hash>.min.js    keep the rest (the default language)
 * The first message Material sends (type 0, "setup") carries the whole index; its entries are
 * filtered here, before Material's own listener (added by importScripts below, so it runs
 * after this one) builds the lunr index from them. Every other message passes untouched.
 */
(function () {
  "use strict";

  var SETUP = 0; // Material's SearchMessageType.SETUP
  var params = new URLSearchParams(self.location.search);
  var list = function (value) {
    return (value || "").split(",").filter(function (prefix) { return prefix; });
  };
  var only = list(params.get("only"));
  var except = list(params.get("except"));
  var worker = params.get("worker") || "";

  function startsWithAny(location, prefixes) {
    return prefixes.some(function (prefix) { return location.indexOf(prefix) === 0; });
  }

  function keep(doc) {
    var location = String(doc.location || "");
    if (only.length) return startsWithAny(location, only);
    return !startsWithAny(location, except);
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP && message.data && Array.isArray(message.data.docs)) {
      message.data.docs = message.data.docs.filter(keep);
    }
  });

  // Only Material's worker, from this folder: never a script named by someone else's link.
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker)) {
    throw new Error("search-language.js: unexpected worker name " + JSON.stringify(worker));
  }
  self.importScripts(worker);
})();
