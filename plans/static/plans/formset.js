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
  /* A row of the formset from its "Add a row" template (the empty form, __prefix__ → index). */
  function rowFromTemplate(template, index) {
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index)).trim();
    return holder.firstElementChild;
  }
  /* Lean rows (issue 17): the saved rows of the edit page come as their own values only — each
     control with its name, type and value (a select whose list is the same in every row: its
     chosen options only), "is-invalid" and its errors. The layout, labels, hints, ids, classes,
     other attributes and full option lists are the same in every row: the formset's template
     holds them once. Each lean row is replaced here by a row built from the template, with the
     lean row's controls put in place of the template's, before the autocompletes start
     (autocomplete.js waits for DOMContentLoaded). What the form posts is unchanged. */
  var KEEP = { name: 1, value: 1, checked: 1 };
  function fill(control, twin) {
    Array.prototype.forEach.call(twin.attributes, function (attr) {
      if (attr.name === "class") {
        twin.classList.forEach(function (c) { control.classList.add(c); });
      } else if (!KEEP[attr.name] && !control.hasAttribute(attr.name)) {
        control.setAttribute(attr.name, attr.value);
      }
    });
    if (control.tagName === "SELECT" && !control.hasAttribute("data-autocomplete") && !control.hasAttribute("data-own-options")) {
      var chosen = {};
      Array.prototype.forEach.call(control.options, function (o) {
        if (o.selected) {
          chosen[o.value] = true;
        }
      });
      var options = document.createDocumentFragment();
      Array.prototype.forEach.call(twin.options, function (o) {
        var option = o.cloneNode(true);
        option.defaultSelected = !!chosen[option.value];
        options.appendChild(option);
      });
      control.textContent = "";
      control.appendChild(options);
    }
  }
  function hydrate(row, template, first) {
    var named = row.querySelector("[name]");
    var index = named && /-(\d+)-[^-]+$/.exec(named.name);
    if (!index) {
      return;
    }
    var full = rowFromTemplate(template, index[1]);
    var grid = full.querySelector(".row") || full;
    if (!first) {
      // The hints are said once, in the first row (and in the rows added).
      full.querySelectorAll(".form-text").forEach(function (hint) { hint.remove(); });
      full.querySelectorAll("[aria-describedby]").forEach(function (el) { el.removeAttribute("aria-describedby"); });
    }
    var last = null;  // the control placed last: its errors follow it
    Array.prototype.slice.call(row.children).forEach(function (el) {
      if (el.name) {
        var twin = full.querySelector("[name='" + el.name + "']");
        if (twin) {
          fill(el, twin);
          twin.replaceWith(el);
        } else {
          grid.appendChild(el);
        }
        last = el;
      } else if (last) {
        last.insertAdjacentElement("afterend", el);
        last = el;
      } else {
        grid.insertAdjacentElement("beforebegin", el);  // the row's own errors, above its fields
      }
    });
    full.className = row.className;
    row.replaceWith(full);
  }
  document.querySelectorAll("[data-formset]").forEach(function (fieldset) {
    var template = fieldset.querySelector("template[data-formset-empty]");
    if (template) {
      fieldset.querySelectorAll("[data-formset-row][data-lean]").forEach(function (row, i) {
        hydrate(row, template, i === 0);
      });
    }
  });
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
      var row = rowFromTemplate(template, index);
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
