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
      var blocks = list.querySelectorAll("details");
      var opened = Array.prototype.map.call(blocks, function (d) { return d.open; });
      select.addEventListener("change", function () {
        var shown = 0;
        blocks.forEach(function (block, i) {
          var here = 0;
          block.querySelectorAll("li[data-district]").forEach(function (item) {
            var match = !select.value || item.dataset.district === select.value;
            item.hidden = !match;
            if (match) here += 1;
          });
          // One district's notes are few: show them in every period; all districts: as the page opened.
          // (style, not the hidden attribute: the theme's display rule for details would win over it)
          block.style.display = here === 0 ? "none" : "";
          block.open = select.value ? here > 0 : opened[i];
          var counted = block.querySelector(".sotay-notes__count");
          if (counted) counted.textContent = here.toLocaleString("vi-VN");
          shown += here;
        });
        // next to the page's "682 ý kiến": say what the number shown is part of
        var total = list.querySelectorAll("li[data-district]").length;
        if (count) count.textContent = select.value ? "Đang hiện " + shown.toLocaleString("vi-VN") + " ý kiến của " +
          select.options[select.selectedIndex].text + " (trong tổng số " + total.toLocaleString("vi-VN") + " ý kiến)." : "";
      });
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(setup); } else { document.addEventListener("DOMContentLoaded", setup); }
})();
