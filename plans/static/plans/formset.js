/* "Add a row" for the plan form's inline formsets, without losing what is typed:
   the new row is a copy of the formset's empty_form (a <template>) with __prefix__
   replaced by the next index, appended to the rows; TOTAL_FORMS is incremented. */
(function () {
  "use strict";
  /* Multi-selects of agencies hold hundreds of options in a small box: the choice is listed
     under the box ("Đã chọn: …"), so it stays visible while scrolling and after an error. */
  var form = document.getElementById("plan-form");
  // Autocomplete selects (agencies) show their choices as chips: no summary needed.
  var MULTI = "select[multiple]:not([data-autocomplete])";
  function summarise(select) {
    if (!form) {
      return;
    }
    var out = select.parentElement.querySelector("[data-selected-summary]");
    if (!out) {
      out = document.createElement("div");
      out.className = "form-text";
      out.setAttribute("data-selected-summary", "");
      select.insertAdjacentElement("afterend", out);
    }
    var names = Array.prototype.map.call(select.selectedOptions, function (o) { return o.text; });
    if (names.length) {
      out.textContent = (form.getAttribute("data-selected-label") || "") + names.join("; ");
    } else if (!select.options.length) {
      // e.g. a new plan's task: its targets do not exist until the plan is saved.
      out.textContent = form.getAttribute("data-empty-hint") || "";
    } else {
      out.textContent = form.getAttribute("data-multi-hint") || "";
    }
  }
  if (form) {
    form.querySelectorAll(MULTI).forEach(summarise);
    form.addEventListener("change", function (event) {
      if (event.target.matches && event.target.matches(MULTI)) {
        summarise(event.target);
      }
    });
  }
  document.querySelectorAll("[data-formset]").forEach(function (fieldset) {
    var prefix = fieldset.getAttribute("data-formset");
    var total = fieldset.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var rows = fieldset.querySelector("[data-formset-rows]");
    var template = fieldset.querySelector("template[data-formset-empty]");
    var button = fieldset.querySelector("[data-formset-add]");
    if (!total || !rows || !template || !button) {
      return;
    }
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10) || 0;
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      var holder = document.createElement("div");
      holder.innerHTML = html.trim();
      var row = holder.firstElementChild;
      rows.appendChild(row);
      total.value = String(index + 1);
      row.querySelectorAll(MULTI).forEach(summarise);
      if (window.coopAutocomplete) {
        window.coopAutocomplete(row);
      }
      var first = row.querySelector("input:not([type=hidden]), textarea, select");
      if (first) {
        first.focus();
      }
    });
  });
})();
