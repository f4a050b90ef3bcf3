// Site search: fetch the search index only when the reader opens the search, not on every page load.
// The index is about 100 KB gzipped (every unit and team name is in it) and most
// readers of a guide never search. Material requests it with XMLHttpRequest as soon as it starts, so
// this script, loaded before Material's bundle, holds that one request back until the search box is
// opened or focused (or the page is opened with ?q=…). Offline (file://) Material loads
// search_index.js instead, which is not touched.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var wanted = false, waiting = [];

  function start() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.sotayIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  // With no network (and not saved on the phone) the index fails and Material would say "Đang chuẩn bị
  // tìm kiếm" for ever: say what is going on and what still works.
  function unavailable() {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    var config = document.getElementById("__config"), base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* keep "." */ }
    var link = document.createElement("a");
    link.href = base.replace(/\/$/, "") + "/huong-dan/";
    link.textContent = "mở mục Hướng dẫn";
    meta.textContent = "Chưa tải được dữ liệu tìm kiếm vì chưa có mạng. Các bài hướng dẫn đã lưu trên điện thoại vẫn đọc được: ";
    meta.appendChild(link);
    meta.appendChild(document.createTextNode(". Khi có mạng, hãy mở lại ô tìm kiếm."));
    meta.classList.add("sotay-search-offline");
  }

  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (request.sotayIndex) request.addEventListener("loadend", function () { if (request.status !== 200) unavailable(); });
    if (!request.sotayIndex || wanted) return send.apply(request, args);
    waiting.push(function () { send.apply(request, args); });
  };

  // Every way into the search: the header button (a label for the #__search toggle), keyboard
  // shortcuts (they check the toggle), focus in the box, a link with ?q=.
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("label[for='__search']")) start();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") start();
  }, true);
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) start();
  }, true);
  if (/[?&]q=/.test(location.search)) start();
})();
