/**
 * `computeNow` against Skyfield / python-sgp4 (now.reference.json, made by tools/gen-now-reference.py) on the
 * bundled ISS sample TLE, and its contract: warnings and their order, optional parts, edge units, errors.
 *
 * The time scales here have no EOP (UT1 = UTC); Skyfield uses its built-in UT1, and UT1−UTC was about −0.45 s on
 * 2008-09-20. That turns the Earth by ω·0.45 s = 3.3e-5 rad under the satellite: ≤ 0.22 km at the orbit radius
 * (6730 km). Every tolerance below that involves the Earth's orientation is built from that number.
 */
import { readFile } from 'node:fs/promises';
import { parseElementFile } from '@stationkeeper/astro/elements';
import { PropagationError } from '@stationkeeper/astro/propagator';
import { createTimeScales } from '@stationkeeper/astro/time';
import { describe, expect, it } from 'vitest';
import { computeNow, type NowElements, type NowInput } from './now.js';

interface Reference {
  header: { elements: [string, string] };
  observer: { latitudeDeg: number; longitudeDeg: number; heightM: number };
  points: { time: string; latitudeDeg: number; longitudeDeg: number; altitudeKm: number; speedKmS: number }[];
  passes: { rise: string; culmination: string; set: string; maxElevationDeg: number }[];
  look: { time: string; azimuthDeg: number; elevationDeg: number; rangeKm: number; rangeRateKmS: number }[];
}
const reference = JSON.parse(await readFile(new URL('./now.reference.json', import.meta.url), 'utf8')) as Reference;

const D = Math.PI / 180;
const R_EARTH_KM = 6378;
/** Earth-rotation displacement at the orbit radius from the missing UT1−UTC (−0.45 s), km (see the header). */
const UT1_SHIFT_KM = 0.22;

const set = parseElementFile(`${reference.header.elements.join('\n')}\n`).records[0]!;
const elements: NowElements = {
  elementSet: set,
  epochUtcMjd: set.epochUtc.jd1 - 2_400_000.5 + set.epochUtc.jd2,
  epochIso: '2008-09-20T12:25:40.104192Z',
};
const ts = createTimeScales();
const now = (iso: string, extra: Partial<NowInput> = {}) => computeNow({ elements, timeScales: ts, at: ts.fromUtcIso(iso), ...extra });
const secondsBetween = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / 1000;

/** Topocentric east/north/up vector, km, from azimuth/elevation in degrees and range in km. */
function enuKm(azimuthDeg: number, elevationDeg: number, rangeKm: number): [number, number, number] {
  const ce = Math.cos(elevationDeg * D);
  return [rangeKm * ce * Math.sin(azimuthDeg * D), rangeKm * ce * Math.cos(azimuthDeg * D), rangeKm * Math.sin(elevationDeg * D)];
}

describe('computeNow against Skyfield / python-sgp4 (now.reference.json)', () => {
  for (const ref of reference.points) {
    it(`matches the sub-satellite point, height and speed at ${ref.time}`, () => {
      const r = now(ref.time);
      expect(r.time).toBe(ref.time);
      // Horizontal: 0.5 km — the 0.22 km of UT1−UTC (Earth rotation) plus the output rounding (1e-4° ≈ 11 m);
      // SGP4, TEME→ITRF and WGS-84 otherwise agree to metres.
      const dLatKm = (r.latitudeDeg - ref.latitudeDeg) * D * R_EARTH_KM;
      const dLonKm = ((((r.longitudeDeg - ref.longitudeDeg + 540) % 360) - 180) * D) * R_EARTH_KM * Math.cos(ref.latitudeDeg * D);
      expect(Math.hypot(dLatKm, dLonKm)).toBeLessThan(0.5);
      // Height does not depend on Earth rotation: 10 m covers the output rounding (1 m) and model differences.
      expect(Math.abs(r.altitudeKm - ref.altitudeKm)).toBeLessThan(0.01);
      // Same SGP4 model (WGS-72) and TEME speed: only the output rounding (0.1 m/s) is left — 2e-4 km/s.
      expect(Math.abs(r.speedKmS - ref.speedKmS)).toBeLessThan(2e-4);
    });
  }

  it('finds the same passes as Skyfield find_events over 24 h', () => {
    const r = now(reference.points[0]!.time, { observer: reference.observer, passes: { count: 20, searchDays: 1 } });
    const full = (r.passes ?? []).filter((p) => p.rise !== null && p.set !== null);
    expect(full).toHaveLength(reference.passes.length);
    full.forEach((p, i) => {
      const ref = reference.passes[i]!;
      // 2 s: the 0.22 km Earth-rotation shift moves the horizon crossing by ≲ 1 s at 0.2–7 km/s of range change;
      // root finding is to 1 ms.
      expect(secondsBetween(p.rise!.time, ref.rise)).toBeLessThan(2);
      expect(secondsBetween(p.set!.time, ref.set)).toBeLessThan(2);
      // Culmination is a flat maximum: 5 s in time, 0.05° in elevation.
      expect(secondsBetween(p.culmination.time, ref.culmination)).toBeLessThan(5);
      expect(Math.abs(p.maxElevationDeg - ref.maxElevationDeg)).toBeLessThan(0.05);
    });
  });

  for (const ref of reference.look) {
    it(`matches Skyfield's look angles from the observer (metres of height at the edge) at ${ref.time}`, () => {
      const r = now(ref.time, { observer: reference.observer, lookAngles: true });
      const look = r.look!;
      // Position of the satellite seen from the observer: the 0.22 km Earth-rotation shift plus the rounding of
      // azimuth/elevation (5e-4° each, ≤ 0.1 km at 11 600 km) and range (0.5 m): 0.22 + 0.15 → 0.4 km.
      const ours = enuKm(look.azimuthDeg, look.elevationDeg, look.rangeKm);
      const theirs = enuKm(ref.azimuthDeg, ref.elevationDeg, ref.rangeKm);
      expect(Math.hypot(ours[0] - theirs[0], ours[1] - theirs[1], ours[2] - theirs[2])).toBeLessThan(UT1_SHIFT_KM + 0.15 + 0.03);
      expect(Math.abs(look.rangeKm - ref.rangeKm)).toBeLessThan(UT1_SHIFT_KM + 0.01);
      // Range rate = relative velocity (≤ 7.7 km/s) along the line of sight: a line of sight turned by
      // 0.22 km / range changes it by ≤ 7.7 km/s × 0.22 km / range; plus the output rounding (5e-5 km/s).
      expect(Math.abs(look.rangeRateKmS - ref.rangeRateKmS)).toBeLessThan((7.7 * UT1_SHIFT_KM) / ref.rangeKm + 1e-4);
    });
  }
});

