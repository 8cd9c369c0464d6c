import { readFileSync } from 'node:fs';
import { hasShared, readSharedJson } from '#testing';
import { describe, expect, it } from 'vitest';
import { eraRad, gmst82Rad } from '../time/sidereal.js';
import { gastRad } from './earth-rotation.js';

interface SeriesCase { tt: [number, number]; ut1: [number, number]; era00: number; gmst82: number; gst06a: number }
const erfa = JSON.parse(readFileSync(new URL('./fixtures/erfa-series.json', import.meta.url), 'utf8')) as { cases: SeriesCase[] };
const angleDiff = (a: number, b: number): number => Math.abs(((a - b + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);

describe('GAST (IAU 2006/2000A, CIO based) and the rotation angles frames rely on, vs ERFA', () => {
  it('gastRad equals ERFA gst06a within 1e-12 rad (same model; rounding of a 1e5-rad ERA argument ~1e-13)', () => {
    let worst = 0;
    for (const c of erfa.cases) {
      worst = Math.max(worst, angleDiff(gastRad({ jd1: c.ut1[0], jd2: c.ut1[1] }, { jd1: c.tt[0], jd2: c.tt[1] }), c.gst06a));
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('time.eraRad and time.gmst82Rad (used by every transform) equal ERFA era00 and gmst82 within 1e-12 rad', () => {
    for (const c of erfa.cases) {
      const ut1 = { jd1: c.ut1[0], jd2: c.ut1[1] };
      expect(angleDiff(eraRad(ut1), c.era00)).toBeLessThan(1e-12);
      expect(angleDiff(gmst82Rad(ut1), c.gmst82)).toBeLessThan(1e-12);
    }
  });
});

interface TimeCase { id: string; ut1_jd1: number | null; ut1_jd2: number | null; tt_jd1: number; tt_jd2: number; gast06_rad: number | null }

describe.skipIf(!hasShared)('gastRad vs ../shared/reference/time.json (Skyfield t.gast, 1973–2027)', () => {
  it('within 2e-10 rad given the same UT1 and TT (header: 5e-9 for 2000A; Skyfield vs ERFA gst06a 9.4e-11)', () => {
    const cases = readSharedJson<{ cases: TimeCase[] }>('reference', 'time.json').cases;
    let worst = 0, n = 0;
    for (const c of cases) {
      if (c.gast06_rad === null || c.ut1_jd1 === null || c.ut1_jd2 === null) continue;
      worst = Math.max(worst, angleDiff(gastRad({ jd1: c.ut1_jd1, jd2: c.ut1_jd2 }, { jd1: c.tt_jd1, jd2: c.tt_jd2 }), c.gast06_rad));
      n++;
    }
    expect(n).toBeGreaterThan(150);
    expect(worst).toBeLessThan(2e-10);
  });
});
