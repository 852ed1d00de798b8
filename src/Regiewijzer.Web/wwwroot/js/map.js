// Chart kind 'map': the municipalities coloured by one indicator (see Components/Overview/IndicatorMap.razor).
// The page's JSON block holds the values; the shapes are fetched once from the element's data-shapes (the compact
// file the build writes with charts/shapes.mjs: rounded, delta-encoded rings, decoded here to GeoJSON) or else from
// data.shapes (the GeoJSON download, property gemeentecode) and registered with ECharts. Hover shows the numbers, a click opens the municipality page.
(function () {
  'use strict';
  window.rwCharts = window.rwCharts || {};
  const shapes = {};   // url -> Promise<GeoJSON>
  const registered = {};

  function load(url) {
    if (!shapes[url]) {
      shapes[url] = fetch(url, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) { throw new Error('GeoJSON ' + r.status); }
        return r.json().then(decode);
      });
      shapes[url].catch(function () { delete shapes[url]; });
    }
    return shapes[url];
  }

  // The compact shapes ({ schaal, features: [{ properties, polygons: [[ring: x0, y0, dx1, dy1, ...]] }] }) as GeoJSON;
  // GeoJSON itself is returned as it is.
  function decode(json) {
    if (!json.schaal) { return json; }
    const scale = json.schaal;
    function ring(deltas) {
      const points = [];
      let x = 0, y = 0;
      for (let i = 0; i < deltas.length; i += 2) {
        x += deltas[i]; y += deltas[i + 1];
        points.push([x / scale, y / scale]);
      }
      return points;
    }
    return {
      type: 'FeatureCollection',
      features: json.features.map(function (f) {
        const polygons = f.polygons.map(function (rings) { return rings.map(ring); });
        return {
          type: 'Feature',
          properties: f.properties,
          geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
        };
      }),
    };
  }

  function mapName(geojson, province) {
    const name = province ? 'gemeenten-' + province : 'gemeenten';
    if (!registered[name]) {
      const features = province
        ? geojson.features.filter(function (f) { return f.properties.provinciecode === province; })
        : geojson.features;
      window.echarts.registerMap(name, { type: 'FeatureCollection', features: features });
      registered[name] = true;
    }
    return name;
  }

  const escape = window.rwEscape; // charts.js

  // Dutch notation for the legend: 30 -> "30%", 12.5 -> "12,5%".
  function percent(value) { return String(Math.round(value * 10) / 10).replace('.', ',') + '%'; }

  function visualMap(data) {
    const common = { left: 8, bottom: 8, seriesIndex: 0, textStyle: { color: '#1a1a1a', fontSize: 13 }, backgroundColor: 'rgba(255,255,255,0.85)', padding: 8 };
    if (data.categorical) {
      return Object.assign(common, {
        type: 'piecewise',
        dimension: 0,
        pieces: data.categories.map(function (c, i) { return { value: i, label: c.label, color: c.color }; })
          .concat(data.noData.count > 0 ? [{ value: -1, label: data.noData.label, color: data.noData.color }] : []),
        itemGap: 6,
      });
    }
    // Sequential, colour-blind safe (ColorBrewer YlGnBu).
    return Object.assign(common, {
      type: 'continuous',
      min: data.min,
      max: data.max,
      calculable: false,
      formatter: percent,
      text: [percent(data.max), percent(data.min)],
      inRange: { color: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] },
      outOfRange: { color: data.noData.color },
    });
  }

  function item(data, m) {
    const missing = data.categorical ? m.category == null : m.number == null;
    const value = missing ? (data.categorical ? -1 : NaN) : (data.categorical ? m.category : m.number);
    const result = { name: m.code, value: value, m: m };
    if (missing) { result.itemStyle = { areaColor: data.noData.color }; }
    return result;
  }

  function tooltip(data) {
    return function (p) {
      const m = p.data && p.data.m;
      if (!m) { return ''; }
      return '<strong>' + escape(m.name) + '</strong><br>' +
        'Provincie: ' + escape(m.province) + '<br>' +
        'Regio: ' + escape(m.region || 'geen regio') + '<br>' +
        escape(data.label) + ': <strong>' + escape(m.text) + '</strong><br>' +
        'Opgave 2022-2030: ' + escape(m.task);
    };
  }

  window.rwCharts.map = function (chart, data, element) {
    chart.showLoading({ text: 'Kaart laden…' });
    return load(element.dataset.shapes || data.shapes).then(function (geojson) {
      chart.hideLoading();
      chart.setOption({
        tooltip: { trigger: 'item', formatter: tooltip(data), confine: true },
        visualMap: visualMap(data),
        series: [{
          type: 'map',
          map: mapName(geojson, data.province),
          nameProperty: 'gemeentecode',
          aspectScale: 0.62, // cos(52°): the Netherlands in lon/lat without looking stretched
          layoutCenter: ['50%', '50%'],
          layoutSize: '96%',
          selectedMode: false,
          itemStyle: { borderColor: '#ffffff', borderWidth: 0.4, areaColor: data.noData.color },
          emphasis: { label: { show: false }, itemStyle: { borderColor: '#1a1a1a', borderWidth: 1.5 } },
          data: data.items.map(function (m) { return item(data, m); }),
        }],
      });
      chart.off('click');
      chart.on('click', function (p) {
        if (p.data && p.data.m) { window.location.href = '/gemeente/' + encodeURIComponent(p.data.m.code); }
      });
      element.style.cursor = 'pointer';
    });
  };
})();
