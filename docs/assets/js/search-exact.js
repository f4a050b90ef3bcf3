// Site search: rank a word typed in full above words that only start with it. Material appends * to
// every word, so without tone marks "an" also matches "anh", "kho" matches "khoản" and "thon" matches
// "thông": short titles with one such prefix outranked "thôn An Lạc" or "Khó khăn…". Each word typed
// without tone marks is sent to Material's search worker twice: exact with a boost (Material adds no
// * to it) and as typed (Material adds *, so a word being typed keeps finding). Only such words: lunr
// runs its English stemmer on a query word without *, which turns a final y into i (ngay, may, tay;
// máy, ngày too) and drops a final s, so their exact copy would find nothing. Loaded in <head>, before
// Material starts its worker; any other query (tone marks, quotes, lunr operators) is passed on unchanged
// but for the placement of tone marks (below).
(function () {
  "use strict";
  var NativeWorker = window.Worker, QUERY = 2, BOOST = 10;
  if (!NativeWorker) return;

  // A tone mark on oa, oe, uy ending a word sits on either vowel ("hoà", "hòa"); the index also holds
  // every such word in the old placement (sotay.search), so a query is sent in that one. As in
  // sotay.text.old_tone_placement: not after q ("quý").
  var NEW_PLACEMENT = /(^|[^q])(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}\p{N}])/giu;
  function oldPlacement(query) {
    if (/^[\x00-\x7f]*$/.test(query)) return query;
    return query.normalize("NFC").replace(NEW_PLACEMENT, function (all, before, pair) {
      var d = pair.normalize("NFD");  // vowel, vowel, tone mark
      return before + (d.charAt(0) + d.slice(2) + d.charAt(1)).normalize("NFC");
    });
  }

  // All words or none: boosting some words of a query would let them outweigh the others ("giay to":
  // "to" is in every team's name).
  function exactFirst(query) {
    query = oldPlacement(query);
    var words = query.trim().split(/\s+/).filter(Boolean);
    var safe = words.length && words.every(function (word) { return /^[a-z0-9]+$/i.test(word) && !/[ys]$/i.test(word); });
    if (!safe) return query;
    return words.map(function (word) { return word + "^" + BOOST + " " + word; }).join(" ");
  }
  window.sotayExactFirst = exactFirst;  // for the tests

  function SearchAwareWorker(url, options) {
    var worker = new NativeWorker(url, options);
    if (/\/workers\/search\.[^/]*\.js/.test(String(url))) {
      var post = worker.postMessage;
      worker.postMessage = function (message) {
        var args = Array.prototype.slice.call(arguments);
        if (message && message.type === QUERY && typeof message.data === "string") {
          args[0] = { type: QUERY, data: exactFirst(message.data) };
        }
        return post.apply(worker, args);
      };
    }
    return worker;
  }
  SearchAwareWorker.prototype = NativeWorker.prototype;
  window.Worker = SearchAwareWorker;
})();
