/* Autocomplete selects (issue 17): a <select data-autocomplete="URL"> holds only its chosen
 * option(s); Tom Select (vendor/tom-select) asks URL?q=… as the user types. The endpoint
 * answers {"results": [{"value", "text", "sub"}], "more"} already filtered (accent-insensitive)
 * and scoped to what the form accepts, so nothing is filtered again here.
 * Texts come from the select's data-* attributes (translated server-side).
 * window.coopAutocomplete(root) sets up the selects under root (rows added by formset.js). */
(function () {
  "use strict";

  function setUp(select) {
    if (select.tomselect || !window.TomSelect) {
      return;
    }
    var url = select.getAttribute("data-autocomplete");
    // Fields of the same form whose current values the endpoint needs (a plan's dates: the
    // agencies offered are those alive when the plan concerns); they override the URL's.
    var sendFields = (select.getAttribute("data-autocomplete-fields") || "").split(/\s+/).filter(Boolean);
    function fieldParams() {
      var out = "";
      var form = select.form;
      sendFields.forEach(function (name) {
        var el = form && form.elements.namedItem(name);
        if (el && el.value) {
          out += "&" + encodeURIComponent(name) + "=" + encodeURIComponent(el.value);
        }
      });
      return out;
    }
    var multiple = select.multiple;
    var emptyOption = null;
    if (!multiple) {
      var first = select.querySelector("option[value='']");
      if (first) {
        emptyOption = { value: "", text: first.textContent, sub: "" };
      }
    }
    var box = new window.TomSelect(select, {
      valueField: "value",
      labelField: "text",
      searchField: [],
      sortField: [{ field: "$order" }],
      allowEmptyOption: !!emptyOption,
      placeholder: select.getAttribute("data-placeholder") || "",
      plugins: multiple ? { remove_button: { title: select.getAttribute("data-remove") || "×" } } : ["dropdown_input"],
      maxOptions: 50,
      loadThrottle: 250,
      preload: "focus",
      closeAfterSelect: !multiple,
      hidePlaceholder: false,
      shouldLoad: function () { return true; },
      // Keep the server's matches as they come; the empty choice ("— Tất cả —") only while
      // nothing is typed.
      score: function (search) {
        return function (item) { return search && item.value === "" ? 0 : 1; };
      },
      load: function (query, callback) {
        var self = this;
        var sep = url.indexOf("?") < 0 ? "?" : "&";
        fetch(url + sep + "q=" + encodeURIComponent(query) + fieldParams(), {
          credentials: "same-origin",
          headers: { "Accept": "application/json" }
        }).then(function (response) {
          return response.ok ? response.json() : { results: [] };
        }).then(function (data) {
          if (query !== self.inputValue()) {
            callback();  // an answer to what was typed before: a newer query is on its way
            return;
          }
          // Only the server's answer to this query is listed (it already matched and
          // ordered it); every new query asks again.
          self.clearOptions();
          self.loadedSearches = {};
          var results = data.results || [];
          if (emptyOption && !query) {
            results = [emptyOption].concat(results);
          }
          callback(results);
        }).catch(function () { callback(); });
      },
      render: {
        option: function (item, escape) {
          var sub = item.sub ? '<div class="small text-muted">' + escape(item.sub) + "</div>" : "";
          return "<div>" + escape(item.text) + sub + "</div>";
        },
        item: function (item, escape) {
          return "<div>" + escape(item.text) + "</div>";
        },
        no_results: function (data, escape) {
          return '<div class="no-results">' + escape(select.getAttribute("data-no-results") || "") + "</div>";
        },
        loading: function (data, escape) {
          return '<div class="py-2 px-3 small text-muted">' + escape(select.getAttribute("data-loading") || "…") + "</div>";
        }
      }
    });
    forgetOnChange(select, box, sendFields);
  }

  // When one of the sent fields changes (the planner edits the plan's dates), the answers
  // already loaded are stale: forget them so the next click or search asks the endpoint again.
  function forgetOnChange(select, box, sendFields) {
    if (!sendFields.length || !select.form) {
      return;
    }
    select.form.addEventListener("change", function (event) {
      if (event.target && sendFields.indexOf(event.target.name) >= 0) {
        box.loadedSearches = {};
        box.clearOptions();
        // Tom Select preloads the empty search once per box (the wrapper's "preloaded" class):
        // without this, the next click found no options for the new dates and did not open.
        box.wrapper.classList.remove("preloaded");
      }
    });
  }

  function init(root) {
    (root || document).querySelectorAll("select[data-autocomplete]").forEach(setUp);
  }

  window.coopAutocomplete = init;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
})();
