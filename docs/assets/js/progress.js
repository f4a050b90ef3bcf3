/* Progress page: filter the difficulties list by district. Without JavaScript every note is shown. */
(function () {
  "use strict";
  function setup() {
    document.querySelectorAll("form[data-filter-list]").forEach(function (form) {
      if (form.dataset.ready) return;
      var list = document.getElementById(form.dataset.filterList);
      var select = form.querySelector("select");
      var count = form.querySelector("output");
      if (!list || !select) return;
      form.dataset.ready = "1";
      form.hidden = false;
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      select.addEventListener("change", function () {
        var shown = 0;
        list.querySelectorAll("li[data-district]").forEach(function (item) {
          var match = !select.value || item.dataset.district === select.value;
          item.hidden = !match;
          if (match) shown += 1;
        });
        if (count) count.textContent = "Đang hiện " + shown.toLocaleString("vi-VN") + " ý kiến";
      });
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(setup); } else { document.addEventListener("DOMContentLoaded", setup); }
})();
