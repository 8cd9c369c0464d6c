/**
 * The SGP4/SDP4 propagation step (`sgp4` of Vallado, Crawford, Hujsak & Kelso 2006, "Revisiting Spacetrack
 * Report #3", AIAA 2006-6753, 2020 revision): secular gravity and drag, deep-space secular/resonance and
 * lunar-solar periodics, long-period periodics, Kepler's equation (Newton–Raphson, ≤ 10 iterations, step
 * limited to 0.95), short-period periodics, and the TEME position and velocity. Written independently
 * against the paper's listing, keeping the reference's order of operations; `%` is C's `fmod`.
 *
 * Performance: one call handles one satellite over a span of times. The satellite's constants are loaded
 * from its flat record into locals once, then a monomorphic loop writes each sample into caller-owned typed
 * arrays (structure of arrays) — no allocation, no objects, no closures per sample. Single-sample and batch
 * APIs both go through this function, so they give identical numbers by construction.
 */
import { fmod2pi } from './angles.js';
import { Sgp4Code } from './codes.js';
import { dpper, dspace, OUT_ARGP, OUT_E, OUT_I, OUT_M, OUT_N, OUT_NODE, SCRATCH_ATIME } from './deep-space.js';
import {
  ARGPDOT, ARGPO, AYCOF, BSTAR, CC1, CC4, CC5, CON41, D2, D3, D4, DELMO, ECCO, ETA, GUARD_DRAG, GUARD_MAX_MIN,
  GUARD_PERIGEE,
  INCLO, INIT_CODE, ISIMP, J2, J3OJ2, MDOT, METHOD, METHOD_DEEP_SPACE, MO, NO_UNKOZAI, NODECF, NODEDOT, NODEO,
  OMGCOF, RADIUS_KM, SINMAO, T2COF, T3COF, T4COF, T5COF, VKMPERSEC, X1MTH2, X7THM1, XKE, XLCOF, XMCOF, SINIO, COSIO,
  A_NEAR,
} from './layout.js';

const X2O3 = 2.0 / 3.0;
const TEMP4 = 1.5e-12;

/**
 * Output of a propagation: TEME position (km) and velocity (km/s) in six parallel arrays plus a status code
 * per sample (see `Sgp4Code`). Samples with codes 1–5 and 8–10 hold zeros; codes 6 and 7 keep the computed
 * state when it is finite, as the reference does for 6.
 */
export interface Sgp4StateArrays {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  readonly vz: Float64Array;
  readonly codes: Uint8Array;
}

/**
 * sin and cos of a small angle |d| < 0.01 rad by their Taylor series through d⁹ / d¹⁰ (remainder < 1e-24, far
 * below one ulp); larger angles go to Math.sin/Math.cos. Used with the angle-addition formulas to move a known
 * sin/cos by a small correction without another library call — identical in exact arithmetic to evaluating
 * sin/cos of the corrected angle, and within a few ulps in floating point.
 */
function sinSmall(d: number): number {
  if (!(Math.abs(d) < 0.01)) return Math.sin(d);
  const d2 = d * d;
  // Horner form of d − d³/3! + d⁵/5! − d⁷/7! + d⁹/9! with reciprocal constants (multiplies, no divisions).
  return d * (1 - d2 * (1 / 6) * (1 - d2 * (1 / 20) * (1 - d2 * (1 / 42) * (1 - d2 * (1 / 72)))));
}

function cosSmall(d: number): number {
  if (!(Math.abs(d) < 0.01)) return Math.cos(d);
  const d2 = d * d;
  return 1 - d2 * 0.5 * (1 - d2 * (1 / 12) * (1 - d2 * (1 / 30) * (1 - d2 * (1 / 56) * (1 - d2 * (1 / 90)))));
}

function zero(out: Sgp4StateArrays, j: number, code: number): void {
  out.x[j] = 0;
  out.y[j] = 0;
  out.z[j] = 0;
  out.vx[j] = 0;
  out.vy[j] = 0;
  out.vz[j] = 0;
  out.codes[j] = code;
}

/**
 * Propagates the satellite whose record starts at `rec[b]` to `count` times, `minutes[first + k] + offsetMin`
 * minutes since its epoch, writing sample k to index `outFirst + k` of `out`. `scratch` is a Float64Array of
 * at least `DEEP_SCRATCH_LENGTH` slots used by the deep-space helpers.
 */
