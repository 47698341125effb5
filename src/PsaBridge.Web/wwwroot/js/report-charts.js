// Draws every <canvas data-chart> from the data table it names (data-chart-table), so a chart and the table beside
// it, which screen readers and print read, always show the same figures. No inline script: the page only marks up.
//   data-chart="bar" | "stacked"        bars side by side, or stacked
//   data-chart-labels="0"               the column whose text labels the x axis; rows with the same label are added up
//   data-chart-series="3,4,5"           the columns drawn, one dataset each (a cell's data-value, else its text)
//   data-chart-pivot="1"                optional: one dataset per value of this column and series column, each series its own stack
(function () {
    'use strict';
    var palette = ['#0f62ae', '#107c41', '#b3261e', '#8a5a00', '#6b4fa8', '#00838f', '#5b636d', '#c2185b'];

    function value(cell) {
        var raw = cell.getAttribute('data-value');
        var number = parseFloat(raw !== null ? raw : cell.textContent.replace(/[^0-9.\-]/g, ''));
        return isNaN(number) ? 0 : number;
    }

    function text(cell) { return cell.textContent.trim(); }

    function build(canvas) {
        var table = document.getElementById(canvas.getAttribute('data-chart-table'));
        if (!table || !table.tHead || !table.tBodies.length) return null;
        var headers = Array.prototype.map.call(table.tHead.rows[0].cells, text);
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        var labelColumn = parseInt(canvas.getAttribute('data-chart-labels') || '0', 10);
        var series = canvas.getAttribute('data-chart-series').split(',').map(Number);
        var pivotAttr = canvas.getAttribute('data-chart-pivot');
        var pivot = pivotAttr === null ? -1 : parseInt(pivotAttr, 10);
        var labels = [];
        rows.forEach(function (row) {
            var label = text(row.cells[labelColumn]);
            if (labels.indexOf(label) < 0) labels.push(label);
        });
        var keys = pivot < 0 ? [null] : [];
        if (pivot >= 0) rows.forEach(function (row) { var k = text(row.cells[pivot]); if (keys.indexOf(k) < 0) keys.push(k); });
        var datasets = [];
        series.forEach(function (column) {
            keys.forEach(function (key) {
                var data = labels.map(function () { return 0; });
                rows.forEach(function (row) {
                    if (key !== null && text(row.cells[pivot]) !== key) return;
                    data[labels.indexOf(text(row.cells[labelColumn]))] += value(row.cells[column]);
                });
                datasets.push({
                    label: key === null ? headers[column] : headers[column] + ': ' + key,
                    data: data.map(function (v) { return Math.round(v * 100) / 100; }),
                    backgroundColor: palette[datasets.length % palette.length],
                    stack: pivot >= 0 ? headers[column] : undefined
                });
            });
        });
        return { labels: labels, datasets: datasets };
    }

    function draw(canvas) {
        var data = build(canvas);
        if (!data || typeof Chart === 'undefined') return;
        var stacked = canvas.getAttribute('data-chart') === 'stacked' || canvas.hasAttribute('data-chart-pivot');
        var small = canvas.hasAttribute('data-chart-small');
        new Chart(canvas, {
            type: 'bar',
            data: data,
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: { legend: { display: !small, position: 'bottom' } },
                scales: { x: { stacked: stacked, ticks: { display: !small || data.labels.length < 8 } }, y: { stacked: stacked, beginAtZero: true } }
            }
        });
        canvas.setAttribute('data-chart-drawn', String(data.datasets.length));
    }

    // Charts are drawn again at print size, so a printed report is sharp and fits the page.
    window.addEventListener('beforeprint', function () {
        if (typeof Chart === 'undefined') return;
        Object.values(Chart.instances).forEach(function (chart) { chart.resize(); });
    });

    document.querySelectorAll('canvas[data-chart]').forEach(draw);
})();
