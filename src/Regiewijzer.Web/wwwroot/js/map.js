// Chart kind 'map': registered in window.rwCharts (see charts.js).
(function () { 'use strict'; window.rwCharts = window.rwCharts || {}; })();
