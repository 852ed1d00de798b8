// What-if page behaviour (progressive enhancement; the page works without it). Chart kinds register in window.rwCharts.
(function () { 'use strict'; window.rwCharts = window.rwCharts || {}; })();
