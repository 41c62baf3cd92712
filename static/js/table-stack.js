// Tables marked .table-stack stack into cards on phones (css/coopplan.css); each cell gets its
// column's name as data-label so the card still says what every value is.
(function () {
  function label(root) {
    (root || document).querySelectorAll("table.table-stack").forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead tr:last-child th"), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (td, i) {
          if (!td.hasAttribute("data-label") && heads[i] && !td.hasAttribute("colspan")) td.setAttribute("data-label", heads[i]);
        });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { label(document); });
  document.addEventListener("htmx:afterSwap", function (e) { label(e.target); });
})();
