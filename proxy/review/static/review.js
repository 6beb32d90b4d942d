// sladd review page: progressive enhancement only; every form works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Selecting text in the scrubbed text fills the "missed span" field.
  var field = document.getElementById("missed-text");
  document.querySelectorAll(".scrubbed").forEach(function (block) {
    block.addEventListener("mouseup", function () {
      var picked = String(window.getSelection() || "").trim();
      if (field && picked && picked.indexOf("\n") < 0) { field.value = picked; field.focus(); }
    });
  });
  // Ask before allow-listing a value for good.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
});
