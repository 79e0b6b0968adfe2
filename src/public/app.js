// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();

// An import's progress page: ask how far it has got, once a second, until it ends.
const importJob = document.querySelector('[data-import-job]');
if (importJob) {
  const text = document.getElementById('import-progress-text');
  const bar = document.getElementById('import-progress');
  const poll = async () => {
    try {
      const res = await fetch(`/data/imports/jobs/${importJob.getAttribute('data-import-job')}/status`, { headers: { accept: 'application/json' } });
      if (!res.ok) return;
      const status = await res.json();
      if (status.next) {
        window.location.assign(status.next);
        return;
      }
      bar.value = status.percent;
      text.textContent = `${status.percent}% read, ${status.rowsRead} rows so far`;
    } catch {
      // The page still works: its "Refresh" link shows the progress.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
}
