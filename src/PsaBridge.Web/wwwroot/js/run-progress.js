// Follows a run started with "Run now": polls the run's progress (read of the total, share, rate, time left), shows it,
// and opens the run's Details when it is no longer Running. Without JavaScript the page refreshes itself.
(() => {
    const panel = document.querySelector("[data-run-progress]");
    if (!panel) return;
    const progressUrl = panel.dataset.progressUrl;
    const doneUrl = panel.dataset.doneUrl;
    const text = panel.querySelector("[data-progress-text]");
    const bar = panel.querySelector("[data-progress-bar]");

    async function poll() {
        try {
            const response = await fetch(progressUrl, { headers: { Accept: "application/json" }, cache: "no-store" });
            if (response.ok) {
                const progress = await response.json();
                if (progress.status !== "Running") {
                    window.location.assign(doneUrl);
                    return;
                }
                text.textContent = progress.text;
                if (bar && progress.percent !== null) bar.value = progress.percent;
            }
        } catch {
            // A dropped request is retried on the next tick.
        }
        window.setTimeout(poll, 500);
    }

    window.setTimeout(poll, 200);
})();
