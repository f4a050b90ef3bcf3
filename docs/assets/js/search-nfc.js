// Site search: normalise what is typed to Unicode NFC before Material's search reads it (macOS and
// some Vietnamese keyboards produce NFD, whose separate tone marks would match nothing in the index),
// and have it read text that comes without a key-up (below).
// Runs in the capture phase, so it sees each keyup/input before Material's own listener.
(function () {
  "use strict";
  function normalise(event) {
    var input = event.target;
    if (!input || !input.matches || !input.matches("[data-md-component=search-query]")) return;
    var value = input.value, composed = value.normalize("NFC");
    if (composed === value) return;
    var atEnd = input.selectionStart === value.length;
    input.value = composed;
    if (atEnd) input.setSelectionRange(composed.length, composed.length);
  }
  ["keydown", "keyup", "input", "focus"].forEach(function (type) {
    document.addEventListener(type, normalise, true);
  });
  // Material reads the box on key-up and focus only: text pasted, dictated or picked from the keyboard's
  // suggestions arrives with an input event and no key-up, and the results stayed those of the text before.
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (input && input.matches && input.matches("[data-md-component=search-query]")) {
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  });
})();
