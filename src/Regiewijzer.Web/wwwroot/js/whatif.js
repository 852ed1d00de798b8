// What-if page: chart kind 'whatif-diff' (registered in window.rwCharts, started by charts.js). The page works without it;
// the comparison table under the chart has the same numbers.
(function () {
  'use strict';
  window.rwCharts = window.rwCharts || {};
  const nl = new Intl.NumberFormat('nl-NL');
  const signed = function (v) { return (v > 0 ? '+' : '') + nl.format(v); };
  // Segment colours of the Rijkshuisstijl (lintblauw, donkergeel, grijs); the legend and tooltip name each segment.
  const colours = ['#154273', '#b36b00', '#696969'];

  window.rwCharts['whatif-diff'] = function (chart, data) {
    chart.setOption({
      animation: false,
      color: colours,
      textStyle: { fontFamily: 'inherit' },
      legend: { top: 0 },
      grid: { left: 8, right: 48, top: 36, bottom: 40, containLabel: true },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        valueFormatter: signed,
      },
      xAxis: { type: 'value', name: 'verschil in woningen (nieuw - huidig)', nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: signed } },
      yAxis: { type: 'category', data: data.names, inverse: true, axisTick: { show: false } },
      series: data.series.map(function (s) {
        return {
          name: s.name, type: 'bar', barMaxWidth: 14,
          data: s.values.map(function (v) { return { value: v, label: { position: v < 0 ? 'left' : 'right' } }; }),
          label: { show: true, formatter: function (p) { return p.value === 0 ? '' : signed(p.value); } },
        };
      }),
    });
  };
})();
