// Small enhancements every page shares; each page works without them.
// - the menu collapses behind a button on small screens;
// - a grid's "select all" box, the count of selected rows, and page-size changes that apply at once.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
    const toggle = document.querySelector("[data-nav-toggle]");
    const nav = document.getElementById(toggle?.getAttribute("aria-controls") ?? "");
    if (toggle && nav) {
        toggle.hidden = false;
        toggle.addEventListener("click", () => {
            const open = toggle.getAttribute("aria-expanded") !== "true";
            toggle.setAttribute("aria-expanded", String(open));
            nav.classList.toggle("is-open", open);
        });
    }

    for (const select of document.querySelectorAll("select[data-auto-submit]")) {
        select.addEventListener("change", () => select.form?.requestSubmit());
    }

    const all = document.querySelector("[data-select-all]");
    const rows = [...document.querySelectorAll("[data-select-row]")];
    const count = document.querySelector("[data-selected-count]");
    const noun = document.querySelector("[data-grid-selection]")?.getAttribute("aria-label")?.replace("Actions on the selected ", "") ?? "rows";
    const update = () => {
        const selected = rows.filter((r) => r.checked).length;
        if (count) count.textContent = selected === 0 ? `Select ${noun} to act on them:` : `${selected} selected:`;
        if (all) {
            all.checked = selected > 0 && selected === rows.length;
            all.indeterminate = selected > 0 && selected < rows.length;
        }
    };
    if (all) {
        all.hidden = false;
        all.addEventListener("change", () => {
            for (const r of rows) r.checked = all.checked;
            update();
        });
    }
    for (const r of rows) r.addEventListener("change", update);
    update();
});
