// Chart kind 'bars': stacked bars per municipality (social / middle / free), registered in window.rwCharts (see charts.js).
// The server writes the JSON (all text already in Dutch, numbers already formatted for the tooltip):
// { orientation: 'horizontal'|'vertical', unit: '%'|'', description, categories: [name], links: [url|null],
//   series: [{ name, color, values: [number] }], tooltip: [[line]], lines: [{ value, label }] }
// The page shows the same numbers in a table; aria (with decal patterns) makes the chart itself readable without colour.
(function () {
  'use strict';
  window.rwCharts = window.rwCharts || {};

  const escape = window.rwEscape; // charts.js

  window.rwCharts.bars = function (chart, data, element) {
    const horizontal = data.orientation !== 'vertical';
    const unit = data.unit || '';
    const valueAxis = {
      type: 'value',
      max: unit === '%' ? 100 : null,
      axisLabel: { formatter: function (v) { return v.toLocaleString('nl-NL') + unit; } },
      splitLine: { lineStyle: { color: '#e0e6ed' } },
    };
    const categoryAxis = {
      type: 'category',
      data: data.categories,
      inverse: horizontal, // first municipality on top
      axisLabel: { color: '#1f1f1f', interval: 0, rotate: horizontal ? 0 : 40 },
    };
    const lines = (data.lines || []).map(function (l) {
      return { name: l.label, label: { formatter: l.label, position: horizontal ? 'start' : 'insideEndTop', color: '#1f1f1f' }, lineStyle: { color: '#1f1f1f', type: 'dashed' } };
    });
    chart.setOption({
      aria: { enabled: true, label: { description: data.description }, decal: { show: true } },
      animation: false,
      grid: { left: 8, right: 32, top: 56, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, textStyle: { color: '#1f1f1f' } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: function (params) {
          const i = params[0].dataIndex;
          const rows = (data.tooltip[i] || []).map(escape).join('<br>');
          return '<strong>' + escape(data.categories[i]) + '</strong><br>' + rows;
        },
      },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: data.series.map(function (s, index) {
        const series = {
          name: s.name,
          type: 'bar',
          stack: 'mix',
          barMaxWidth: 28,
          itemStyle: { color: s.color },
          emphasis: { focus: 'series' },
          data: s.values,
        };
        if (index === 0 && lines.length) {
          series.markLine = {
            symbol: 'none',
            silent: true,
            data: (data.lines || []).map(function (l, k) {
              const point = horizontal ? { xAxis: l.value } : { yAxis: l.value };
              return Object.assign(point, lines[k]);
            }),
          };
        }
        return series;
      }),
    });

    if (data.links) {
      chart.on('click', function (p) {
        const href = data.links[p.dataIndex];
        if (href) { window.location.assign(href); }
      });
    }
    element.dataset.rendered = 'true';
  };
})();
