// Guides: the "In tờ hướng dẫn" button prints the page (the print style sheet makes it a handout).
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest(".sotay-print-button")) {
    window.print();
  }
});
