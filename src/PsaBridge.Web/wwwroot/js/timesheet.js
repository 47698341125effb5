// The weekly time grid: keeps the row, day and week totals in step with the hours typed. Without it the server
// shows the totals of what was saved.
(() => {
    const form = document.querySelector("[data-timesheet]");
    if (!form) return;

    // "7.5", "7,5" and "7:30" as hours; anything else counts as nothing until the server says what is wrong with it.
    const hours = (text) => {
        const t = text.trim();
        if (t === "") return 0;
        const colon = /^(\d+):([0-5]\d)$/.exec(t);
        if (colon) return Number(colon[1]) + Number(colon[2]) / 60;
        const n = Number(t.replace(",", "."));
        return Number.isFinite(n) && n >= 0 ? n : 0;
    };
    const show = (n) => String(Math.round(n * 100) / 100);

    const update = () => {
        const days = [0, 0, 0, 0, 0, 0, 0];
        for (const row of form.querySelectorAll("tr[data-row]")) {
            let total = 0;
            for (const input of row.querySelectorAll("[data-hours]")) {
                const h = hours(input.value);
                total += h;
                days[Number(input.dataset.day)] += h;
            }
            row.querySelector("[data-row-total]").textContent = show(total);
        }
        days.forEach((h, d) => { form.querySelector(`[data-day-total="${d}"]`).textContent = show(h); });
        form.querySelector("[data-week-total]").innerHTML = `<strong>${show(days.reduce((a, b) => a + b, 0))}</strong>`;
    };

    form.addEventListener("input", (e) => { if (e.target.matches("[data-hours]")) update(); });
})();
