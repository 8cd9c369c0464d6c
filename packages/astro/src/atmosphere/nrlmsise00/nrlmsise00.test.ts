import { describe, expect, it } from 'vitest';
import { hasShared, readSharedText } from '#testing';
import { gtd7, gtd7d, MSIS_AP_ARRAY_SWITCHES, type MsisOutput } from './index.js';

const fields = (o: MsisOutput): number[] => [
  o.heCm3, o.oCm3, o.n2Cm3, o.o2Cm3, o.arCm3, o.totalMassGCm3, o.hCm3, o.nCm3, o.anomalousOCm3,
  o.exosphericTemperatureK, o.temperatureK,
];
const NAMES = ['He', 'O', 'N2', 'O2', 'Ar', 'rho', 'H', 'N', 'anomalous O', 'T_exo', 'T_alt'];

describe.skipIf(!hasShared)('NRLMSISE-00 against the 17 reference cases of the C test driver', () => {
  const rows = hasShared
    ? readSharedText('data', 'nrlmsise00', 'nrlmsise00_c_test_cases.csv').trim().split('\n').slice(1)
    : [];
  it('has 17 cases', () => expect(rows).toHaveLength(17));
  for (const line of rows) {
    const c = line.split(',');
    const n = c.map(Number);
    const apArrayMode = (c[11] ?? '').includes('switch9=-1');
    it(`case ${c[0]} (${c[11]}) matches every species and temperature to the printed precision`, () => {
      const out = gtd7(
        {
          doy: n[1]!, secUt: n[3]!, altitudeKm: n[4]!, latitudeDeg: n[5]!, longitudeDeg: n[6]!, localSolarTimeH: n[7]!,
          f107A: n[8]!, f107: n[9]!, ap: n[10]!, ...(apArrayMode ? { apArray: [100, 100, 100, 100, 100, 100, 100] } : {}),
        },
        apArrayMode ? MSIS_AP_ARRAY_SWITCHES : undefined,
      );
      const got = fields(out);
      const want = n.slice(12, 23);
      for (let i = 0; i < 11; i++) {
        const w = want[i]!;
        // Values are printed with 7 significant digits (%E): rounding is ≤ 5e-7 relative; 1e-6 leaves margin
        // for the last-bit differences of libm exp/pow between C and JavaScript. Measured worst: 4.8e-7.
        if (w === 0) expect(got[i], NAMES[i]).toBe(0);
        else expect(Math.abs(got[i]! / w - 1), `${NAMES[i]}: got ${got[i]}, want ${w}`).toBeLessThan(1e-6);
      }
    });
  }
});

/** Parses a CCMC ModelWeb profile table: rows of height, O, N2, O2, rho, Tn, Texo, He, Ar, H, N, anomalous O. */
function modelWebRows(text: string, scenario: string): number[][] {
  const part = text.split(`== Scenario ${scenario}`)[1]!.split('== Scenario')[0]!;
  return part.split('\n').filter((l) => /E[+-]/.test(l)).map((l) => l.trim().split(/\s+/).map(Number)).filter((r) => r.length >= 12 && r.every(Number.isFinite));
}

