// Service page: where the phone has a share sheet (navigator.share), offer it beside the WhatsApp link.
(function () {
  "use strict";
  var link = document.querySelector("[data-share-url]");
  if (!link || typeof navigator.share !== "function") {
    return;
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "share-native";
  button.textContent = link.getAttribute("data-share-label");
  button.addEventListener("click", function () {
    navigator.share({ title: document.title, url: link.getAttribute("data-share-url") }).catch(function () {
      // The citizen closed the sheet: nothing to do.
    });
  });
  link.parentNode.appendChild(button);
})();
