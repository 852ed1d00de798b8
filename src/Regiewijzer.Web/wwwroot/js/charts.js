// Chart start-up for the server-rendered pages. A chart is <div class="rw-chart" data-chart="KIND" data-source="ID">,
// where ID is a <script type="application/json"> block the server wrote. Chart kinds register themselves in
// window.rwCharts (js/bars.js, js/progress.js, js/whatif.js). js/site.js loads these scripts on pages with a chart and calls rwStartCharts.
(function () {
  'use strict';
  window.rwCharts = window.rwCharts || {};
  const instances = [];

  // HTML-escapes text (null as empty) for chart tooltips (ECharts renders tooltip strings as HTML); shared by the chart kinds.
  window.rwEscape = function (text) {
    return String(text == null ? '' : text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  };

  function start() {
    while (instances.length) { const c = instances.pop(); try { c.dispose(); } catch (e) { /* gone */ } }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      const kind = window.rwCharts[el.dataset.chart];
      const source = document.getElementById(el.dataset.source);
      if (!kind || !source || !window.echarts) { return; }
      const data = JSON.parse(source.textContent);
      const chart = window.echarts.init(el, null, { renderer: 'svg' });
      instances.push(chart);
      Promise.resolve(kind(chart, data, el)).catch(function (e) { el.textContent = 'De grafiek kon niet worden getoond; de tabel eronder bevat dezelfde gegevens.'; console.error(e); });
    });
  }

  // Resize only charts that are still shown and have a size (a full-page screenshot or print can resize mid-draw).
  window.addEventListener('resize', function () {
    instances.forEach(function (c) {
      const d = c.getDom();
      if (!c.isDisposed() && d && d.clientWidth > 0 && d.clientHeight > 0) { c.resize(); }
    });
  });
  window.rwStartCharts = start; // called by js/site.js once this file, ECharts and the chart kinds have loaded
})();
