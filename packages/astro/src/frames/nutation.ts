/**
 * IAU 2000A nutation (MHB2000: Mathews, Herring & Buffett 2002, J. Geophys. Res. 107(B4)), with the IAU 2006
 * adjustments of Capitaine, Wallace & Chapront 2005 / Wallace & Capitaine 2006 (A&A 459, 981) — the model of
 * IERS Conventions (2010) §5.5.4 and SOFA/ERFA nut00a.c / nut06a.c.
 *
 * Luni-solar (678 terms) and planetary (687 terms) series; coefficient tables in nutation-2000a-*.ts.
 * As in MHB2000 and SOFA, the luni-solar part uses the MHB2000 forms of l′ and D and the planetary part its own
 * simplified Delaunay arguments; the difference from using IERS 2003 arguments throughout is < 0.1 µas.
 */
import { RAD_PER_ARCSEC, TWO_PI } from '../units/index.js';
import {
  generalPrecessionRad, meanAnomalyMoonRad, meanArgLatitudeMoonRad, meanLongitudeEarthRad, meanLongitudeJupiterRad,
  meanLongitudeMarsRad, meanLongitudeMercuryRad, meanLongitudeSaturnRad, meanLongitudeUranusRad, meanLongitudeVenusRad,
  meanNodeMoonRad,
} from './fundamental-args.js';
import { LUNISOLAR_2000A, LUNISOLAR_2000A_ROW } from './nutation-2000a-lunisolar.js';
import { PLANETARY_2000A, PLANETARY_2000A_ROW } from './nutation-2000a-planetary.js';

/** 0.1 microarcsecond in radians (the unit of the tables). */
const RAD_PER_TENTH_UAS = RAD_PER_ARCSEC / 1e7;
const TURNAS = 1_296_000;

/** Nutation in longitude Δψ and obliquity Δε, radians. */
export interface NutationAngles {
  readonly dPsiRad: number;
  readonly dEpsRad: number;
}

/**
 * IAU 2000A nutation (ERFA nut00a) at `t` Julian centuries TT since J2000.0.
 * The series is ~1365 terms; callers converting many states at one instant should compute it once.
 */
export function nutation2000a(t: number): NutationAngles {
  // Luni-solar arguments: l and F, Ω from IERS 2003; l′ and D in their MHB2000 form.
  const el = meanAnomalyMoonRad(t);
  const elp = ((1287104.79305 + t * (129596581.0481 + t * (-0.5532 + t * (0.000136 + t * -0.00001149)))) % TURNAS) * RAD_PER_ARCSEC;
  const f = meanArgLatitudeMoonRad(t);
  const d = ((1072260.70369 + t * (1602961601.209 + t * (-6.3706 + t * (0.006593 + t * -0.00003169)))) % TURNAS) * RAD_PER_ARCSEC;
  const om = meanNodeMoonRad(t);

  let dp = 0;
  let de = 0;
  const ls = LUNISOLAR_2000A;
  // Summed smallest terms first (reverse order), as SOFA does, to limit rounding. Unlike SOFA the argument is
  // not reduced with fmod (slow in JS): each fundamental argument already is, the combination stays below
  // ~100 rad, and sin/cos of it lose < 2e-14 relative — < 1e-13″ on the largest (17″) term.
  for (let i = ls.length - LUNISOLAR_2000A_ROW; i >= 0; i -= LUNISOLAR_2000A_ROW) {
    const arg = ls[i]! * el + ls[i + 1]! * elp + ls[i + 2]! * f + ls[i + 3]! * d + ls[i + 4]! * om;
    const sa = Math.sin(arg), ca = Math.cos(arg);
    dp += (ls[i + 5]! + ls[i + 6]! * t) * sa + ls[i + 7]! * ca;
    de += (ls[i + 8]! + ls[i + 9]! * t) * ca + ls[i + 10]! * sa;
  }

  // Planetary arguments (MHB2000 Delaunay forms, IERS 2003 planetary longitudes, MHB2000 Neptune).
  const al = (2.35555598 + 8328.6914269554 * t) % TWO_PI;
  const af = (1.627905234 + 8433.466158131 * t) % TWO_PI;
  const ad = (5.198466741 + 7771.3771468121 * t) % TWO_PI;
  const aom = (2.1824392 - 33.757045 * t) % TWO_PI;
  const apa = generalPrecessionRad(t);
  const alme = meanLongitudeMercuryRad(t);
  const alve = meanLongitudeVenusRad(t);
  const alea = meanLongitudeEarthRad(t);
  const alma = meanLongitudeMarsRad(t);
  const alju = meanLongitudeJupiterRad(t);
  const alsa = meanLongitudeSaturnRad(t);
  const alur = meanLongitudeUranusRad(t);
  const alne = (5.321159 + 3.8127774 * t) % TWO_PI;

  const pl = PLANETARY_2000A;
  for (let i = pl.length - PLANETARY_2000A_ROW; i >= 0; i -= PLANETARY_2000A_ROW) {
    const arg = pl[i]! * al + pl[i + 1]! * af + pl[i + 2]! * ad + pl[i + 3]! * aom + pl[i + 4]! * alme
      + pl[i + 5]! * alve + pl[i + 6]! * alea + pl[i + 7]! * alma + pl[i + 8]! * alju + pl[i + 9]! * alsa
      + pl[i + 10]! * alur + pl[i + 11]! * alne + pl[i + 12]! * apa;
    const sa = Math.sin(arg), ca = Math.cos(arg);
    dp += pl[i + 13]! * sa + pl[i + 14]! * ca;
    de += pl[i + 15]! * sa + pl[i + 16]! * ca;
  }
  return { dPsiRad: dp * RAD_PER_TENTH_UAS, dEpsRad: de * RAD_PER_TENTH_UAS };
}

/**
 * IAU 2000A nutation adjusted to the IAU 2006 precession (ERFA nut06a): the J2 rate and the
 * 0.4697e-6 scaling of Δψ (Wallace & Capitaine 2006, eq. 5; IERS Conventions 2010 eq. 5.39 note).
 */
export function nutation06a(t: number): NutationAngles {
  const fj2 = -2.7774e-6 * t;
  const n = nutation2000a(t);
  return { dPsiRad: n.dPsiRad + n.dPsiRad * (0.4697e-6 + fj2), dEpsRad: n.dEpsRad + n.dEpsRad * fj2 };
}
