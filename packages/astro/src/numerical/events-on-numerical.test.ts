/**
 * The event finders work on any `Propagator`: passes and eclipses of one ISS day found on the numerical propagator
 * agree with the same search on SGP4, from whose state at epoch the numerical run starts.
 */
import { describe, expect, it } from 'vitest';
import { constantDrivers, NrlmsiseAtmosphere } from '../atmosphere/index.js';
import { parseTle } from '../elements/tle-parse.js';
import { ecefSampler, findEclipses, findPasses, frameSampler, SearchWindow, siteFromGeodetic } from '../events/index.js';
import type { Propagator } from '../propagator/index.js';
import { Sgp4Propagator } from '../sgp4/index.js';
import { builtinLeapSeconds, TimeScales } from '../time/index.js';
import { NumericalPropagator } from './index.js';

// ISS element set (CelesTrak example, 2008-09-20), quiet sun: constant F10.7 = F10.7A = 70, Ap = 10 (as propagator.test.ts).
const L1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
const L2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';
const ts = new TimeScales({ leapSeconds: builtinLeapSeconds() });
const es = parseTle(L1, L2, 'ISS (ZARYA)');
const sgp4 = Sgp4Propagator.fromElements(es, ts);
const epoch = ts.fromUtcJd(es.epochUtc.jd1, es.epochUtc.jd2);
const DAY_S = 86_400;
const D = Math.PI / 180;

function numerical(): NumericalPropagator {
  return new NumericalPropagator({
    initial: sgp4.stateAt(epoch),
    spacecraft: { massKg: 420_000, dragAreaM2: 1_600, dragCoefficient: 2.2 },
    atmosphere: new NrlmsiseAtmosphere(constantDrivers(70, 70, 10)),
  });
}

/** Eclipse events of one day for a TEME propagator (Sun from the window's table). */
function eclipses(p: Propagator, window: SearchWindow): { kind: string; tS: number }[] {
  const teme = frameSampler(p, window);
  const state = new Float64Array(6);
  const { events, status } = findEclipses((tS, sat, sun) => {
    const code = teme(tS, state);
    sat.set(state.subarray(0, 3));
    window.sunTemeInto(tS, sun);
    return code;
  }, window.durationS);
  expect(status).toBe(0);
  return events;
}

describe('event finders on the numerical propagator (vs SGP4)', () => {
  // The two ephemerides stay within 3.9 km of each other over the day (propagator.test.ts, bound 10 km). The ISS
  // moves 7.4 km/s relative to the ground, so an along-track offset of 10 km moves an event by ≤ 1.4 s; near the
  // horizon the radial and cross-track parts add about as much again. Bound 5 s for rise, set, culmination and
  // the shadow crossings; the maximum elevation within 1.5° (10 km seen from ≥ 400 km away: atan(10 / 400) = 1.4°
  // overhead). Measured: 6 passes, worst 0.10 s and 0.003°; 62 shadow events, worst 0.51 s.
  const window = new SearchWindow(epoch, DAY_S, ts);

  it('finds the same passes over London within seconds', () => {
    const london = siteFromGeodetic(51.5074 * D, -0.1278 * D, 0.011);
    const a = findPasses(ecefSampler(sgp4, window), london, DAY_S);
    const b = findPasses(ecefSampler(numerical(), window), london, DAY_S);
    expect([a.status, b.status]).toEqual([0, 0]);
    expect(a.passes.length).toBeGreaterThanOrEqual(4); // a 51.6° orbit over 51.5° N: 4–6 passes a day
    expect(b.passes.length).toBe(a.passes.length);
    a.passes.forEach((p, i) => {
      const q = b.passes[i]!;
      for (const key of ['riseS', 'culminationS', 'setS'] as const) {
        expect(Math.abs((q[key] ?? NaN) - (p[key] ?? NaN)), `pass ${i} ${key}`).toBeLessThan(5);
      }
      expect(Math.abs(q.maxElevationRad - p.maxElevationRad) / D, `pass ${i} max elevation (deg)`).toBeLessThan(1.5);
    });
  });

  it('finds the same eclipse entries and exits within seconds', () => {
    const a = eclipses(sgp4, window);
    const b = eclipses(numerical(), window);
    // One umbra per orbit (~15.7 a day) with its penumbra: four events per orbit.
    expect(a.length).toBeGreaterThanOrEqual(4 * 15);
    expect(b.map((e) => e.kind)).toEqual(a.map((e) => e.kind));
    a.forEach((e, i) => expect(Math.abs(b[i]!.tS - e.tS), `${e.kind} ${i}`).toBeLessThan(5));
  });
});
