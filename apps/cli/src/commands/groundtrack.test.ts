import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../io.js';
import { groundtrackCommand } from './groundtrack.js';

const TLE = 'ISS (ZARYA)\n1 25544U 98067A   21041.57615741  .00001759  00000-0  40135-4 0  9993\n2 25544  51.6448 248.9575 0002608 358.5155  49.0474 15.48952309268974\n';

function setup(): { io: CliIo; out: () => string } {
  const dir = mkdtempSync(join(tmpdir(), 'sk-gt-'));
  writeFileSync(join(dir, 'iss.tle'), TLE);
  let out = '';
  return { io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, env: {}, cwd: dir }, out: () => out };
}

describe('stationkeeper groundtrack', () => {
  it('writes a GeoJSON FeatureCollection split at the antimeridian, with a footprint', async () => {
    const s = setup();
    const code = await groundtrackCommand.run(['--elements', 'iss.tle', '--from', '2021-02-10T14:00:00Z', '--minutes', '200', '--footprint', '--format', 'geojson'], s.io);
    expect(code).toBe(0);
    const fc = JSON.parse(s.out()) as { type: string; features: { geometry: { type: string; coordinates: number[][][] } }[] };
    expect(fc.type).toBe('FeatureCollection');
    const track = fc.features[0]!.geometry;
    expect(track.type).toBe('MultiLineString');
    expect(track.coordinates.length).toBeGreaterThanOrEqual(2); // two orbits cross ±180°
    for (const line of track.coordinates) {
      for (let i = 1; i < line.length; i++) expect(Math.abs(line[i]![0]! - line[i - 1]![0]!)).toBeLessThan(180);
    }
    expect(['Polygon', 'MultiPolygon']).toContain(fc.features[1]!.geometry.type);
  });

  it('writes CSV and rejects bad flags', async () => {
    const s = setup();
    expect(await groundtrackCommand.run(['--elements', 'iss.tle', '--from', '2021-02-10T14:00:00Z', '--minutes', '10', '--format', 'csv'], s.io)).toBe(0);
    expect(s.out().trim().split('\n').length).toBe(1 + 21); // header + 0…600 s every 30 s
    await expect(groundtrackCommand.run(['--elements', 'iss.tle', '--from', '2021-02-10T14:00:00Z', '--step-s', '0'], s.io)).rejects.toThrow(UsageError);
    await expect(groundtrackCommand.run(['--elements', 'iss.tle'], s.io)).rejects.toThrow(UsageError);
  });
});
