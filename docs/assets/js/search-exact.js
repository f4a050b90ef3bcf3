// Site search: rank a word typed in full above words that only start with it. Material appends * to
// every word, so without tone marks "an" also matches "anh", "kho" matches "khoản" and "thon" matches
// "thông": short titles with one such prefix outranked "thôn An Lạc" or "Khó khăn…". Each word typed
// without tone marks is sent to Material's search worker twice: exact with a boost (Material adds no
// * to it) and as typed (Material adds *, so a word being typed keeps finding). Only such words: lunr
// runs its English stemmer on a query word without *, which turns a final y into i (ngay, may, tay;
// máy, ngày too) and drops a final s, so their exact copy would find nothing. With tone marks, only a
// word whose tone mark may sit on either vowel ("hoà", "hòa": the index holds both spellings) gets its
// exact copy: "hoà*" also matches "hoàng", "hoành", which outranked "Phường Cộng Hoà". Loaded just
// before Material starts its worker; any other query (quotes, lunr operators) is passed on unchanged.
// Words of a query are all required first (lunr's +word*): Material joins them with OR, so "khai sinh"
// listed Phường An Sinh and Xã Quang Khải (one word, in a title boosted 1000×) above the guide that
// holds both words. Only when no page has every word is the query sent again with OR. Pages are then
// ordered by where the words are (see tier): "sổ đỏ" side by side in the land guide's text comes before
// Phường Sao Đỏ, whose team headings have "số" and "đồng"; in each group, Material's order.
(function () {
  "use strict";
  var NativeWorker = window.Worker, QUERY = 2, RESULT = 3, BOOST = 10;
  if (!NativeWorker) return;

  var MOVABLE = /(?:^|[^q])(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]|[òóỏõọ][ae]|[ùúủũụ]y)$/iu;  // as sotay.text
  var STOP = /^(?:là|cái|nhưng|mà)$/i;  // lunr.vi's stop words: not in the index, so never required

  // The query's words, each marked when it also gets an exact copy with a boost; null for lunr syntax.
  // Without tone marks, all words or none: boosting some words of a query would let them outweigh the
  // others ("giay to": "to" is in every team's name). With them, only the words whose spelling varies.
  function words(query) {
    var list = query.trim().split(/\s+/).filter(Boolean);
    if (!list.length || !list.every(function (word) { return /^[\p{L}\p{N}]+$/u.test(word); })) return null;
    var ascii = list.every(function (word) { return /^[a-z0-9]+$/i.test(word); });
    var stems = list.some(function (word) { return /[ys]$/i.test(word); });
    return list.map(function (word) {
      return { word: word, exact: !stems && (ascii || MOVABLE.test(word)) };
    });
  }
  // Any word may match (Material then appends * to each word without a boost).
  function exactFirst(query) {
    var list = words(query);
    if (!list) return query;
    return list.map(function (w) { return w.exact ? w.word + "^" + BOOST + " " + w.word : w.word; }).join(" ");
  }
  // Every word must match, as typed or as the start of a longer word; null when there is one word.
  function allWords(query) {
    var list = words(query);
    if (!list || list.filter(function (w) { return !STOP.test(w.word); }).length < 2) return null;
    return list.map(function (w) {
      var term = STOP.test(w.word) ? w.word : "+" + w.word + "*";
      return w.exact ? term + " " + w.word + "^" + BOOST : term;
    }).join(" ");
  }
  // Telex typing without a Vietnamese keyboard gives "dd" for đ ("ddoan thuong"); a word with đ and no
  // other mark ("đoan") matches neither the index's words ("đoàn") nor their folded copies ("doan").
  // Such words are searched folded; a word with its tone marks is left as typed.
  function telex(query) {
    return query.replace(/[\p{L}\p{N}]+/gu, function (word) {
      return /^[a-z0-9đ]+$/i.test(word) ? word.replace(/(d)d/gi, "$1").replace(/đ/g, "d").replace(/Đ/g, "D") : word;
    });
  }
  window.sotayTelex = telex;
  window.sotayExactFirst = exactFirst;  // for the tests
  window.sotayAllWords = allWords;

  // Same folding as sotay.text.fold: no tone marks, đ as d, words separated by one space.
  function fold(text) {
    return " " + text.toLowerCase().replace(/<[^>]*>/g, " ").replace(/đ/g, "d").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim() + " ";
  }
  // 0: a title (page or section) has the words side by side; 1: a title has every word in full;
  // 2: the text has them side by side; 3: a title has every word, some only as the start of a longer
  // one; 4: the rest. Every team's heading has "tổ công nghệ số cộng đồng", so "so do" is in each.
  function tier(group, words, phrase) {
    var best = 4;
    function has(title, ending) {
      return words.every(function (word) { return title.indexOf(" " + word + ending) >= 0; });
    }
    for (var i = 0; i < group.length && best > 0; i++) {
      var title = fold(group[i].title || "");
      if (title.indexOf(phrase) >= 0) best = 0;
      else if (best > 1 && has(title, " ")) best = 1;
      else if (best > 2 && fold(group[i].text || "").indexOf(phrase) >= 0) best = 2;
      else if (best > 3 && has(title, "")) best = 3;
    }
    return best;
  }
  // How many of the query's words the best page or section of a group has (Material's terms), which
  // matters when any word was enough: the guide with "khai" and "sinh" before Phường An Sinh.
  function found(group) {
    var most = 0;
    for (var i = 0; i < group.length; i++) {
      var terms = group[i].terms || {}, count = 0;
      for (var term in terms) if (terms[term]) count++;
      if (count > most) most = count;
    }
    return most;
  }
  function rerank(items, query) {
    var words = fold(query).trim().split(" ").filter(Boolean);
    if (words.length < 2) return;
    var phrase = " " + words.join(" ");
    var ranked = items.map(function (group, at) {
      return { group: group, at: at, found: found(group), tier: tier(group, words, phrase) };
    });
    ranked.sort(function (a, b) { return b.found - a.found || a.tier - b.tier || a.at - b.at; });
    for (var i = 0; i < items.length; i++) items[i] = ranked[i].group;
  }
  window.sotayRerank = rerank;

  function SearchAwareWorker(url, options) {
    var worker = new NativeWorker(url, options);
    if (/\/workers\/search\.[^/]*\.js/.test(String(url))) {
      var post = worker.postMessage;
      // The worker answers queries one by one, in order: pending[i] is what to send if the i-th
      // answer still to come is empty (the any-word query), or null.
      var pending = [];
      worker.postMessage = function (message) {
        var args = Array.prototype.slice.call(arguments);
        if (message && message.type === QUERY && typeof message.data === "string") {
          var query = telex(message.data), strict = allWords(query);
          pending.push({ query: query, loose: strict ? exactFirst(query) : null });
          args[0] = { type: QUERY, data: strict || exactFirst(query) };
        }
        return post.apply(worker, args);
      };
      // Added before Material's own listener, so an empty answer can be held back.
      worker.addEventListener("message", function (event) {
        if (!event.data || event.data.type !== RESULT) return;
        var asked = pending.shift(), items = event.data.data && event.data.data.items;
        if (!asked) return;
        if (items && items.length) { if (!/["+\-:^~*]/.test(asked.query)) rerank(items, asked.query); return; }
        if (!asked.loose) return;
        event.stopImmediatePropagation();
        if (pending.length) return;  // a newer query is on its way: its answer will be shown
        pending.push({ query: asked.query, loose: null });
        post.call(worker, { type: QUERY, data: asked.loose });
      });
    }
    return worker;
  }
  SearchAwareWorker.prototype = NativeWorker.prototype;
  window.Worker = SearchAwareWorker;

  // People and phone numbers are in the directory, not in the site search ("tran thu hang" listed the
  // guide on shops, "hàng"): a link under the result count sends the same words there.
  function directoryHint() {
    var meta = document.querySelector(".md-search-result__meta");
    var input = document.querySelector("[data-md-component=search-query]");
    var config = document.getElementById("__config");
    if (!meta || !input || !config) return;
    var query = input.value.trim(), hint = document.getElementById("sotay-search-directory");
    if (!query) { if (hint) hint.remove(); return; }
    if (!hint) {
      hint = document.createElement("a");
      hint.id = "sotay-search-directory";
      hint.className = "sotay-search-directory";
    }
    var page = location.protocol === "file:" ? "danh-ba/index.html" : "danh-ba/";  // file:// opens no folder
    hint.href = new URL(JSON.parse(config.textContent).base + "/" + page, location.href).href + "?tim=" + encodeURIComponent(query);
    hint.textContent = "Tìm người, số điện thoại “" + query + "” trong Danh bạ";
    if (hint.previousElementSibling !== meta) meta.after(hint);
  }
  window.sotayDirectoryHint = directoryHint;
  document.addEventListener("DOMContentLoaded", function () {
    var meta = document.querySelector(".md-search-result__meta");
    if (meta) new MutationObserver(directoryHint).observe(meta, { childList: true, characterData: true, subtree: true });
  });
})();
