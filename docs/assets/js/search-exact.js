// Site search: rank a word typed in full above words that only start with it. Material appends * to
// every word, so without tone marks "an" also matches "anh", "kho" matches "khoản" and "thon" matches
// "thông": short titles with one such prefix outranked "thôn An Lạc" or "Khó khăn…". Each word typed
// without tone marks is sent to Material's search worker twice: exact with a boost (Material adds no
// * to it) and as typed (Material adds *, so a word being typed keeps finding). Only such words: lunr
// runs its English stemmer on a query word without *, which turns a final y into i (ngay, may, tay;
// máy, ngày too) and drops a final s, so their exact copy would find nothing. With tone marks, only a
// word whose tone mark may sit on either vowel ("hoà", "hòa": the index holds both spellings) gets its
// exact copy: "hoà*" also matches "hoàng", "hoành", which outranked "Phường Cộng Hoà". Loaded in <head>,
// before Material starts its worker; any other query (quotes, lunr operators) is passed on unchanged.
(function () {
  "use strict";
  var NativeWorker = window.Worker, QUERY = 2, BOOST = 10;
  if (!NativeWorker) return;

  var MOVABLE = /(?:^|[^q])(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]|[òóỏõọ][ae]|[ùúủũụ]y)$/iu;  // as sotay.text
  // Without tone marks, all words or none: boosting some words of a query would let them outweigh the
  // others ("giay to": "to" is in every team's name). With them, only the words whose spelling varies.
  function exactFirst(query) {
    var words = query.trim().split(/\s+/).filter(Boolean);
    if (!words.length || words.some(function (word) { return /[ys]$/i.test(word); })) return query;
    if (words.every(function (word) { return /^[a-z0-9]+$/i.test(word); })) {
      return words.map(function (word) { return word + "^" + BOOST + " " + word; }).join(" ");
    }
    if (!words.every(function (word) { return /^[\p{L}\p{N}]+$/u.test(word); })) return query;
    return words.map(function (word) { return MOVABLE.test(word) ? word + "^" + BOOST + " " + word : word; }).join(" ");
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
