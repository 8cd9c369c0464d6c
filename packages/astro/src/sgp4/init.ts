/**
 * SGP4 initialisation (`initl` + `sgp4init`): from mean elements to the per-satellite constants of one
 * record. After Vallado, Crawford, Hujsak & Kelso 2006, "Revisiting Spacetrack Report #3" (AIAA 2006-6753)
 * and the 2020 revision of its C++ code (as ported by python-sgp4 2.x): un-Kozai of the mean motion, the
 * s/q₀ atmosphere fix for low perigees, 'a' (AFSPC) vs 'i' (improved) sidereal time at epoch, deep-space
 * selection at a period of 225 minutes. Written independently against the paper's listing, keeping the
 * reference's order of operations.
 */
import type { ElementSet } from '../elements/element-set.js';
import { dscom, dsinit } from './deep-space-init.js';
import { gravityModel, type GravityModelName } from './gravity.js';
import {
  A, AFSPC, ALTA, ALTP, ARGPDOT, ARGPO, AYCOF, BSTAR, CC1, CC4, CC5, CON41, D2, D3, D4, DELMO, ECCO,
  EPOCH_DAYS_1950, EPOCH_JD1, EPOCH_JD2, ETA, GSTO, GUARD_DRAG, GUARD_MAX_MIN, GUARD_PERIGEE, INCLO, INIT_CODE, ISIMP, J2,
  J3OJ2, MDOT, METHOD, METHOD_DEEP_SPACE, METHOD_NEAR_EARTH, MO, NO_KOZAI, NO_UNKOZAI, NODECF, NODEDOT, NODEO,
  NORAD, OMGCOF, RADIUS_KM, RECORD_STRIDE, SINMAO, T2COF, T3COF, T4COF, T5COF, VKMPERSEC, X1MTH2, X7THM1, XKE,
  XLCOF, XMCOF, SINIO, COSIO, A_NEAR,
} from './layout.js';

const TWO_PI = 2.0 * Math.PI;
const DEG2RAD = Math.PI / 180.0;
/** JD of 1950 Jan 0.0 UTC, the origin of SGP4's epoch in days. */
const JD_1950_JAN0 = 2433281.5;
/** Minutes per day. */
const MIN_PER_DAY = 1440.0;
/** Revolutions per day → radians per minute: 1 / (1440 / 2π). */
const XPDOTP = 1440.0 / (2.0 * Math.PI);

/** The fields of an element set SGP4 uses. */
export type Sgp4Elements = Pick<ElementSet, 'noradId' | 'epochYear' | 'epochDayOfYear' | 'epochUtc' |
  'meanMotionRevPerDay' | 'bstar' |
  'inclinationRad' | 'raanRad' | 'eccentricity' | 'argPerigeeRad' | 'meanAnomalyRad'>;

/** Guards added to the reference model; see `Sgp4Code`. */
export interface Sgp4Guard {
  /** Flag samples after the drag polynomial is exhausted with code 7 (default true). */
  readonly drag?: boolean;
  /**
   * Also flag, with code 7, samples whose mean perigee a(1 − e) lies below one Earth radius (default false:
   * the reference prints such samples as valid, e.g. verification case 28872 at −51.7 km).
   */
  readonly perigee?: boolean;
  /**
   * Flag samples farther than this many days from the epoch with code 8 (default 3653 days = 10 years; the
   * verification set's longest run is 1281 days). `Infinity` disables the check.
   */
  readonly maxDaysFromEpoch?: number;
}

export interface Sgp4Options {
  /** Gravity model (default 'wgs72', the one the element sets are fitted with). */
  readonly gravity?: GravityModelName;
  /** 'i' improved (default) or 'a' AFSPC-compatible operation mode. */
  readonly opsMode?: 'i' | 'a';
  readonly guard?: Sgp4Guard;
}

/** Default `guard.maxDaysFromEpoch`, days. */
export const DEFAULT_MAX_DAYS_FROM_EPOCH = 3653;

