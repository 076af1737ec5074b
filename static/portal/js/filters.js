/* An enhancement of filter forms marked data-enhance="auto-submit" (the
   event list): the results update as soon as a select changes, and the form
   sends only the filters that are set, for short addresses to share. Every
   form works without it, with its submit button.

   Keyboard users who step through a closed select with the arrow keys would
   reload the page at each step: then the form waits until they leave the
   select. After the reload, focus returns to the select they changed, and on
   a narrow screen the filter panel (a <details>, open without JavaScript)
   starts closed so that the results come first, unless a filter was just
   changed. */
(function () {
  "use strict";
  var KEY = "portal-filters-focus";
  var narrow = window.matchMedia && window.matchMedia("(max-width: 55.99rem)").matches;

  function remembered() {
    try {
      var id = window.sessionStorage.getItem(KEY);
      window.sessionStorage.removeItem(KEY);
      return id;
    } catch (error) {
      return null;
    }
  }

  function enhance(form) {
    var stepping = false;
    var waiting = false;
    var panel = form.closest("details");
    var focusId = remembered();

    form.setAttribute("data-auto-submit", "");
    Array.prototype.forEach.call(form.querySelectorAll("[data-auto-submit-hint]"), function (hint) {
      hint.hidden = false;
    });

    function send(select) {
      try {
        window.sessionStorage.setItem(KEY, select.id);
      } catch (error) {
        /* Storage refused: focus simply starts at the top. */
      }
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }

    form.addEventListener("keydown", function (event) {
      if (event.target.tagName === "SELECT") {
        stepping = /^(Arrow|Page|Home|End)/.test(event.key);
      }
    });
    form.addEventListener("mousedown", function () {
      stepping = false;
    });
    form.addEventListener("change", function (event) {
      var select = event.target;
      if (select.tagName !== "SELECT") {
        return;
      }
      if (stepping) {
        if (!waiting) {
          waiting = true;
          select.addEventListener("blur", function () { send(select); }, { once: true });
        }
        return;
      }
      send(select);
    });
    // Leave empty filters out of the address; enable them again when the
    // page comes back from the browser's history.
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && !field.value) {
          field.disabled = true;
        }
      });
    });
    window.addEventListener("pageshow", function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        field.disabled = false;
      });
    });

    var field = focusId && document.getElementById(focusId);
    if (field && form.contains(field)) {
      if (panel) {
        panel.open = true;
      }
      field.focus();
    } else if (panel && narrow) {
      panel.open = false;
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-enhance~="auto-submit"]'), enhance);
})();