export function propagateSpan(rec: Float64Array, b: number, minutes: Float64Array, first: number,
  count: number, offsetMin: number, out: Sgp4StateArrays, outFirst: number, scratch: Float64Array): void {
  const initCode = rec[b + INIT_CODE]!;
  if (initCode === Sgp4Code.INVALID_ELEMENTS) {
    for (let k = 0; k < count; k++) zero(out, outFirst + k, initCode);
    return;
  }
  const deep = rec[b + METHOD] === METHOD_DEEP_SPACE;
  const isimp = rec[b + ISIMP]!;
  const guardDrag = rec[b + GUARD_DRAG] === 1;
  const guardPerigee = rec[b + GUARD_PERIGEE] === 1;
  const maxMin = rec[b + GUARD_MAX_MIN]!;
  const xke = rec[b + XKE]!, j2 = rec[b + J2]!, j3oj2 = rec[b + J3OJ2]!;
  const radiusKm = rec[b + RADIUS_KM]!, vkmpersec = rec[b + VKMPERSEC]!;
  const mo = rec[b + MO]!, mdot = rec[b + MDOT]!, argpo = rec[b + ARGPO]!, argpdot = rec[b + ARGPDOT]!;
  const nodeo = rec[b + NODEO]!, nodedot = rec[b + NODEDOT]!, nodecf = rec[b + NODECF]!;
  const cc1 = rec[b + CC1]!, cc4 = rec[b + CC4]!, cc5 = rec[b + CC5]!, bstar = rec[b + BSTAR]!;
  const t2cof = rec[b + T2COF]!, t3cof = rec[b + T3COF]!, t4cof = rec[b + T4COF]!, t5cof = rec[b + T5COF]!;
  const omgcof = rec[b + OMGCOF]!, eta = rec[b + ETA]!, xmcof = rec[b + XMCOF]!, delmo = rec[b + DELMO]!;
  const d2 = rec[b + D2]!, d3 = rec[b + D3]!, d4 = rec[b + D4]!, sinmao = rec[b + SINMAO]!;
  const noUnkozai = rec[b + NO_UNKOZAI]!, ecco = rec[b + ECCO]!, inclo = rec[b + INCLO]!;
  const aycof0 = rec[b + AYCOF]!, xlcof0 = rec[b + XLCOF]!;
  const con410 = rec[b + CON41]!, x1mth20 = rec[b + X1MTH2]!, x7thm10 = rec[b + X7THM1]!;
  const sinio = rec[b + SINIO]!, cosio = rec[b + COSIO]!;
  const aNear = rec[b + A_NEAR]!; // (xke / n₀)^(2/3): near-earth nm is the constant un-Kozai'd motion
  const { x: ox, y: oy, z: oz, vx: ovx, vy: ovy, vz: ovz, codes } = out;
  scratch[SCRATCH_ATIME] = 0.0; // resonance integration starts from epoch for every span

  for (let k = 0; k < count; k++) {
    const j = outFirst + k;
    const t = minutes[first + k]! + offsetMin;
    // Range guard (also rejects a NaN time).
    if (!(Math.abs(t) <= maxMin)) {
      zero(out, j, Sgp4Code.OUT_OF_RANGE);
      continue;
    }

    // ---- secular gravity and atmospheric drag ----
    const xmdf = mo + mdot * t;
    const argpdf = argpo + argpdot * t;
    const nodedf = nodeo + nodedot * t;
    let argpm = argpdf;
    let mm = xmdf;
    const t2 = t * t;
    let nodem = nodedf + nodecf * t2;
    let tempa = 1.0 - cc1 * t;
    let tempe = bstar * cc4 * t;
    let templ = t2cof * t2;
    if (isimp !== 1) {
      const delomg = omgcof * t;
      // sgp4fix use mutliply for speed instead of pow
      const delmtemp = 1.0 + eta * Math.cos(xmdf);
      const delm = xmcof * (delmtemp * delmtemp * delmtemp - delmo);
      const temp = delomg + delm;
      mm = xmdf + temp;
      argpm = argpdf - temp;
      const t3 = t2 * t;
      const t4 = t3 * t;
      tempa = tempa - d2 * t2 - d3 * t3 - d4 * t4;
      tempe = tempe + bstar * cc5 * (Math.sin(mm) - sinmao);
      templ = templ + t3cof * t3 + t4 * (t4cof + t * t5cof);
    }
    let nm = noUnkozai;
    let em = ecco;
    let inclm = inclo;
    if (deep) {
      dspace(rec, b, t, em, argpm, inclm, mm, nodem, nm, scratch);
      em = scratch[OUT_E]!;
      inclm = scratch[OUT_I]!;
      nodem = scratch[OUT_NODE]!;
      argpm = scratch[OUT_ARGP]!;
      mm = scratch[OUT_M]!;
      nm = scratch[OUT_N]!;
    }
    if (nm <= 0.0) {
      zero(out, j, Sgp4Code.MEAN_MOTION);
      continue;
    }
    // Near-earth: nm is the constant un-Kozai'd motion, so the 2/3 power is taken once per satellite.
    const am = (deep ? Math.pow(xke / nm, X2O3) : aNear) * tempa * tempa;
    nm = xke / (am * Math.sqrt(am)); // am^1.5 (the reference's pow differs by at most an ulp)
    em = em - tempe;
    // fix tolerance for error recognition; sgp4fix am is fixed from the previous nm check
    if (em >= 1.0 || em < -0.001 || !(am === am)) {
      zero(out, j, Sgp4Code.MEAN_ECCENTRICITY);
      continue;
    }
    // sgp4fix fix tolerance to avoid a divide by zero
    if (em < 1.0e-6) em = 1.0e-6;
    mm = mm + noUnkozai * templ;
    let xlm = mm + argpm + nodem;
    nodem = fmod2pi(nodem);
    argpm = fmod2pi(argpm);
    xlm = fmod2pi(xlm);
    mm = fmod2pi(xlm - argpm - nodem);

    // ---- lunar-solar periodics (near-earth: inclination stays inclo, so sin/cos are the epoch's) ----
    let ep = em;
    let xincp = inclm;
    let argpp = argpm;
    let nodep = nodem;
    let mp = mm;
    let sinip = sinio;
    let cosip = cosio;
    let aycof = aycof0;
    let xlcof = xlcof0;
    if (deep) {
      dpper(rec, b, t, ep, xincp, nodep, argpp, mp, scratch);
      ep = scratch[OUT_E]!;
      xincp = scratch[OUT_I]!;
      nodep = scratch[OUT_NODE]!;
      argpp = scratch[OUT_ARGP]!;
      mp = scratch[OUT_M]!;
      if (xincp < 0.0) {
        xincp = -xincp;
        nodep = nodep + Math.PI;
        argpp = argpp - Math.PI;
      }
      if (ep < 0.0 || ep > 1.0) {
        zero(out, j, Sgp4Code.PERTURBED_ECCENTRICITY);
        continue;
      }
      // Long-period periodics with the perturbed inclination.
      sinip = Math.sin(xincp);
      cosip = Math.cos(xincp);
      aycof = -0.5 * j3oj2 * sinip;
      // sgp4fix for divide by zero for xincp = 180 deg
      if (Math.abs(cosip + 1.0) > 1.5e-12) xlcof = (-0.25 * j3oj2 * sinip * (3.0 + 5.0 * cosip)) / (1.0 + cosip);
      else xlcof = (-0.25 * j3oj2 * sinip * (3.0 + 5.0 * cosip)) / TEMP4;
    }

    // ---- long-period periodics ----
    const axnl = ep * Math.cos(argpp);
    let temp = 1.0 / (am * (1.0 - ep * ep));
    const aynl = ep * Math.sin(argpp) + temp * aycof;
    const xl = mp + argpp + nodep + temp * xlcof * axnl;

    // ---- Kepler's equation ----
    const u = fmod2pi(xl - nodep);
    // Newton–Raphson as the reference (≤ 10 steps, |step| ≤ 0.95, stop below 1e-12; sineo1/coseo1 are those
    // of the last iterate before its final correction). sin/cos of each new iterate come from the previous one
    // by angle addition with the (small) step, instead of two more library calls per step.
    let eo1 = u;
    let tem5: number;
    let ktr = 1;
    let sineo1 = Math.sin(eo1);
    let coseo1 = Math.cos(eo1);
    for (;;) {
      tem5 = 1.0 - coseo1 * axnl - sineo1 * aynl;
      tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5;
      if (Math.abs(tem5) >= 0.95) tem5 = tem5 > 0.0 ? 0.95 : -0.95;
      eo1 = eo1 + tem5;
      ktr = ktr + 1;
      // sgp4fix for kepler iteration: the iteration needs better limits on corrections
      if (!(Math.abs(tem5) >= 1.0e-12 && ktr <= 10)) break;
      const sd = sinSmall(tem5);
      const cd = cosSmall(tem5);
      const s1 = sineo1 * cd + coseo1 * sd;
      coseo1 = coseo1 * cd - sineo1 * sd;
      sineo1 = s1;
    }

    // ---- short-period preliminary quantities ----
    const ecose = axnl * coseo1 + aynl * sineo1;
    const esine = axnl * sineo1 - aynl * coseo1;
    const el2 = axnl * axnl + aynl * aynl;
    const pl = am * (1.0 - el2);
    if (pl < 0.0 || !(pl === pl)) {
      zero(out, j, Sgp4Code.SEMI_LATUS_RECTUM);
      continue;
    }
    const rl = am * (1.0 - ecose);
    const rdotl = (Math.sqrt(am) * esine) / rl;
    const rvdotl = Math.sqrt(pl) / rl;
    const betal = Math.sqrt(1.0 - el2);
    temp = esine / (1.0 + betal);
    const sinu = (am / rl) * (sineo1 - aynl - axnl * temp);
    const cosu = (am / rl) * (coseo1 - axnl + aynl * temp);
    const sin2u = (cosu + cosu) * sinu;
    const cos2u = 1.0 - 2.0 * sinu * sinu;
    temp = 1.0 / pl;
    const temp1 = 0.5 * j2 * temp;
    const temp2 = temp1 * temp;

    // ---- update for short-period periodics ----
    let con41 = con410;
    let x1mth2 = x1mth20;
    let x7thm1 = x7thm10;
    if (deep) {
      const cosisq = cosip * cosip;
      con41 = 3.0 * cosisq - 1.0;
      x1mth2 = 1.0 - cosisq;
      x7thm1 = 7.0 * cosisq - 1.0;
    }
    const mrt = rl * (1.0 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
    // su = atan2(sinu, cosu) − δu, xinc = xincp + δi: their sin/cos by angle addition (δ are O(J2) small).
    const dsu = -0.25 * temp2 * x7thm1 * sin2u;
    const xnode = nodep + 1.5 * temp2 * cosip * sin2u;
    const dinc = 1.5 * temp2 * cosip * sinip * cos2u;
    const mvt = rdotl - (nm * temp1 * x1mth2 * sin2u) / xke;
    const rvdot = rvdotl + (nm * temp1 * (x1mth2 * cos2u + 1.5 * con41)) / xke;

    // ---- orientation vectors ----
    const unorm = 1.0 / Math.sqrt(sinu * sinu + cosu * cosu);
    const su0 = sinu * unorm;
    const cu0 = cosu * unorm;
    const sdu = sinSmall(dsu);
    const cdu = cosSmall(dsu);
    const sinsu = su0 * cdu + cu0 * sdu;
    const cossu = cu0 * cdu - su0 * sdu;
    const snod = Math.sin(xnode);
    const cnod = Math.cos(xnode);
    const sdi = sinSmall(dinc);
    const cdi = cosSmall(dinc);
    const sini = sinip * cdi + cosip * sdi;
    const cosi = cosip * cdi - sinip * sdi;
    const xmx = -snod * cosi;
    const xmy = cnod * cosi;
    const ux = xmx * sinsu + cnod * cossu;
    const uy = xmy * sinsu + snod * cossu;
    const uz = sini * sinsu;
    const vx = xmx * cossu - cnod * sinsu;
    const vy = xmy * cossu - snod * sinsu;
    const vz = sini * cossu;

    // ---- position (km) and velocity (km/s), TEME ----
    const px = mrt * ux * radiusKm;
    const py = mrt * uy * radiusKm;
    const pz = mrt * uz * radiusKm;
    const qx = (mvt * ux + rvdot * vx) * vkmpersec;
    const qy = (mvt * uy + rvdot * vy) * vkmpersec;
    const qz = (mvt * uz + rvdot * vz) * vkmpersec;
    // Never a silent NaN: a degenerate sample (e.g. a = 0 when the drag polynomial hits exactly zero) gets a code.
    const sum = px + py + pz + qx + qy + qz;
    if (sum - sum !== 0) {
      zero(out, j, tempa <= 0.0 ? Sgp4Code.DECAY_GUARD : Sgp4Code.NON_FINITE);
      continue;
    }
    ox[j] = px;
    oy[j] = py;
    oz[j] = pz;
    ovx[j] = qx;
    ovy[j] = qy;
    ovz[j] = qz;
    // sgp4fix for decaying satellites; then stationkeeper's drag guard on samples the reference calls valid.
    codes[j] = mrt < 1.0 ? Sgp4Code.DECAYED
      : (guardDrag && tempa <= 0.0) || (guardPerigee && am * (1.0 - em) < 1.0) ? Sgp4Code.DECAY_GUARD
        : Sgp4Code.OK;
  }
}
