/* Service worker of the handbook (sw.js at the site's root, made by sotay.service_worker at build time).
   A phone that opened the site once keeps the home page, every guide with its pictures, the directory
   and the site's look, and reads them with no network. Pages are asked from the network first, so an edit shows at
   once; the saved copy is used when there is no network, or when it is slower than WAIT_MS. */
"use strict";
var VERSION = "__VERSION__";
var PRECACHE = __PRECACHE__;  // paths relative to this file
var GUIDES = __GUIDES__;  // [path, title] of each guide, for the page shown when a page was never saved
var DIRECTORY = __DIRECTORY__;  // the directory's path, "" when the site has none
var CORE = "sotay-core-" + VERSION, SEEN = "sotay-seen", KEEP = 300, WAIT_MS = 4000;
var DOWNLOADS = /\.(?:zip|xlsx|vcf|csv)$/i;

self.addEventListener("install", function (event) {
  // One by one: a file that fails to load must not stop the others from being saved.
  event.waitUntil(caches.open(CORE).then(function (cache) {
    return Promise.all(PRECACHE.map(function (path) {
      return cache.add(new Request(path, { cache: "reload" })).catch(function () {});
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("sotay-core-") === 0 && name !== CORE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function remember(request, response) {
  caches.open(SEEN).then(function (cache) {
    return cache.put(request, response).then(function () { return cache.keys(); }).then(function (keys) {
      for (var i = 0; i < keys.length - KEEP; i++) cache.delete(keys[i]);  // oldest first
    });
  }).catch(function () {});
}

function escape(text) {
  return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
}

function notSaved() {
  var root = self.registration.scope;
  var items = GUIDES.map(function (guide) {
    return '<li><a href="' + root + guide[0] + '">' + escape(guide[1]) + "</a></li>";
  }).join("");
  var page = '<!doctype html><html lang="vi"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><title>Chưa có mạng - Sổ tay Công nghệ số cộng đồng</title>' +
    "<style>body{font:1.1rem/1.5 system-ui,sans-serif;margin:1rem auto;max-width:40rem;padding:0 1rem}" +
    "ul{list-style:none;padding:0}a{display:block;padding:.6rem 0;min-height:44px;box-sizing:border-box}</style></head><body>" +
    "<h1>Chưa có mạng</h1><p>Trang này chưa được lưu trên điện thoại. Khi có mạng, hãy mở lại trang.</p>" +
    "<p>Các bài hướng dẫn dưới đây đã được lưu, đọc được ngay cả khi không có mạng:</p><ul>" + items + "</ul>" +
    (DIRECTORY ? '<p><a href="' + root + DIRECTORY + '">Danh bạ các tổ: tìm số điện thoại của tổ thôn mình</a></p>' : "") +
    '<p><a href="' + root + '">Về trang chủ</a></p></body></html>';
  return new Response(page, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (DOWNLOADS.test(url.pathname)) return;  // files to save (the 13 MB ZIP, vCards, Excel): not kept twice
  var navigate = request.mode === "navigate";
  // ?q= and ?h= (search words) ask for the same page
  var saved = caches.match(request, { ignoreSearch: navigate });
  event.respondWith(new Promise(function (resolve) {
    var done = false;
    function answer(response) { if (!done && response) { done = true; resolve(response); } }
    var timer = setTimeout(function () { saved.then(answer); }, WAIT_MS);
    fetch(request).then(function (response) {
      clearTimeout(timer);
      if (response.ok && response.type === "basic") remember(request, response.clone());
      answer(response);
    }, function () {
      clearTimeout(timer);
      saved.then(function (response) {
        answer(response || (navigate ? notSaved() : new Response("", { status: 503 })));
      });
    });
  }));
});
