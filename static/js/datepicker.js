/* Date boxes (issue 18): every date field is a text box showing dd/mm/yyyy
 * (core.forms.DatePickerInput: <input data-datepicker inputmode="numeric">), whatever the
 * browser's language; the native date input showed mm/dd/yyyy in an English browser.
 * This script attaches a calendar (vendor/vanillajs-datepicker, Vietnamese names on a
 * Vietnamese page) and keeps typing the user's:
 * - the box opens its calendar on focus or click; arrows move the day, Enter picks it, Esc
 *   closes it, Ctrl+arrows change the month; typing any character edits the text as usual;
 *   Enter sends the form only while the calendar is closed;
 * - a day is read as the server reads it (dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, eight
 *   digits) and shown back as dd/mm/yyyy; a text that is no day ("31/02/2026") is left as
 *   typed — the calendar would have rolled it over to 03/03/2026 or blanked it — so that the
 *   server answers with its message beside it;
 * - a phone's numeric keypad has no "/": the slashes are put in as the digits are typed;
 * - picking a day sends a "change" event, as typing does (autocomplete.js and the plan form
 *   listen for the plan's dates).
 * The calendar of a box is built when the box first takes the focus. */
(function () {
  "use strict";

  var DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
  var YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
  var DIGITS = /^(\d{2})(\d{2})(\d{4})$/;

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // The day a text names, or null; never a day rolled over (31/02 is not 03/03).
  function parse(text) {
    var value = String(text || "").trim();
    var m, d, mo, y;
    if ((m = DMY.exec(value))) {
      d = +m[1]; mo = +m[3]; y = +m[4];
    } else if ((m = YMD.exec(value))) {
      y = +m[1]; mo = +m[2]; d = +m[3];
    } else if ((m = DIGITS.exec(value))) {
      d = +m[1]; mo = +m[2]; y = +m[3];
    } else {
      return null;
    }
    var day = new Date(y, mo - 1, d);
    day.setFullYear(y);  // years below 100 are not 19xx
    if (day.getFullYear() !== y || day.getMonth() !== mo - 1 || day.getDate() !== d) {
      return null;
    }
    return day;
  }

  function show(day) {
    return pad(day.getDate()) + "/" + pad(day.getMonth() + 1) + "/" + day.getFullYear();
  }

  var FORMAT = {
    toValue: function (text) {
      return parse(text) || new Date(NaN);
    },
    toDisplay: function (day) {
      return show(day);
    }
  };

  // Slashes for a phone's numeric keypad: "25" → "25/", "25/03" → "25/03/" as digits are typed
  // at the end of the box (never when deleting or editing in the middle); a separator typed
  // right after one of these slashes is dropped ("25/" then "/" or "." stays "25/").
  function addSlashes(event) {
    var input = event.target;
    var value = input.value;
    if (event.inputType !== "insertText" || input.selectionStart !== value.length) {
      return;
    }
    if (/^\d{1,2}\/[/.-]$|^\d{1,2}\/\d{1,2}\/[/.-]$/.test(value)) {
      input.value = value.slice(0, -1);
    } else if (/^\d{2}$/.test(value) || /^\d{1,2}\/\d{2}$/.test(value)) {
      input.value = value + "/";
    }
  }

  function setUp(input) {
    var picker;
    // Enter while the calendar is open picks the day (or confirms the typed one): it must not
    // also send the form. Registered before the calendar's own handler, which closes it.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && picker && picker.active) {
        event.preventDefault();
      }
    });
    var vi = (document.documentElement.lang || "").slice(0, 2) === "vi" && window.Datepicker.locales.vi;
    // The calendar writes into the box what it understood of it when it is built: a text that
    // is no day (a page sent back with its error) would be blanked, and the box is built as it
    // takes the focus, perhaps with its text selected to be typed over. The box's text is left
    // alone while it is built (its "value" reads but does not write during that time).
    var value = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
    Object.defineProperty(input, "value", {
      configurable: true,
      get: function () { return value.get.call(input); },
      set: function () {}
    });
    try {
      picker = new window.Datepicker(input, {
        format: FORMAT,
        language: vi ? "vi" : "en",
        weekStart: 1,
        autohide: true,
        todayHighlight: true,
        buttonClass: "btn",
        // In <body>: a box inside a card or a scrolling table is not cut off; placed within
        // the screen (a 390 px phone included).
        container: document.body
      });
    } finally {
      delete input.value;
    }
    // The text that is no day is also kept on blur and Enter, where the calendar would revert it.
    var update = picker.update;
    picker.update = function (options) {
      if (input.value.trim() && !parse(input.value)) {
        return;  // left as typed: the server answers with its message
      }
      update.call(picker, options);
    };
    input.addEventListener("changeDate", function () {
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    input.addEventListener("input", addSlashes);
    // Focus moved elsewhere without a click or Tab (a screen reader, a script): close the
    // calendar so it does not cover the next field.
    input.addEventListener("blur", function () {
      window.setTimeout(function () {
        if (document.activeElement !== input && picker.active) {
          picker.update({ revert: true });
          picker.hide();
        }
      }, 0);
    });
  }

  // The calendar is built when a box first takes the focus (a click, a tap, Tab), not for every
  // box when the page loads: a long plan's page has a date box in each of its many rows (issue
  // 17 keeps those pages light), and rows added by formset.js need nothing more.
  document.addEventListener("focusin", function (event) {
    var input = event.target;
    if (input && input.matches && input.matches("input[data-datepicker]") && !input.datepicker && window.Datepicker) {
      setUp(input);
      input.datepicker.show();  // the focus that opens it has already happened
    }
  });
})();
