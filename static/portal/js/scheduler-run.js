// A scheduler run's page while the run is queued or running: its figures
// are read every two seconds from the run's progress address, and the page
// is reloaded once the run has finished, to show its results. Without
// JavaScript the page's own refresh link does the same.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("scheduler-progress");
  if (!box) {
    return;
  }
  const poll = async () => {
    const response = await fetch(box.dataset.url, { credentials: "same-origin" });
    if (!response.ok) {
      return;
    }
    const answer = await response.json();
    if (answer.finished) {
      window.location.reload();
      return;
    }
    for (const [name, value] of Object.entries(answer.progress)) {
      const field = box.querySelector(`[data-field="${name}"]`);
      if (field) {
        field.textContent = value;
      }
    }
    window.setTimeout(poll, 2000);
  };
  window.setTimeout(poll, 2000);
});
