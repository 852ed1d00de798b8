// Bundles charts/echarts.mjs (the reduced ECharts build) to wwwroot/lib/echarts/echarts.min.js; run by the build
// (Regiewijzer.Web.csproj, target NpmBundleCharts) after npm ci. The output is not committed.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('./echarts.mjs', import.meta.url).pathname],
  outfile: new URL('../wwwroot/lib/echarts/echarts.min.js', import.meta.url).pathname,
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2019',
  legalComments: 'none', // ECharts' LICENSE and NOTICE are copied beside the file
  define: { 'process.env.NODE_ENV': '"production"' }, // drops ECharts' development checks and warnings
  logLevel: 'warning',
});