/** Greenwich mean sidereal time (IAU 1982), radians, from a UT1 Julian date — the reference's `gstime`. */
export function gstime(jdut1: number): number {
  const tut1 = (jdut1 - 2451545.0) / 36525.0;
  let temp = -6.2e-6 * tut1 * tut1 * tut1 + 0.093104 * tut1 * tut1 +
    (876600.0 * 3600 + 8640184.812866) * tut1 + 67310.54841; // seconds
  temp = ((temp * DEG2RAD) / 240.0) % TWO_PI; // 360/86400 = 1/240, to deg, to rad
  if (temp < 0.0) temp += TWO_PI;
  return temp;
}

/**
 * The epoch as SGP4 sees it, days since 1950 Jan 0.0 UTC, computed as the reference's `twoline2rv` does:
 * day of year → month, day, h, min, s (seconds truncated to the microsecond after adding half a microsecond,
 * python-sgp4 `days2mdhms`) → `jday`. This differs from the exact epoch by up to ~1e-11 day, which moves a
 * highly eccentric deep-space orbit near perigee by micrometres to millimetres; reproducing it is what makes
 * the last printed digit of the reference agree (case 23333 of the verification set is 4e-6 km off without it).
 */
export function referenceEpochDays1950(year: number, dayOfYear: number): number {
  const jan0 = 367.0 * year - Math.floor((7.0 * year) / 4.0) + 30.0 + 1721013.5; // jday(year, 1, 0), 1900–2100
  const whole = Math.floor(dayOfYear);
  let fraction = dayOfYear - whole;
  fraction += 0.5 / 86400e6;
  let second = fraction * 86400.0;
  // Python's float divmod: remainder by fmod, quotient rounded from (x − remainder) / y.
  let rem = second % 60.0;
  let minute = Math.round((second - rem) / 60.0);
  second = rem;
  rem = minute % 60.0;
  const hour = Math.round((minute - rem) / 60.0);
  minute = rem;
  second = Math.trunc(second * 1e6) / 1e6;
  const jd = jan0 + whole + ((second / 60.0 + minute) / 60.0 + hour) / 24.0;
  return jd - JD_1950_JAN0;
}

/**
 * Why an element set cannot be initialised, or undefined when it can. SGP4 needs finite values,
 * 0 ≤ e < 1 and a positive mean motion; everything else the model itself reports per sample.
 */
export function invalidElementsReason(es: Sgp4Elements): string | undefined {
  const fields: readonly [string, number][] = [
    ['mean motion (rev/day)', es.meanMotionRevPerDay], ['B* (1/earth radii)', es.bstar],
    ['inclination (rad)', es.inclinationRad], ['RAAN (rad)', es.raanRad], ['eccentricity', es.eccentricity],
    ['argument of perigee (rad)', es.argPerigeeRad], ['mean anomaly (rad)', es.meanAnomalyRad],
    ['epoch JD part 1', es.epochUtc.jd1], ['epoch JD part 2', es.epochUtc.jd2],
    ['epoch year', es.epochYear], ['epoch day of year', es.epochDayOfYear],
  ];
  for (const [what, value] of fields) if (!Number.isFinite(value)) return `${what} must be finite, got ${value}`;
  if (!(es.eccentricity >= 0 && es.eccentricity < 1)) return `eccentricity must be in [0, 1), got ${es.eccentricity}`;
  if (!(es.meanMotionRevPerDay > 0)) return `mean motion must be > 0 rev/day, got ${es.meanMotionRevPerDay}`;
  return undefined;
}

/**
 * Fills the record at `rec[base … base + RECORD_STRIDE)` from an element set, without the t = 0 check
 * (see `initializeRecord`). Returns false (record zeroed, INIT_CODE 9) when the elements are invalid.
 */
