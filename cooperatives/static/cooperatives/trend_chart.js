// Moved out of the template: the Content-Security-Policy allows no inline scripts.
(function () {
  const data = JSON.parse(document.getElementById("trend-data").textContent);
  const fmt = new Intl.NumberFormat("vi-VN", {maximumFractionDigits: 1});
  new Chart(document.getElementById("trend-chart"), {
    data: {
      labels: data.labels,
      datasets: [
        {type: "bar", label: data.revenue_label, data: data.revenue, yAxisID: "money", backgroundColor: "rgba(13,110,253,.5)"},
        {type: "bar", label: data.profit_label, data: data.profit, yAxisID: "money", backgroundColor: "rgba(25,135,84,.6)"},
        {type: "line", label: data.members_label, data: data.members, yAxisID: "people", borderColor: "#fd7e14", tension: .2}
      ]
    },
    options: {
      animation: false,
      scales: {
        money: {position: "left", ticks: {callback: (v) => fmt.format(v)}},
        // Members are whole people: integer ticks only (no "23,5"), starting at zero.
        people: {position: "right", beginAtZero: true, grid: {drawOnChartArea: false},
                 ticks: {precision: 0, stepSize: undefined, callback: (v) => (Number.isInteger(v) ? fmt.format(v) : null)}}
      },
      plugins: {tooltip: {callbacks: {label: (c) => c.dataset.label + ": " + fmt.format(c.parsed.y)}}}
    }
  });
})();
