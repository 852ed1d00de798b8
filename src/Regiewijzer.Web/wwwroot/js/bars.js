// Chart kind 'bars': registered in window.rwCharts (see charts.js).
(function () { 'use strict'; window.rwCharts = window.rwCharts || {}; })();
