/* The firm profile's HS codes (participants/templates/participants/
   hs_codes_widget.html): the text box of typed codes, "0901, 5208", which
   works without JavaScript, is hidden behind a search by code or name; each
   result is a button that adds its code, and each chosen code a button that
   removes it. The text box stays the form's value: it is rewritten at every
   change and sent as it is; after an error it stays in sight. Results and changes are announced in the status
   line, for screen readers. */
(function () {
  "use strict";
  var WAIT = 250; // ms after the last key before searching

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

  // "0901 Coffee, ...": the code left to right in any script, the name in its language.
  function named(code, name, lang) {
    var span = element("span");
    span.appendChild(element("bdi", "identifier", code));
    span.appendChild(document.createTextNode(" "));
    var label = element("span", "", name);
    if (lang) {
      label.lang = lang;
    }
    label.dir = "auto";
    span.appendChild(label);
    return span;
  }

  function enhance(picker) {
    var text = picker.dataset;
    var typed = picker.querySelector("[data-hs-typed] input");
    var search = picker.querySelector("[data-hs-search]");
    var query = search.querySelector("input");
    var status = picker.querySelector("[data-hs-status]");
    var results = picker.querySelector("[data-hs-results]");
    var chosenBox = picker.querySelector("[data-hs-chosen-box]");
    var chosen = picker.querySelector("[data-hs-chosen]");
    var timer = null;
    var asked = 0; // the number of the latest search: older answers are dropped

    function codes() {
      return Array.prototype.map.call(chosen.children, function (item) {
        return item.dataset.code;
      });
    }

    function write() {
      typed.value = codes().join(", ");
      chosenBox.hidden = chosen.children.length === 0;
      Array.prototype.forEach.call(results.querySelectorAll("button"), function (button) {
        button.disabled = codes().indexOf(button.dataset.code) !== -1;
      });
    }

    function removable(item) {
      var code = item.dataset.code;
      var button = element("button", "button--secondary hs-picker__button", text.textRemove);
      button.type = "button";
      button.setAttribute("aria-label", text.textRemove + " " + code);
      button.addEventListener("click", function () {
        item.remove();
        write();
        status.textContent = text.textRemoved + " " + code;
        query.focus();
      });
      item.appendChild(button);
    }

    function add(code, name, lang) {
      var item = element("li");
      item.dataset.code = code;
      item.appendChild(named(code, name, lang));
      removable(item);
      chosen.appendChild(item);
      write();
      status.textContent = text.textAdded + " " + code;
      query.focus();
    }

    function show(answer) {
      results.textContent = "";
      answer.results.forEach(function (hs) {
        var item = element("li");
        var button = element("button", "button--secondary hs-picker__result");
        button.type = "button";
        button.dataset.code = hs.code;
        button.appendChild(named(hs.code, hs.name, hs.lang));
        button.addEventListener("click", function () {
          add(hs.code, hs.name, hs.lang);
        });
        item.appendChild(button);
        results.appendChild(item);
      });
      write();
      var said = answer.results.length
        ? text.textFound + " " + answer.results.length
        : text.textNone;
      status.textContent = answer.more ? said + ". " + text.textMore : said;
    }

    function find() {
      var words = query.value.trim();
      var number = ++asked;
      if (!words) {
        results.textContent = "";
        status.textContent = "";
        return;
      }
      var url = text.searchUrl + "?q=" + encodeURIComponent(words);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (answer && number === asked) {
            show(answer);
          }
        })
        .catch(function () {
          /* Offline: the search shows nothing new; the form still sends what was chosen. */
        });
    }

    query.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(find, WAIT);
    });
    // Enter searches at once rather than sending the form half filled in.
    query.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        window.clearTimeout(timer);
        find();
      }
    });

    Array.prototype.forEach.call(chosen.children, removable);
    search.hidden = false;
    // Codes sent back with an error (typed before the script ran) stay in
    // sight, to be corrected where the error names them.
    if (typed.getAttribute("aria-invalid") === "true") {
      return;
    }
    // The field's label now names the search; the typed codes are its value.
    var label = document.querySelector('label[for="' + typed.id + '"]');
    if (label) {
      label.htmlFor = query.id;
    }
    var help = typed.getAttribute("aria-describedby");
    typed.parentNode.hidden = true;
    if (help) {
      query.setAttribute("aria-describedby", help + " " + query.getAttribute("aria-describedby"));
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-hs-picker]"), enhance);
})();
