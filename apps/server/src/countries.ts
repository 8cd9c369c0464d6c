/**
 * Country outlines for the map: Natural Earth 1:110m admin-0 countries (public domain) as packaged in
 * world-atlas 2 (TopoJSON, ISC), converted to a GeoJSON FeatureCollection with topojson-client once per process.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

let cached: Promise<string> | undefined;

/** The GeoJSON text (rounded to 0.01°, ~1 km, far below the 1:110m scale's generalisation). */
export function countriesGeoJson(): Promise<string> {
  cached ??= (async () => {
    const path = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
    const topology = JSON.parse(await readFile(path, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const collection = feature(topology, topology.objects.countries);
    return JSON.stringify(collection, (_key, value: unknown) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value));
  })();
  return cached;
}
