// Chart kind 'fan': cumulative trajectory, realised homes and the forecast fan (P10-P90 band, P50 line) per year,
// with the target as a horizontal line; registered in window.rwCharts (see charts.js). The server writes the JSON
// (text in Dutch, tooltip numbers already formatted):
// { description, years: ['2022', ...], target: number|null, targetLabel, names: { trajectory, realised, band, median },
//   trajectory: [number]|null, realised: [number|null], p10/p50/p90: [number|null], tooltip: [[line]] }
// Lines differ by pattern and marker as well as colour; the page shows the same numbers in a table.
(function () {
  'use strict';
  window.rwCharts = window.rwCharts || {};

  const escape = window.rwEscape; // charts.js

  function number(v) { return Number(v).toLocaleString('nl-NL'); }

  window.rwCharts.fan = function (chart, data, element) {
    const n = data.names;
    const width = data.p10.map(function (low, i) {
      const high = data.p90[i];
      return low === null || high === null ? null : high - low;
    });
    const series = [
      // The band is P10 (invisible) with P90 - P10 stacked on top of it.
      { name: 'P10', type: 'line', stack: 'band', data: data.p10, symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false } },
      { name: n.band, type: 'line', stack: 'band', data: width, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: '#f3c6dc', opacity: 1 }, silent: true, color: '#f3c6dc' },
      { name: n.median, type: 'line', data: data.p50, symbol: 'diamond', symbolSize: 9, color: '#a90061', lineStyle: { width: 2, type: 'dashed', color: '#a90061' } },
      { name: n.realised, type: 'line', data: data.realised, symbol: 'circle', symbolSize: 9, color: '#154273', lineStyle: { width: 4, color: '#154273' } },
    ];
    if (data.trajectory) {
      series.push({ name: n.trajectory, type: 'line', data: data.trajectory, symbol: 'rect', symbolSize: 7, color: '#535353', lineStyle: { width: 2, type: 'dotted', color: '#535353' } });
    }
    if (data.target !== null) {
      series[series.length - 1].markLine = {
        symbol: 'none',
        silent: true,
        lineStyle: { color: '#1f1f1f', type: 'solid', width: 1 },
        label: { formatter: data.targetLabel, position: 'insideStartTop', color: '#1f1f1f' },
        data: [{ yAxis: data.target }],
      };
    }
    chart.setOption({
      aria: { enabled: true, label: { description: data.description } },
      animation: false,
      grid: { left: 8, right: 24, top: 64, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, data: series.filter(function (s) { return s.name !== 'P10'; }).map(function (s) { return s.name; }), textStyle: { color: '#1f1f1f' } },
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: function (params) {
          const i = params[0].dataIndex;
          return '<strong>' + escape(data.years[i]) + '</strong><br>' + (data.tooltip[i] || []).map(escape).join('<br>');
        },
      },
      xAxis: { type: 'category', data: data.years, boundaryGap: false, axisLabel: { color: '#1f1f1f' } },
      yAxis: {
        type: 'value',
        min: 0,
        // Room above the target line, on a round number (25.383 -> 30.000) so the top label does not crowd the target's.
        max: function (v) {
          const m = Math.max(v.max, data.target || 0) * 1.05;
          const step = Math.pow(10, Math.floor(Math.log10(m || 1))) / 2;
          return Math.ceil(m / step) * step;
        },
        axisLabel: { color: '#1f1f1f', formatter: number },
        splitLine: { lineStyle: { color: '#e0e6ed' } },
      },
      series: series,
    });
    element.dataset.rendered = 'true';
  };
})();
