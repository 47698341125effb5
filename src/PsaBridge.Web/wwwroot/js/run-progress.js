// Follows a run started with "Run now": polls the log header's JSON, shows the counts as they grow,
// and opens the run's Details when it is no longer Running. Without JavaScript the page refreshes itself.
(() => {
    const panel = document.querySelector("[data-run-progress]");
    if (!panel) return;
    const statusUrl = panel.dataset.statusUrl;
    const doneUrl = panel.dataset.doneUrl;
    const text = panel.querySelector("[data-progress-text]");
    const n = (value) => new Intl.NumberFormat("en-US").format(value);

    async function poll() {
        try {
            const response = await fetch(statusUrl, { headers: { Accept: "application/json" }, cache: "no-store" });
            if (response.ok) {
                const header = await response.json();
                if (header.status !== "Running") {
                    window.location.assign(doneUrl);
                    return;
                }
                const c = header.counts;
                text.textContent = `Read ${n(c.read)} accounts: ${n(c.created)} created, ${n(c.updated)} updated, ${n(c.unchanged)} unchanged, ${n(c.failed)} in error.`;
            }
        } catch {
            // A dropped request is retried on the next tick.
        }
        window.setTimeout(poll, 500);
    }

    window.setTimeout(poll, 200);
})();
