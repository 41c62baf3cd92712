/* The plan form's signer: the leaders of the issuing agency come first (issue 18), and follow
 * the issuer chosen on the page as it changes, not only the one the page was loaded with.
 * <select data-leaders-first-for="issuer"> holds one option per leader with data-agency (the
 * leader's agency id) and data-agency-name; on load and whenever the issuer field changes the
 * options are put in order: the issuer's leaders first, then by agency name, each agency's
 * leaders in the server's order (by name). The empty choice stays on top, the choice is kept.
 * No inline script (CSP): included by plans/plan_form.html and planimport/review.html. */
(function () {
  "use strict";

  function setUp(select) {
    var form = select.form;
    var name = select.getAttribute("data-leaders-first-for");
    if (!form || !name || select.hasAttribute("data-leaders-ordered")) {
      return;
    }
    select.setAttribute("data-leaders-ordered", "");
    var leaders = Array.prototype.filter.call(select.options, function (o) {
      return o.hasAttribute("data-agency");
    });
    leaders.forEach(function (o, i) { o.setAttribute("data-server-index", String(i)); });

    function issuer() {
      var field = form.elements.namedItem(name);
      return field && field.value ? String(field.value) : "";
    }

    function reorder() {
      var chosen = issuer();
      var sorted = leaders.slice().sort(function (a, b) {
        var firstA = a.getAttribute("data-agency") === chosen ? 0 : 1;
        var firstB = b.getAttribute("data-agency") === chosen ? 0 : 1;
        if (firstA !== firstB) {
          return firstA - firstB;
        }
        var byAgency = (a.getAttribute("data-agency-name") || "").localeCompare(b.getAttribute("data-agency-name") || "", "vi");
        if (byAgency !== 0) {
          return byAgency;
        }
        return Number(a.getAttribute("data-server-index")) - Number(b.getAttribute("data-server-index"));
      });
      var value = select.value;
      sorted.forEach(function (o) { select.appendChild(o); });  // moves the option, keeps its state
      select.value = value;
      select.setAttribute("data-leaders-first", chosen);
    }

    form.addEventListener("change", function (event) {
      if (event.target && event.target.name === name) {
        reorder();
      }
    });
    reorder();
  }

  function init() {
    document.querySelectorAll("select[data-leaders-first-for]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