describe.skipIf(!hasShared)('NRLMSISE-00 against the CCMC ModelWeb profiles (0–1000 km)', () => {
  const text = hasShared ? readSharedText('data', 'nrlmsise00', 'nrlmsise00_ccmc_modelweb_profiles.txt') : '';
  const scenarios = [
    // 1986-06-19 21:30 UT (doy 170), lat −16°, lon 312°: LST = 21.5 h + 312°/15 = 42.3 h → 18.3 h. Daily ap.
    { id: '01', doy: 170, secUt: 77_400, lat: -16, lon: 312, lst: 18.3, f107: 121, f107A: 80, ap: 7, apArray: undefined },
    // 2016-06-01 11:00 UT (doy 153), lat −23°, lon 315°: LST = 11 h + 21 h → 8 h. Finding: although the source
    // labels this run "using the AP vector" and prints the ap history, the service's numbers are reproduced by
    // the daily-Ap mode (switch 9 = 1, ap 4.9) to the printed digits, while the ap-history mode (switch 9 = −1
    // with 4.9 3.0 4.0 4.0 6.0 9.9 10.6) differs by 1.2 % in O at 200 km and 1 K at 400 km. Our ap-history
    // mode itself is verified by reference cases 16–17 above.
    { id: '02', doy: 153, secUt: 39_600, lat: -23, lon: 315, lst: 8, f107: 89.0, f107A: 89.4, ap: 4.9, apArray: undefined },
  ];
  for (const s of scenarios) {
    it(`scenario ${s.id}: 11 altitudes × 11 quantities to the 4 printed digits`, () => {
      const rows = modelWebRows(text, s.id);
      expect(rows).toHaveLength(11);
      for (const r of rows) {
        const out = gtd7(
          {
            doy: s.doy, secUt: s.secUt, altitudeKm: r[0]!, latitudeDeg: s.lat, longitudeDeg: s.lon, localSolarTimeH: s.lst,
            f107A: s.f107A, f107: s.f107, ap: s.ap, ...(s.apArray ? { apArray: s.apArray } : {}),
          },
          s.apArray ? MSIS_AP_ARRAY_SWITCHES : undefined,
        );
        const got = [out.oCm3, out.n2Cm3, out.o2Cm3, out.totalMassGCm3, out.temperatureK, out.exosphericTemperatureK,
          out.heCm3, out.arCm3, out.hCm3, out.nCm3, out.anomalousOCm3];
        for (let i = 0; i < 11; i++) {
          const w = r[i + 1]!;
          const g = got[i]!;
          const what = `${s.id} h=${r[0]} km column ${i + 2}: got ${g}, want ${w}`;
          if (w === 0) {
            // Printed 0: the FORTRAN flushes these (anomalous O at ≤ 100 km, O/H/N at 0 km); ours must be physically 0.
            expect(Math.abs(g), what).toBeLessThan(1e-30);
          } else if (i === 4) {
            // T printed to 0.1 K (rounding ≤ 0.05 K); scenario 02's indices are themselves printed rounded to 0.1
            // (F10.7A 89.4, Ap 4.9), which moves T by up to ~0.1 K at 200 km: 0.15 K. Measured worst 0.093 K.
            expect(Math.abs(g - w), what).toBeLessThanOrEqual(0.15);
          } else if (i === 5) {
            expect(Math.abs(g - w), what).toBeLessThanOrEqual(0.5 + 1e-9); // T_exo printed to 1 K: rounding ≤ 0.5 K
          } else {
            // 4 significant digits (%.3E): rounding ≤ 5e-4 relative at mantissa 1.000, plus the rounding of the
            // service's printed inputs (F10.7A, ap, LST): 7e-4. Measured worst: 6.0e-4 (He, 200 km, scenario 01).
            // Anomalous O (column 12) has a double-exponential profile that amplifies the input rounding: 5e-3
            // (measured worst 2.4e-3, scenario 02 at 200 km, where it is 1.4e-9 cm⁻³ and irrelevant for mass).
            // Scenario 02's indices are printed rounded (F10.7A 89.4, Ap 4.9: ±0.05 is ±1 % of Ap) and heavy species
            // far above their scale height (Ar at 900 km: 5e-12 cm⁻³) amplify the resulting ~0.1 K error: 1e-2
            // (measured worst 3.2e-3). Scenario 01's inputs are exact integers: 7e-4.
            const tol = i === 10 ? 5e-3 : s.id === '02' ? 1e-2 : 7e-4;
            expect(Math.abs(g / w - 1), what).toBeLessThan(tol);
          }
        }
      }
    });
  }
});

describe('NRLMSISE-00 behaviour', () => {
  const base = { doy: 172, secUt: 29_000, altitudeKm: 400, latitudeDeg: 60, longitudeDeg: -70, localSolarTimeH: 16, f107A: 150, f107: 150, ap: 4 };
  it('gtd7d adds anomalous oxygen (16 amu) to the total mass density', () => {
    const a = gtd7(base);
    const b = gtd7d(base);
    const amuG = 1.66e-24;
    // Exact by construction up to summation rounding: 1e-12 relative.
    expect(Math.abs((b.totalMassGCm3 - a.totalMassGCm3) / (16 * amuG * a.anomalousOCm3) - 1)).toBeLessThan(1e-12);
  });
  it('density falls monotonically with altitude from 0 to 1000 km', () => {
    let prev = Infinity;
    for (let h = 0; h <= 1000; h += 5) {
      const rho = gtd7d({ ...base, altitudeKm: h }).totalMassGCm3;
      expect(rho).toBeLessThan(prev);
      prev = rho;
    }
  });
  it('rejects out-of-domain inputs with RangeError', () => {
    expect(() => gtd7({ ...base, altitudeKm: -1 })).toThrow(RangeError);
    expect(() => gtd7({ ...base, f107: Number.NaN })).toThrow(RangeError);
    expect(() => gtd7(base, MSIS_AP_ARRAY_SWITCHES)).toThrow(RangeError);
  });
});
