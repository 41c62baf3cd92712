/* Review page: "Show in the document" marks an item's span(s) in the source text and scrolls
   to it; clicking a marked passage in the source scrolls to its row in the forms. */
(function () {
  "use strict";
  var source = document.getElementById("import-source");
  if (!source) {
    return;
  }
  function clear() {
    document.querySelectorAll(".is-active").forEach(function (el) { el.classList.remove("is-active"); });
  }
  function spansOf(item) {
    return Array.prototype.filter.call(source.querySelectorAll("[data-items]"), function (el) {
      return el.getAttribute("data-items").split(" ").indexOf(item) !== -1;
    });
  }
  function showInSource(item) {
    clear();
    var spans = spansOf(item);
    spans.forEach(function (el) { el.classList.add("is-active"); });
    if (spans.length) {
      var top = spans[0].offsetTop - source.offsetTop - 40;
      source.scrollTo({ top: Math.max(0, top), behavior: "smooth" });
    }
    document.querySelectorAll("[data-item='" + item + "']").forEach(function (el) { el.classList.add("is-active"); });
  }
  document.querySelectorAll(".import-show").forEach(function (button) {
    button.addEventListener("click", function () { showInSource(button.getAttribute("data-show")); });
  });
  source.addEventListener("click", function (event) {
    var span = event.target.closest("[data-items]");
    if (!span) {
      return;
    }
    var ids = span.getAttribute("data-items").split(" ");
    // The narrowest item first (the server orders them so).
    for (var i = 0; i < ids.length; i++) {
      var row = document.querySelector("#import-forms [data-item='" + ids[i] + "']");
      if (row) {
        showInSource(ids[i]);
        row.scrollIntoView({ behavior: "smooth", block: "center" });
        return;
      }
    }
  });
})();