export function fillRecord(rec: Float64Array, base: number, es: Sgp4Elements, options: Sgp4Options = {}): boolean {
  rec.fill(0, base, base + RECORD_STRIDE);
  const b = base;
  const grav = gravityModel(options.gravity ?? 'wgs72');
  const opsMode = options.opsMode ?? 'i';
  if (opsMode !== 'i' && opsMode !== 'a') throw new RangeError(`SGP4 opsMode must be 'i' or 'a', got '${String(opsMode)}'`);
  const maxDays = options.guard?.maxDaysFromEpoch ?? DEFAULT_MAX_DAYS_FROM_EPOCH;
  if (!(maxDays > 0)) throw new RangeError(`guard.maxDaysFromEpoch must be > 0 days, got ${maxDays}`);
  rec[b + GUARD_DRAG] = options.guard?.drag === false ? 0 : 1;
  rec[b + GUARD_PERIGEE] = options.guard?.perigee === true ? 1 : 0;
  // Stored finite so that an infinite time is always out of range.
  rec[b + GUARD_MAX_MIN] = Math.min(maxDays * MIN_PER_DAY, Number.MAX_VALUE);
  rec[b + NORAD] = es.noradId;
  if (invalidElementsReason(es) !== undefined) {
    rec[b + INIT_CODE] = 9;
    return false;
  }

  const { xke, j2, j3oj2, j4, radiusKm } = grav;
  rec[b + XKE] = xke;
  rec[b + J2] = j2;
  rec[b + J3OJ2] = j3oj2;
  rec[b + RADIUS_KM] = radiusKm;
  rec[b + VKMPERSEC] = (radiusKm * xke) / 60.0;
  rec[b + AFSPC] = opsMode === 'a' ? 1 : 0;

  const epoch = referenceEpochDays1950(es.epochYear, es.epochDayOfYear);
  rec[b + EPOCH_DAYS_1950] = epoch;
  rec[b + EPOCH_JD1] = es.epochUtc.jd1;
  rec[b + EPOCH_JD2] = es.epochUtc.jd2;

  const bstar = es.bstar;
  const ecco = es.eccentricity;
  const argpo = es.argPerigeeRad;
  const inclo = es.inclinationRad;
  const mo = es.meanAnomalyRad;
  const noKozai = es.meanMotionRevPerDay / XPDOTP;
  const nodeo = es.raanRad;
  rec[b + BSTAR] = bstar;
  rec[b + ECCO] = ecco;
  rec[b + ARGPO] = argpo;
  rec[b + INCLO] = inclo;
  rec[b + MO] = mo;
  rec[b + NO_KOZAI] = noKozai;
  rec[b + NODEO] = nodeo;

  const temp4 = 1.5e-12;
  const ss = 78.0 / radiusKm + 1.0;
  // sgp4fix use multiply for speed instead of pow
  const qzms2ttemp = (120.0 - 78.0) / radiusKm;
  const qzms2t = qzms2ttemp * qzms2ttemp * qzms2ttemp * qzms2ttemp;
  const x2o3 = 2.0 / 3.0;

  // ---- initl: un-Kozai the mean motion, epoch geometry, sidereal time ----
  const eccsq = ecco * ecco;
  const omeosq = 1.0 - eccsq;
  const rteosq = Math.sqrt(omeosq);
  const cosio = Math.cos(inclo);
  const cosio2 = cosio * cosio;
  const ak = Math.pow(xke / noKozai, x2o3);
  const d1 = (0.75 * j2 * (3.0 * cosio2 - 1.0)) / (rteosq * omeosq);
  let delPrime = d1 / (ak * ak);
  const adel = ak * (1.0 - delPrime * delPrime - delPrime * (1.0 / 3.0 + (134.0 * delPrime * delPrime) / 81.0));
  delPrime = d1 / (adel * adel);
  const no = noKozai / (1.0 + delPrime);
  const ao = Math.pow(xke / no, x2o3);
  const sinio = Math.sin(inclo);
  const po = ao * omeosq;
  const con42 = 1.0 - 5.0 * cosio2;
  const con41 = -con42 - cosio2 - cosio2;
  const posq = po * po;
  const rp = ao * (1.0 - ecco);
  let gsto: number;
  if (opsMode === 'a') {
    // AFSPC sidereal time: days since 1970 with the FK5 rate.
    const ts70 = epoch - 7305.0;
    const ds70 = Math.floor(ts70 + 1.0e-8);
    const tfrac = ts70 - ds70;
    const c1 = 1.7202791694070362e-2; // reference 1.72027916940703639e-2, same double
    const thgr70 = 1.7321343856509375; // reference 1.7321343856509374, same double
    const fk5r = 5.075514194322695e-15; // reference 5.07551419432269442e-15, same double
    const c1p2p = c1 + TWO_PI;
    gsto = (thgr70 + c1 * ds70 + c1p2p * tfrac + ts70 * ts70 * fk5r) % TWO_PI;
    if (gsto < 0.0) gsto = gsto + TWO_PI;
  } else {
    gsto = gstime(epoch + JD_1950_JAN0);
  }
  rec[b + NO_UNKOZAI] = no;
  rec[b + CON41] = con41;
  rec[b + GSTO] = gsto;

  const a = Math.pow(no * grav.tumin, -2.0 / 3.0);
  rec[b + A] = a;
  rec[b + ALTA] = a * (1.0 + ecco) - 1.0;
  rec[b + ALTP] = a * (1.0 - ecco) - 1.0;

  // ---- near-earth secular, drag and long-period constants ----
  let isimp = 0;
  if (rp < 220.0 / radiusKm + 1.0) isimp = 1;
  // For perigees below 156 km the values of s and qoms2t are altered.
  let sfour = ss;
  let qzms24 = qzms2t;
  const perige = (rp - 1.0) * radiusKm;
  if (perige < 156.0) {
    sfour = perige - 78.0;
    if (perige < 98.0) sfour = 20.0;
    const qzms24temp = (120.0 - sfour) / radiusKm;
    qzms24 = qzms24temp * qzms24temp * qzms24temp * qzms24temp;
    sfour = sfour / radiusKm + 1.0;
  }
  const pinvsq = 1.0 / posq;
  const tsi = 1.0 / (ao - sfour);
  const eta = ao * ecco * tsi;
  const etasq = eta * eta;
  const eeta = ecco * eta;
  const psisq = Math.abs(1.0 - etasq);
  const coef = qzms24 * Math.pow(tsi, 4.0);
  const coef1 = coef / Math.pow(psisq, 3.5);
  const cc2 = coef1 * no * (ao * (1.0 + 1.5 * etasq + eeta * (4.0 + etasq)) +
    ((0.375 * j2 * tsi) / psisq) * con41 * (8.0 + 3.0 * etasq * (8.0 + etasq)));
  const cc1 = bstar * cc2;
  let cc3 = 0.0;
  if (ecco > 1.0e-4) cc3 = (-2.0 * coef * tsi * j3oj2 * no * sinio) / ecco;
  const x1mth2 = 1.0 - cosio2;
  const cc4 = 2.0 * no * coef1 * ao * omeosq * (eta * (2.0 + 0.5 * etasq) + ecco * (0.5 + 2.0 * etasq) -
    ((j2 * tsi) / (ao * psisq)) * (-3.0 * con41 * (1.0 - 2.0 * eeta + etasq * (1.5 - 0.5 * eeta)) +
      0.75 * x1mth2 * (2.0 * etasq - eeta * (1.0 + etasq)) * Math.cos(2.0 * argpo)));
  const cc5 = 2.0 * coef1 * ao * omeosq * (1.0 + 2.75 * (etasq + eeta) + eeta * etasq);
  const cosio4 = cosio2 * cosio2;
  const temp1 = 1.5 * j2 * pinvsq * no;
  const temp2 = 0.5 * temp1 * j2 * pinvsq;
  const temp3 = -0.46875 * j4 * pinvsq * pinvsq * no;
  const mdot = no + 0.5 * temp1 * rteosq * con41 + 0.0625 * temp2 * rteosq * (13.0 - 78.0 * cosio2 + 137.0 * cosio4);
  const argpdot = -0.5 * temp1 * con42 + 0.0625 * temp2 * (7.0 - 114.0 * cosio2 + 395.0 * cosio4) +
    temp3 * (3.0 - 36.0 * cosio2 + 49.0 * cosio4);
  const xhdot1 = -temp1 * cosio;
  const nodedot = xhdot1 + (0.5 * temp2 * (4.0 - 19.0 * cosio2) + 2.0 * temp3 * (3.0 - 7.0 * cosio2)) * cosio;
  const xpidot = argpdot + nodedot;
  let xmcof = 0.0;
  if (ecco > 1.0e-4) xmcof = (-x2o3 * coef * bstar) / eeta;
  let xlcof: number;
  // sgp4fix for divide by zero with xinco = 180 deg
  if (Math.abs(cosio + 1.0) > 1.5e-12) xlcof = (-0.25 * j3oj2 * sinio * (3.0 + 5.0 * cosio)) / (1.0 + cosio);
  else xlcof = (-0.25 * j3oj2 * sinio * (3.0 + 5.0 * cosio)) / temp4;
  const delmotemp = 1.0 + eta * Math.cos(mo);

  rec[b + ETA] = eta;
  rec[b + CC1] = cc1;
  rec[b + X1MTH2] = x1mth2;
  rec[b + CC4] = cc4;
  rec[b + CC5] = cc5;
  rec[b + MDOT] = mdot;
  rec[b + ARGPDOT] = argpdot;
  rec[b + NODEDOT] = nodedot;
  rec[b + OMGCOF] = bstar * cc3 * Math.cos(argpo);
  rec[b + XMCOF] = xmcof;
  rec[b + NODECF] = 3.5 * omeosq * xhdot1 * cc1;
  rec[b + T2COF] = 1.5 * cc1;
  rec[b + XLCOF] = xlcof;
  rec[b + AYCOF] = -0.5 * j3oj2 * sinio;
  rec[b + DELMO] = delmotemp * delmotemp * delmotemp;
  rec[b + SINMAO] = Math.sin(mo);
  rec[b + X7THM1] = 7.0 * cosio2 - 1.0;

  // ---- deep-space initialisation for periods ≥ 225 min ----
  rec[b + METHOD] = METHOD_NEAR_EARTH;
  if (TWO_PI / no >= 225.0) {
    rec[b + METHOD] = METHOD_DEEP_SPACE;
    isimp = 1;
    const tc = 0.0;
    const terms = dscom(rec, b, epoch, ecco, argpo, tc, inclo, nodeo, no);
    // dpper at initialisation (init = 'y') leaves the elements unchanged in the reference, so it is omitted.
    dsinit(rec, b, terms, {
      xke, argpo, t: 0.0, tc, gsto, mo, mdot, no, nodeo, nodedot, xpidot, ecco, eccsq, inclm: inclo, nm: no,
    });
  }

  // ---- drag polynomial coefficients for non-simplified near-earth orbits ----
  if (isimp !== 1) {
    const cc1sq = cc1 * cc1;
    const d2 = 4.0 * ao * tsi * cc1sq;
    const temp = (d2 * tsi * cc1) / 3.0;
    const d3 = (17.0 * ao + sfour) * temp;
    const d4 = 0.5 * temp * ao * tsi * (221.0 * ao + 31.0 * sfour) * cc1;
    rec[b + D2] = d2;
    rec[b + D3] = d3;
    rec[b + D4] = d4;
    rec[b + T3COF] = d2 + 2.0 * cc1sq;
    rec[b + T4COF] = 0.25 * (3.0 * d3 + cc1 * (12.0 * d2 + 10.0 * cc1sq));
    rec[b + T5COF] = 0.2 * (3.0 * d4 + 12.0 * cc1 * d3 + 6.0 * d2 * d2 + 15.0 * cc1sq * (2.0 * d2 + cc1sq));
  }
  rec[b + ISIMP] = isimp;
  rec[b + SINIO] = sinio;
  rec[b + COSIO] = cosio;
  rec[b + A_NEAR] = Math.pow(xke / no, x2o3);
  return true;
}
