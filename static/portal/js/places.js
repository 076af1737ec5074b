/* The event page's registration panel (templates/events/event_detail.html):
   the page is cached, the places left are not, so they are read from the
   places page (public.views.events.places) and put in the panel. Without
   scripts, or if the request fails, the panel's link leads there. */
(function () {
  "use strict";
  document.querySelectorAll("[data-places-url]").forEach(function (panel) {
    fetch(panel.dataset.placesUrl, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        panel.innerHTML = html;
      })
      .catch(function () {
        /* The link stays. */
      });
  });
})();
