// Writes the map's municipal shapes, wwwroot/lib/kaart/gemeenten-2024.json, from the shipped source
// data/reference/gemeenten-2024.geojson (CBS Wijk- en Buurtkaart 2024, simplified to about 100 m; data/SOURCES.md):
// the same features and properties, every coordinate rounded to 3 decimals (0,001 degree: about 110 m north-south and
// 70 m east-west here, the size of the simplification), repeated points dropped, rings that shrink below a triangle
// dropped (never a municipality's last one), and each ring written as integers in thousandths of a degree, the first
// point absolute and every next one as the difference to the previous (as TopoJSON quantises and delta-encodes arcs).
// js/map.js turns it back into GeoJSON. Format: { "schaal": 1000, "features": [ { "properties": {...},
// "polygons": [ [ [x0, y0, dx1, dy1, ...] (outer ring), [...] (holes) ], ... ] } ] }.
// Run by the build (Regiewijzer.Web.csproj, target NpmMapShapes); the output is not committed. The download
// /download/gemeenten-2024.geojson stays the shipped file. Usage: node charts/shapes.mjs [in] [out]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const here = (p) => new URL(p, import.meta.url).pathname;
const source = process.argv[2] ?? here('../../../data/reference/gemeenten-2024.geojson');
const target = process.argv[3] ?? here('../wwwroot/lib/kaart/gemeenten-2024.json');
const Decimals = 3;
const scale = 10 ** Decimals;
const round = (x) => Math.round(x * scale) / scale;

function ring(points) {
  const out = [];
  for (const [x, y] of points) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  // closed again (first == last) and at least a triangle: 4 positions
  if (out.length > 1 && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push([...out[0]]);
  return out.length >= 4 ? out : null;
}

function polygon(rings) {
  const outer = ring(rings[0]);
  if (!outer) return null;
  return [outer, ...rings.slice(1).map(ring).filter((r) => r)];
}

function delta(points) {
  const out = [];
  let [px, py] = [0, 0];
  for (const [x, y] of points) {
    const [qx, qy] = [Math.round(x * scale), Math.round(y * scale)];
    out.push(qx - px, qy - py);
    [px, py] = [qx, qy];
  }
  return out;
}

const geojson = JSON.parse(readFileSync(source, 'utf8'));
const features = geojson.features.map((f) => {
  const g = f.geometry;
  const parts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map(polygon).filter((p) => p);
  if (parts.length === 0) {
    throw new Error(`${f.properties.gemeentecode}: no polygon left after rounding`);
  }
  return { properties: f.properties, polygons: parts.map((rings) => rings.map(delta)) };
});
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify({ schaal: scale, features }));
