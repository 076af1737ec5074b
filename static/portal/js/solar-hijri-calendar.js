/* A Solar Hijri calendar for the date inputs of Persian pages: the public
   event list's date filters and the back-office's date fields
   (portal/date_inputs.py). A text input marked data-calendar="solar-hijri"
   gets a button beside it that opens a month grid; the day chosen is written
   into the input year first with Persian digits (۱۴۰۵-۰۱-۰۱), as a person
   would type it. Without this script the input still works: the server
   reads a date typed year first, in either calendar, with any digits.

   The calendar has no words of its own. Its labels, the names of the months
   and weekdays and the digits come with the input, in data-calendar-labels,
   in the page's language.

   It is a dialog (the WAI-ARIA date picker dialog pattern): the grid's
   cells are reached with the keyboard, one of them in the tab order at a
   time. Arrow keys move by a day (left and right follow the page's
   direction: on a right-to-left page the next day is on the left) and by a
   week; Page Up and Page Down by a month, with Shift by a year; Home and
   End to the first and last day of the week; Enter or Space chooses the
   day; Escape closes without choosing; Tab cycles through the dialog.

   The arithmetic is jdatetime's (the 33-year cycle), which the server uses,
   so that a day chosen here is the day the server reads. It is also
   `window.SolarHijriCalendar`, which the browser tests compare with the
   server's, day by day. */