describe('computeNow: the record', () => {
  it('reports the element set it was given, fresh: no warning, not stale, source format, name', () => {
    const r = now('2008-09-20T14:00:00Z');
    expect(r.noradId).toBe(25_544);
    expect(r.elements).toEqual({ epoch: '2008-09-20T12:25:40.104192Z', ageDays: 0.066, sample: false, stale: false, source: 'tle' });
    expect(r.warnings).toEqual([]);
    expect(r.observer).toBeNull();
    // Absent unless asked for: the CLI's JSON has no `look`, the server's has no `passes`.
    expect('look' in r || 'passes' in r).toBe(false);
  });

  it('warns when the set is more than 3 days from the instant, before the caller’s notes and its own pass note', () => {
    const notes = ['note A'];
    const r = now('2008-09-24T12:30:00Z', { notes });
    expect(r.elements.stale).toBe(true);
    expect(r.elements.ageDays).toBeCloseTo(4.003, 3);
    expect(r.warnings).toEqual([expect.stringMatching(/^WARNING: the nearest stored element set \(epoch 2008-09-20T12:25:40\.104192Z\) is 4\.0 days/), 'note A']);
    expect(now('2008-09-23T12:00:00Z').elements.stale).toBe(false);
  });

  it('with a sample warning: lists it first, flags the set stale, and lifts the SGP4 10-year guard for it only', () => {
    const far = '2026-08-22T12:00:00Z';
    const r = now(far, { sampleWarning: 'WARNING: SAMPLE' });
    expect(r.elements).toMatchObject({ sample: true, stale: true });
    expect(r.elements.ageDays).toBeGreaterThan(6000);
    expect(r.warnings).toEqual(['WARNING: SAMPLE']);
    expect(Math.abs(r.latitudeDeg)).toBeLessThanOrEqual(90);
    expect(() => now(far)).toThrow(PropagationError);
  });

  it('keeps, in order, the notes a TimeScales onWarning pushes during the call', () => {
    const notes: string[] = ['caller note'];
    const warned = createTimeScales({ onWarning: (m) => notes.push(m) });
    const t = warned.fromUtcIso('2028-06-01T00:00:00Z'); // past the built-in leap-second table's expiry
    const before = notes.length;
    const r = computeNow({ elements, timeScales: warned, at: t, sampleWarning: 'WARNING: SAMPLE', notes });
    expect(notes.length).toBeGreaterThan(before);
    expect(r.warnings).toEqual(['WARNING: SAMPLE', ...notes]);
    expect(r.warnings.some((w) => w.includes('leap-second'))).toBe(true);
  });

  it('gives look angles and passes as null without an observer, and echoes the observer in degrees and metres', () => {
    const bare = now('2008-09-20T12:30:00Z', { lookAngles: true, passes: { count: 3, searchDays: 1 } });
    expect(bare.look).toBeNull();
    expect(bare.passes).toBeNull();
    const named = now('2008-09-20T12:30:00Z', { observer: { ...reference.observer, name: 'Berlin' }, passes: { count: 2, searchDays: 1 } });
    expect(named.observer).toEqual({ latitudeDeg: 52.52, longitudeDeg: 13.405, heightM: 34, name: 'Berlin' });
    expect(named.passes).toHaveLength(2);
    expect(now('2008-09-20T12:30:00Z', { observer: reference.observer }).observer).toEqual(reference.observer);
  });

  it('is JSON-safe: survives a JSON round trip unchanged', () => {
    const r = now('2008-09-20T19:58:28Z', { observer: reference.observer, lookAngles: true, passes: { count: 5, searchDays: 1 } });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('rejects an observer or a pass request out of range with RangeError naming the quantity', () => {
    expect(() => now('2008-09-20T12:30:00Z', { observer: { latitudeDeg: 95, longitudeDeg: 0, heightM: 0 } })).toThrow(/latitude must be in \[-90, 90\] deg, got 95/);
    expect(() => now('2008-09-20T12:30:00Z', { passes: { count: 1.5, searchDays: 1 } })).toThrow(RangeError);
    expect(() => now('2008-09-20T12:30:00Z', { passes: { count: 1, searchDays: 0 } })).toThrow(/pass search window/);
  });
});
