/* Keeps the guides on the phone for reading with no network: registers the service worker (sw.js at
   the site's root, see sotay.service_worker). Not in the offline edition (file://), which is all on
   the computer already, nor when the phone asks to save data. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script || location.protocol === "file:") return;
  // Data Saver on: no background download of every guide and the directory (about 350 KB) unasked.
  if (navigator.connection && navigator.connection.saveData) return;
  var root = script.src.replace(/assets\/js\/[^/]*$/, "");
  // After the page has loaded: saving the guides must not slow the first page down.
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(root + "sw.js").catch(function () {});
  });
})();
