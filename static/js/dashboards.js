/* Dashboards: draw Chart.js charts from the JSON the page embeds, and a print button.
 * Colours differ in lightness (dark → light) and bars carry hatch patterns, so series stay
 * apart on a grey-scale printout; every chart has its numbers in a table under it. */
(function () {
  "use strict";
  var PALETTE = ["#1b4332", "#7f1d1d", "#b08900", "#6c757d", "#2f6690", "#adb5bd"];
  var PATTERNS = [null, "diag", "dots", "cross", "vert", null];

  function pattern(color, kind) {
    if (!kind) { return color; }
    var c = document.createElement("canvas");
    c.width = c.height = 8;
    var g = c.getContext("2d");
    g.fillStyle = "#ffffff"; g.fillRect(0, 0, 8, 8);
    g.strokeStyle = color; g.fillStyle = color; g.lineWidth = 2;
    if (kind === "diag") { g.beginPath(); g.moveTo(0, 8); g.lineTo(8, 0); g.stroke(); }
    if (kind === "dots") { g.beginPath(); g.arc(4, 4, 2, 0, 2 * Math.PI); g.fill(); }
    if (kind === "cross") { g.beginPath(); g.moveTo(0, 4); g.lineTo(8, 4); g.moveTo(4, 0); g.lineTo(4, 8); g.stroke(); }
    if (kind === "vert") { g.beginPath(); g.moveTo(4, 0); g.lineTo(4, 8); g.stroke(); }
    return g.createPattern(c, "repeat");
  }

  function numberVi(v) {
    return v === null || v === undefined ? "–" : Number(v).toLocaleString("vi-VN");
  }

  function draw(canvas, spec) {
    var type = canvas.dataset.type || "bar";
    var stacked = canvas.dataset.stacked === "1";
    var datasets = spec.series.map(function (s, i) {
      var color = PALETTE[i % PALETTE.length];
      var ds = { label: s.label, data: s.data, borderColor: color, borderWidth: 1.5 };
      if (s.axis) { ds.yAxisID = s.axis; }
      if (type === "doughnut") {
        ds.backgroundColor = s.data.map(function (_v, j) { return pattern(PALETTE[j % PALETTE.length], PATTERNS[j % PATTERNS.length]); });
        ds.borderColor = "#333";
      } else if (type === "line") {
        ds.backgroundColor = color; ds.pointStyle = ["circle", "rect", "triangle", "star"][i % 4]; ds.pointRadius = 4;
        ds.borderDash = i % 2 ? [6, 3] : [];
      } else {
        ds.backgroundColor = pattern(color, PATTERNS[i % PATTERNS.length]);
      }
      return ds;
    });
    var options = {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: "bottom" }, tooltip: { callbacks: { label: function (ctx) {
        return ctx.dataset.label + ": " + numberVi(ctx.parsed.y !== undefined ? ctx.parsed.y : ctx.parsed);
      } } } }
    };
    if (type !== "doughnut") {
      // Counts get whole-number ticks (no "1,6 organisations"); amounts keep decimals.
      var whole = spec.series.every(function (s) {
        return s.data.every(function (v) { return v === null || Number.isInteger(v); });
      });
      var ticks = { callback: numberVi, precision: whole ? 0 : undefined };
      options.scales = { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true, ticks: ticks } };
      var right = spec.series.filter(function (s) { return s.axis === "y1"; });
      if (right.length) {
        // The right-hand series says so in its legend label (axis titles are cut on paper).
        options.scales.y1 = { position: "right", beginAtZero: true, ticks: { callback: numberVi },
          grid: { drawOnChartArea: false } };
      }
    }
    options.plugins.legend.labels = { font: { size: 13 }, color: "#212529" };
    if (canvas.parentElement && canvas.parentElement.clientWidth < 480) {
      // A phone: Chart.js draws each legend label on one line and cuts what passes the canvas
      // ("… (triệu đồng, trụ" at 390 px). Smaller text and swatches, and a label still too
      // long ends with "…" at a word (the table under the chart names the series in full).
      options.plugins.legend.labels = { font: { size: 11 }, color: "#212529", boxWidth: 24,
        generateLabels: function (chart) {
          // the chart type's own labels (a doughnut's are its slices), then fitted
          var own = window.Chart.overrides[chart.config.type];
          var generate = own && own.plugins && own.plugins.legend && own.plugins.legend.labels &&
            own.plugins.legend.labels.generateLabels || window.Chart.defaults.plugins.legend.labels.generateLabels;
          var items = generate(chart);
          var room = chart.width - 24 - 11 / 2 - 2 * 10;
          chart.ctx.save();
          chart.ctx.font = "11px " + window.Chart.defaults.font.family;
          items.forEach(function (item) {
            var words = String(item.text).split(" ");
            while (words.length > 1 && chart.ctx.measureText(item.text).width > room) {
              words.pop();
              item.text = words.join(" ") + " …";
            }
          });
          chart.ctx.restore();
          return items;
        } };
    }
    return new window.Chart(canvas, { type: type, data: { labels: spec.labels, datasets: datasets }, options: options });
  }

  function init() {
    document.querySelectorAll("[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });
    // Collapsed groups (units without data) print open, then close again.
    var opened = [];
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (d) { d.open = false; }); opened = [];
    });
    var source = document.getElementById("registry-chart-data");
    if (!source || !window.Chart) { return; }
    var data = JSON.parse(source.textContent);
    var charts = [];
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var spec = data[canvas.dataset.chart];
      if (spec) { charts.push(draw(canvas, spec)); }
    });
    // Redraw at the paper's width before printing so charts are not cut off.
    window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(); }); });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
