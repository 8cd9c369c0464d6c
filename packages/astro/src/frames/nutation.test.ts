import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { julianCenturiesTt } from './earth-rotation.js';
import { nutation06a } from './nutation.js';
import { biasPrecessionNutation06a, meanObliquity06Rad } from './precession.js';

interface SeriesCase { tt: [number, number]; dpsi06: number; deps06: number; obl06: number; pnm06a: number[][] }
const erfa = JSON.parse(readFileSync(new URL('./fixtures/erfa-series.json', import.meta.url), 'utf8')) as { cases: SeriesCase[] };

// Same algorithm as ERFA in IEEE doubles: differences are rounding (~1e-16 rad). 1e-13 rad = 0.02 µas
// (< 1 µm at GEO) still catches any transcribed coefficient off by one unit (0.1 µas = 4.8e-13 rad).
const SERIES_TOL_RAD = 1e-13;

describe('IAU 2006/2000A precession–nutation vs ERFA (fixtures/erfa-series.json, 41 dates 1900–2100)', () => {
  it('nutation06a equals ERFA nut06a', () => {
    let worst = 0;
    for (const c of erfa.cases) {
      const n = nutation06a(julianCenturiesTt({ jd1: c.tt[0], jd2: c.tt[1] }));
      worst = Math.max(worst, Math.abs(n.dPsiRad - c.dpsi06), Math.abs(n.dEpsRad - c.deps06));
    }
    expect(worst).toBeLessThan(SERIES_TOL_RAD);
  });

  it('meanObliquity06Rad equals ERFA obl06', () => {
    for (const c of erfa.cases) {
      expect(Math.abs(meanObliquity06Rad(julianCenturiesTt({ jd1: c.tt[0], jd2: c.tt[1] })) - c.obl06)).toBeLessThan(1e-15);
    }
  });

  it('biasPrecessionNutation06a equals ERFA pnm06a element by element', () => {
    let worst = 0;
    for (const c of erfa.cases) {
      const m = biasPrecessionNutation06a(julianCenturiesTt({ jd1: c.tt[0], jd2: c.tt[1] }));
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) worst = Math.max(worst, Math.abs(m[3 * i + j]! - c.pnm06a[i]![j]!));
    }
    expect(worst).toBeLessThan(SERIES_TOL_RAD);
  });
});
