// Site search: rank a word typed in full above words that only start with it. Material appends * to
// every word, so without tone marks "an" also matches "anh", "kho" matches "khoản" and "thon" matches
// "thông": short titles with one such prefix outranked "thôn An Lạc" or "Khó khăn…". Each plain word
// is sent to Material's search worker twice, exact with a boost (left alone by Material) and as typed
// (Material still adds *, so a word being typed keeps finding). Loaded in <head>, before Material
// starts its worker; a query with quotes or lunr operators is passed on unchanged.
(function () {
  "use strict";
  var NativeWorker = window.Worker, QUERY = 2, BOOST = 10;
  if (!NativeWorker) return;

  function exactFirst(query) {
    if (/["+\-*~^:]/.test(query)) return query;
    return query.trim().split(/\s+/).filter(Boolean).map(function (word) {
      return word + "^" + BOOST + " " + word;
    }).join(" ");
  }

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
