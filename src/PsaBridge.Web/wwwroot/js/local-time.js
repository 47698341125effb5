// Shows stored UTC times in the browser's time zone (e.g. "2026-12-07 09:30:05 CET"); the UTC time stays in the title,
// shown on hover. Without script the page shows UTC, and says so.
(() => {
    const pad = (n) => String(n).padStart(2, "0");
    const zone = (date) =>
        new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? "";
    const show = () => {
        for (const time of document.querySelectorAll("time[data-local]")) {
            const date = new Date(time.getAttribute("datetime"));
            if (Number.isNaN(date.getTime())) continue;
            time.textContent = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
                `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zone(date)}`;
        }
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
    else show();
})();
