// A background job's page while it is queued or running (a scheduler run, a
// report or an import): its figures are read every two seconds from the
// address in the box's data-progress-url, its <progress> bar moved, its status
// (an element with data-job-status) rewritten, as when the worker takes a
// queued job up, and the page reloaded once the job has finished, to show its
// results. Without JavaScript the page refreshes itself, or its own refresh
// link does.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("[data-progress-url]");
  if (!box) {
    return;
  }
  const bar = box.querySelector("progress");
  const poll = async () => {
    const response = await fetch(box.dataset.progressUrl, { credentials: "same-origin" });
    if (!response.ok) {
      return;
    }
    const answer = await response.json();
    if (answer.finished) {
      window.location.reload();
      return;
    }
    const status = document.querySelector("[data-job-status]");
    if (status && answer.status_label) {
      status.textContent = answer.status_label;
    }
    for (const [name, value] of Object.entries(answer.progress)) {
      const field = box.querySelector(`[data-field="${name}"]`);
      if (field) {
        field.textContent = value;
      }
    }
    if (bar && answer.max) {
      bar.max = answer.max;
      bar.value = answer.value;
    }
    window.setTimeout(poll, 2000);
  };
  window.setTimeout(poll, 2000);
});