(function () {
  "use strict";

  var MONTH_DAYS = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29];
  var GREGORIAN_MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  // As portal.l10n.GREGORIAN_FROM_YEAR: a year from 1700 is Gregorian, an
  // earlier one Solar Hijri.
  var GREGORIAN_FROM_YEAR = 1700;
  var DAY = 86400000;

  function div(a, b) { return Math.floor(a / b); }
  function mod(a, b) { return a - b * Math.floor(a / b); }

  function isLeap(year) {
    return [1, 5, 9, 13, 17, 22, 26, 30].indexOf(mod(year, 33)) !== -1;
  }

  function monthLength(year, month) {
    return month === 12 && isLeap(year) ? 30 : MONTH_DAYS[month - 1];
  }

  function gregorianLeap(year) {
    return (mod(year, 4) === 0 && mod(year, 100) !== 0) || mod(year, 400) === 0;
  }

  // jdatetime's GregorianToJalali.
  function fromGregorian(gYear, gMonth, gDay) {
    var gy = gYear - 1600;
    var dayNo = 365 * gy + div(gy + 3, 4) - div(gy + 99, 100) + div(gy + 399, 400) + gDay - 1 - 79;
    for (var i = 0; i < gMonth - 1; i++) {
      dayNo += GREGORIAN_MONTH_DAYS[i];
    }
    if (gMonth > 2 && gregorianLeap(gy)) {
      dayNo += 1;
    }
    var cycles = div(dayNo, 12053);
    dayNo = mod(dayNo, 12053);
    var year = 979 + 33 * cycles + 4 * div(dayNo, 1461);
    dayNo = mod(dayNo, 1461);
    if (dayNo >= 366) {
      dayNo -= 1;
      year += div(dayNo, 365);
      dayNo = mod(dayNo, 365);
    }
    var month = 0;
    while (month < 11 && dayNo >= MONTH_DAYS[month]) {
      dayNo -= MONTH_DAYS[month];
      month += 1;
    }
    return { year: year, month: month + 1, day: dayNo + 1 };
  }

  // jdatetime's JalaliToGregorian.
  function toGregorian(year, month, day) {
    var jy = year - 979;
    var dayNo = 365 * jy + div(jy, 33) * 8 + div(mod(jy, 33) + 3, 4) + day - 1 + 79;
    for (var i = 0; i < month - 1; i++) {
      dayNo += MONTH_DAYS[i];
    }
    var gy = 1600 + 400 * div(dayNo, 146097);
    dayNo = mod(dayNo, 146097);
    var leap = true;
    if (dayNo >= 36525) {
      dayNo -= 1;
      gy += 100 * div(dayNo, 36524);
      dayNo = mod(dayNo, 36524);
      if (dayNo >= 365) {
        dayNo += 1;
      } else {
        leap = false;
      }
    }
    gy += 4 * div(dayNo, 1461);
    dayNo = mod(dayNo, 1461);
    if (dayNo >= 366) {
      leap = false;
      dayNo -= 1;
      gy += div(dayNo, 365);
      dayNo = mod(dayNo, 365);
    }
    var gMonth = 0;
    while (dayNo >= GREGORIAN_MONTH_DAYS[gMonth] + (gMonth === 1 && leap ? 1 : 0)) {
      dayNo -= GREGORIAN_MONTH_DAYS[gMonth] + (gMonth === 1 && leap ? 1 : 0);
      gMonth += 1;
    }
    return { year: gy, month: gMonth + 1, day: dayNo + 1 };
  }

  // A Solar Hijri day as a count of days (milliseconds of its Gregorian
  // day at midnight UTC), for moving by days and finding the weekday.
  function time(date) {
    var g = toGregorian(date.year, date.month, date.day);
    var moment = new Date(0);
    moment.setUTCFullYear(g.year, g.month - 1, g.day);
    return moment.getTime();
  }

  function fromTime(milliseconds) {
    var moment = new Date(milliseconds);
    return fromGregorian(moment.getUTCFullYear(), moment.getUTCMonth() + 1, moment.getUTCDate());
  }

  function addDays(date, days) {
    return fromTime(time(date) + days * DAY);
  }

  function addMonths(date, months) {
    var index = date.year * 12 + (date.month - 1) + months;
    var year = div(index, 12);
    var month = mod(index, 12) + 1;
    return { year: year, month: month, day: Math.min(date.day, monthLength(year, month)) };
  }

  // The column of a day in a week that starts on Saturday (0) and ends on Friday (6).
  function column(date) {
    return mod(new Date(time(date)).getUTCDay() + 1, 7);
  }

  function same(a, b) {
    return Boolean(a && b) && a.year === b.year && a.month === b.month && a.day === b.day;
  }

  function today() {
    var now = new Date();
    return fromGregorian(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) {
      text = "0" + text;
    }
    return text;
  }

  function iso(date) {
    return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2);
  }

  var SCRIPTS = ["۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९"];
  var INVISIBLE = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
  var TYPED = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;

  function asciiDigits(text) {
    return text.replace(/[۰-۹٠-٩०-९]/g, function (digit) {
      for (var i = 0; i < SCRIPTS.length; i++) {
        var index = SCRIPTS[i].indexOf(digit);
        if (index !== -1) {
          return String(index);
        }
      }
      return digit;
    });
  }

  // The day a typed value means, as the server reads it (portal.l10n.read_date); null if none.
  function parse(text) {
    var match = TYPED.exec(asciiDigits(text.replace(INVISIBLE, "")).trim());
    if (!match) {
      return null;
    }
    var year = Number(match[1]);
    var month = Number(match[3]);
    var day = Number(match[4]);
    if (year >= GREGORIAN_FROM_YEAR) {
      var moment = new Date(0);
      moment.setUTCFullYear(year, month - 1, day);
      if (moment.getUTCMonth() !== month - 1 || moment.getUTCDate() !== day) {
        return null;
      }
      return fromTime(moment.getTime());
    }
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
      return null;
    }
    return { year: year, month: month, day: day };
  }

  window.SolarHijriCalendar = {
    fromGregorian: fromGregorian,
    toGregorian: toGregorian,
    isLeap: isLeap,
    parse: parse
  };

  var count = 0;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function button(className, label, text) {
    var node = element("button", className, text);
    node.type = "button";
    if (label) {
      node.setAttribute("aria-label", label);
    }
    return node;
  }

  function labelOf(input) {
    var label = input.labels && input.labels[0];
    return label ? label.textContent.replace(/[:：]\s*$/, "").trim() : input.name;
  }

  function enhance(input) {
    var words = JSON.parse(input.getAttribute("data-calendar-labels"));
    var id = "solar-calendar-" + (++count);
    var local = function (text) {
      return String(text).replace(/[0-9]/g, function (digit) { return words.digits.charAt(Number(digit)); });
    };
    var named = function (date) {
      return local(date.day) + " " + words.months[date.month - 1] + " " + local(date.year);
    };

    var wrapper = element("span", "solar-calendar");
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    input.setAttribute("data-calendar-ready", "");

    var opener = button("solar-calendar__open", words.open.replace("%(field)s", labelOf(input)));
    opener.setAttribute("aria-haspopup", "dialog");
    opener.setAttribute("aria-expanded", "false");
    opener.setAttribute("aria-controls", id);
    opener.title = opener.getAttribute("aria-label");
    opener.appendChild(icon());
    wrapper.appendChild(opener);

    var dialog = element("div", "solar-calendar__dialog");
    dialog.id = id;
    dialog.hidden = true;
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-label", words.dialog);

    var header = element("div", "solar-calendar__header");
    var previous = button("solar-calendar__step", words.previous, "‹");
    var title = element("div", "solar-calendar__title");
    title.id = id + "-title";
    title.setAttribute("aria-live", "polite");
    var next = button("solar-calendar__step", words.next, "›");
    header.appendChild(previous);
    header.appendChild(title);
    header.appendChild(next);

    var grid = element("table", "solar-calendar__grid");
    grid.setAttribute("role", "grid");
    grid.setAttribute("aria-labelledby", title.id);
    var keys = element("p", "solar-calendar__keys", words.keys);
    keys.id = id + "-keys";
    grid.setAttribute("aria-describedby", keys.id);
    var head = element("thead");
    var headRow = element("tr");
    words.weekdays.forEach(function (name, index) {
      var heading = element("th", null, words.weekdaysShort[index]);
      heading.scope = "col";
      heading.abbr = name;
      heading.title = name;
      headRow.appendChild(heading);
    });
    head.appendChild(headRow);
    grid.appendChild(head);
    var body = element("tbody");
    grid.appendChild(body);

    var footer = element("div", "solar-calendar__footer");
    var todayButton = button("solar-calendar__today", null, words.today);
    var closeButton = button("solar-calendar__close", null, words.close);
    footer.appendChild(todayButton);
    footer.appendChild(closeButton);

    dialog.appendChild(header);
    dialog.appendChild(grid);
    dialog.appendChild(footer);
    dialog.appendChild(keys);
    // In the document's body, not beside the input: the back-office's form
    // rows hide what overflows them, as the calendar would.
    document.body.appendChild(dialog);

    var focused = null; // the day that has the grid's tab stop
    var shown = null; // the month shown: {year, month}

    function chosen() {
      return parse(input.value);
    }

    function render() {
      var current = today();
      var selected = chosen();
      title.textContent = words.months[shown.month - 1] + " " + local(shown.year);
      while (body.firstChild) {
        body.removeChild(body.firstChild);
      }
      var first = { year: shown.year, month: shown.month, day: 1 };
      var length = monthLength(shown.year, shown.month);
      var row = element("tr");
      for (var blank = 0; blank < column(first); blank++) {
        row.appendChild(element("td"));
      }
      for (var day = 1; day <= length; day++) {
        var date = { year: shown.year, month: shown.month, day: day };
        if (row.children.length === 7) {
          body.appendChild(row);
          row = element("tr");
        }
        var cell = element("td", "solar-calendar__day", local(day));
        cell.setAttribute("data-date", iso(date));
        cell.setAttribute("aria-label", named(date));
        cell.tabIndex = same(date, focused) ? 0 : -1;
        cell.setAttribute("aria-selected", same(date, selected) ? "true" : "false");
        if (same(date, current)) {
          cell.setAttribute("aria-current", "date");
        }
        row.appendChild(cell);
      }
      while (row.children.length < 7) {
        row.appendChild(element("td"));
      }
      body.appendChild(row);
    }

    function show(date, moveFocus) {
      focused = date;
      shown = { year: date.year, month: date.month };
      render();
      if (moveFocus) {
        body.querySelector('[tabindex="0"]').focus();
      }
    }

    function place() {
      // Under the input, from its start (its right on a right-to-left page),
      // kept within the screen. Set as custom properties, which the style
      // sheet reads (a phone's screen shows the calendar along its bottom).
      var field = wrapper.getBoundingClientRect();
      var width = dialog.offsetWidth;
      var screenWidth = document.documentElement.clientWidth;
      var rtl = window.getComputedStyle(wrapper).direction === "rtl";
      var left = rtl ? field.right - width : field.left;
      left = Math.max(8, Math.min(left, screenWidth - width - 8));
      dialog.style.setProperty("--calendar-top", (field.bottom + window.scrollY + 4) + "px");
      dialog.style.setProperty("--calendar-left", (left + window.scrollX) + "px");
    }

    function open() {
      dialog.hidden = false;
      opener.setAttribute("aria-expanded", "true");
      show(chosen() || today(), false);
      // Placed before the focus moves in, or the page would scroll to where it was.
      place();
      body.querySelector('[tabindex="0"]').focus();
      document.addEventListener("pointerdown", outside, true);
      window.addEventListener("resize", place);
    }

    function close(focusOpener) {
      if (dialog.hidden) {
        return;
      }
      dialog.hidden = true;
      opener.setAttribute("aria-expanded", "false");
      document.removeEventListener("pointerdown", outside, true);
      window.removeEventListener("resize", place);
      if (focusOpener) {
        opener.focus();
      }
    }

    function outside(event) {
      if (!wrapper.contains(event.target) && !dialog.contains(event.target)) {
        close(false);
      }
    }

    function choose(date) {
      input.value = local(iso(date));
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      close(true);
    }

    opener.addEventListener("click", function () {
      if (dialog.hidden) {
        open();
      } else {
        close(true);
      }
    });
    previous.addEventListener("click", function () { show(addMonths(focused, -1), false); });
    next.addEventListener("click", function () { show(addMonths(focused, 1), false); });
    todayButton.addEventListener("click", function () { choose(today()); });
    closeButton.addEventListener("click", function () { close(true); });

    body.addEventListener("click", function (event) {
      var cell = event.target.closest("[data-date]");
      if (cell) {
        choose(parse(cell.getAttribute("data-date")));
      }
    });

    body.addEventListener("keydown", function (event) {
      if (!event.target.hasAttribute("data-date")) {
        return;
      }
      var rtl = window.getComputedStyle(dialog).direction === "rtl";
      var moves = {
        ArrowRight: rtl ? -1 : 1,
        ArrowLeft: rtl ? 1 : -1,
        ArrowDown: 7,
        ArrowUp: -7,
        Home: -column(focused),
        End: 6 - column(focused)
      };
      var target = null;
      if (event.key in moves) {
        target = addDays(focused, moves[event.key]);
      } else if (event.key === "PageUp" || event.key === "PageDown") {
        var step = event.key === "PageUp" ? -1 : 1;
        target = addMonths(focused, event.shiftKey ? 12 * step : step);
      } else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        choose(focused);
        return;
      } else {
        return;
      }
      event.preventDefault();
      show(target, true);
    });

    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        close(true);
      } else if (event.key === "Tab") {
        // The dialog keeps the focus until it is closed.
        var stops = [previous, next, body.querySelector('[tabindex="0"]'), todayButton, closeButton];
        var index = stops.indexOf(document.activeElement);
        var last = stops.length - 1;
        if (event.shiftKey && index <= 0) {
          event.preventDefault();
          stops[last].focus();
        } else if (!event.shiftKey && (index === last || index === -1)) {
          event.preventDefault();
          stops[0].focus();
        }
      }
    });
  }

  function icon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("width", "20");
    svg.setAttribute("height", "20");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute(
      "d",
      "M5 1h2v2h6V1h2v2h3v16H2V3h3zM4 8v9h12V8zm2 2h2v2H6zm4 0h2v2h-2zm4 0h2v2h-2zM6 14h2v2H6zm4 0h2v2h-2z"
    );
    svg.appendChild(path);
    return svg;
  }

  function enhanceWithin(root) {
    Array.prototype.forEach.call(
      root.querySelectorAll('input[data-calendar="solar-hijri"]:not([data-calendar-ready])'),
      function (input) {
        // The back-office's template of a new inline row is copied when a
        // row is added: the copy is enhanced then (formset:added).
        if (!input.closest(".empty-form") && !/__prefix__/.test(input.name)) {
          enhance(input);
        }
      }
    );
  }

  function start() {
    enhanceWithin(document);
    document.addEventListener("formset:added", function (event) {
      enhanceWithin(event.target);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
