// The reduced ECharts build the pages load (bundled by the build with esbuild to wwwroot/lib/echarts/echarts.min.js,
// see Regiewijzer.Web.csproj): only the chart types, components and renderer that js/bars.js, js/progress.js and
// js/whatif.js use (the map of municipalities is drawn on the server, ADR 0004). A new chart type or option component (title, dataZoom, ...) must be added here,
// or ECharts ignores it and logs a warning in the console.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,           // aria: description and decal patterns (bars, fan)
  GridComponent,           // grid and the category/value axes (bars, fan, whatif-diff)
  LegendComponent,         // legend (bars, fan, whatif-diff)
  MarkLineComponent,       // target and norm lines (bars, fan)
  TooltipComponent,        // tooltips (all)
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features'; // grid.containLabel (bars, fan, whatif-diff)
import { SVGRenderer } from 'echarts/renderers';           // charts.js starts every chart with renderer 'svg'

echarts.use([
  BarChart, LineChart,
  AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent,
  LegacyGridContainLabel, SVGRenderer,
]);

window.echarts = echarts;
