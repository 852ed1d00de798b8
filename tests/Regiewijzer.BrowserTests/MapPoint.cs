namespace Regiewijzer.BrowserTests;

/// <summary>
/// Finds where a municipality lies on the ECharts map (relative to the chart element), through the chart's own
/// coordinate system: the centre of the named region, converted to pixels. Null if the map has no such region.
/// </summary>
public static class MapPoint
{
    public const string Script =
        """
        (element, code) => {
          const chart = window.echarts && window.echarts.getInstanceByDom(element);
          if (!chart) return null;
          const model = chart.getModel();
          const systems = [];
          model.eachSeries(s => { if (s.coordinateSystem) systems.push(s.coordinateSystem); });
          model.eachComponent('geo', g => { if (g.coordinateSystem) systems.push(g.coordinateSystem); });
          for (const cs of systems) {
            if (!cs.getRegion) continue;
            const region = cs.getRegion(code) || (cs.regions || []).find(r => r.name === code || (r.properties && Object.values(r.properties).includes(code)));
            if (!region) continue;
            const center = region.getCenter ? region.getCenter() : region.center;
            const point = cs.dataToPoint(center);
            if (point && isFinite(point[0]) && isFinite(point[1])) return [point[0], point[1]];
          }
          return null;
        }
        """;
}
