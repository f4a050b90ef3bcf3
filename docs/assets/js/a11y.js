// Names and keyboard access the theme leaves out (axe: landmark-unique, scrollable-region-focusable;
// WCAG 4.1.2, 2.4.4, 2.1.1). The toggle of a section that has its own page ("Cách làm hay") is a label
// holding only an icon: it takes the keyboard's focus with nothing to read out, and the section's <nav>
// takes its name from it. On the blog's list, each post's "Tiếp tục đọc" sits in a <nav> of its own.
(function () {
  "use strict";
  function text(node) { return node ? node.textContent.replace(/\s+/g, " ").trim() : ""; }
  // Hidden text, not aria-label: a <label> has no role that may carry one (axe: aria-prohibited-attr).
  var labels = document.querySelectorAll(".md-nav__container > label.md-nav__link[id]");
  for (var i = 0; i < labels.length; i++) {
    var section = text(labels[i].parentNode.querySelector("a.md-nav__link"));
    if (section && !text(labels[i])) {
      var name = document.createElement("span");
      name.className = "sotay-hidden-name";
      name.textContent = section;
      labels[i].appendChild(name);
    }
  }
  // A wide table scrolls sideways in the theme's wrapper, which the keyboard could not reach (axe:
  // scrollable-region-focusable): it becomes a named region that takes the focus. The theme adds the
  // wrappers as the page is set up, hence after each page is ready.
  function scrollers() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var w = 0; w < wraps.length; w++) {
      if (wraps[w].hasAttribute("tabindex")) continue;
      var head = wraps[w].querySelector("th");
      wraps[w].setAttribute("tabindex", "0");
      wraps[w].setAttribute("role", "region");
      wraps[w].setAttribute("aria-label", "Bảng" + (head ? ": " + text(head) : ""));
    }
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(scrollers); else scrollers();
  var more = document.querySelectorAll("nav.md-post__action");
  for (var j = 0; j < more.length; j++) {
    var post = more[j].closest("article"), title = post && text(post.querySelector("h2"));
    if (title && !more[j].hasAttribute("aria-label")) more[j].setAttribute("aria-label", text(more[j]) + ": " + title);
  }
})();
