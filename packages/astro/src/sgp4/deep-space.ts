/**
 * Deep-space (SDP4) terms evaluated at each sample: secular lunar-solar rates plus the 12 h / 24 h resonance
 * integration (`dspace`), and the lunar-solar long-period periodics with Lyddane's modification at low
 * inclination (`dpper`). After Vallado, Crawford, Hujsak & Kelso 2006, "Revisiting Spacetrack Report #3"
 * (AIAA 2006-6753), including its sgp4fixes (integrator restart for negative times, Lyddane choice on the
 * perturbed inclination, 'a' AFSPC vs 'i' improved node handling). Written against the paper's listing,
 * keeping the reference's order of operations; `fmod2pi` stands for C's `fmod(x, 2π)`.
 *
 * Both functions read the satellite's record and write their results into `out` (slots below), so nothing is
 * allocated per sample and the record itself is never written; `dspace` keeps its integrator state in `out`.
 */
import {
  AFSPC, ARGPDOT, ARGPO, D2201, D2211, D3210, D3222, D4410, D4422, D5220, D5232, D5421, D5433, DEDT, DEL1,
  DEL2, DEL3, DIDT, DMDT, DNODT, DOMDT, E3, EE2, GSTO, IREZ, NO_UNKOZAI, PEO, PGHO, PHO, PINCO, PLO, SE2, SE3,
  SGH2, SGH3, SGH4, SH2, SH3, SI2, SI3, SL2, SL3, SL4, XFACT, XGH2, XGH3, XGH4, XH2, XH3, XI2, XI3, XL2, XL3,
  XL4, XLAMO, ZMOL, ZMOS,
} from './layout.js';
import { fmod2pi } from './angles.js';
import { RPTIM } from './deep-space-init.js';

const TWO_PI = 2.0 * Math.PI;

/** Slots of the scratch array shared by `dspace` and `dpper`: eccentricity, inclination, node, perigee, anomaly, motion. */
export const OUT_E = 0;
export const OUT_I = 1;
export const OUT_NODE = 2;
export const OUT_ARGP = 3;
export const OUT_M = 4;
export const OUT_N = 5;
/**
 * Resonance integrator state carried between the samples of one span (atime, xli, xni), as the reference
 * carries it between calls. Set `SCRATCH_ATIME` to 0 to restart from epoch; continuing from a stored step gives
 * exactly the numbers a restart would (the same operations in the same order).
 */
export const SCRATCH_ATIME = 6;
export const SCRATCH_XLI = 7;
export const SCRATCH_XNI = 8;
export const DEEP_SCRATCH_LENGTH = 9;

/**
 * `dspace`: adds the deep-space secular rates to the mean elements and, for resonant orbits, integrates the
 * resonance (Euler–Maclaurin, 720-min steps from epoch). Inputs are the near-earth secular values at `t`
 * (minutes since epoch); results go to `out[OUT_E … OUT_N]`.
 */
export function dspace(rec: Float64Array, b: number, t: number, em: number, argpm: number, inclm: number,
  mm: number, nodem: number, nm: number, out: Float64Array): void {
  const fasx2 = 0.13130908;
  const fasx4 = 2.8843198;
  const fasx6 = 0.37448087;
  const g22 = 5.7686396;
  const g32 = 0.95240898;
  const g44 = 1.8014998;
  const g52 = 1.050833;
  const g54 = 4.4108898;
  const stepp = 720.0;
  const stepn = -720.0;
  const step2 = 259200.0;

  const theta = fmod2pi(rec[b + GSTO]! + t * RPTIM);
  em = em + rec[b + DEDT]! * t;
  inclm = inclm + rec[b + DIDT]! * t;
  argpm = argpm + rec[b + DOMDT]! * t;
  nodem = nodem + rec[b + DNODT]! * t;
  mm = mm + rec[b + DMDT]! * t;

  const irez = rec[b + IREZ]!;
  if (irez !== 0) {
    const no = rec[b + NO_UNKOZAI]!;
    const xfact = rec[b + XFACT]!;
    let atime = out[SCRATCH_ATIME]!;
    let xli = out[SCRATCH_XLI]!;
    let xni = out[SCRATCH_XNI]!;
    // Epoch restart (sgp4fix: also for a change of sign or a time before the stored step).
    if (atime === 0.0 || t * atime <= 0.0 || Math.abs(t) < Math.abs(atime)) {
      atime = 0.0;
      xni = no;
      xli = rec[b + XLAMO]!;
    }
    const delt = t > 0.0 ? stepp : stepn;
    let ft: number;
    let xndt: number;
    let xldot: number;
    let xnddt: number;
    const del1 = rec[b + DEL1]!, del2 = rec[b + DEL2]!, del3 = rec[b + DEL3]!;
    const d2201 = rec[b + D2201]!, d2211 = rec[b + D2211]!, d3210 = rec[b + D3210]!, d3222 = rec[b + D3222]!;
    const d4410 = rec[b + D4410]!, d4422 = rec[b + D4422]!, d5220 = rec[b + D5220]!, d5232 = rec[b + D5232]!;
    const d5421 = rec[b + D5421]!, d5433 = rec[b + D5433]!;
    const argpo = rec[b + ARGPO]!, argpdot = rec[b + ARGPDOT]!;
    for (;;) {
      // Dot terms.
      if (irez !== 2) {
        xndt = del1 * Math.sin(xli - fasx2) + del2 * Math.sin(2.0 * (xli - fasx4)) +
          del3 * Math.sin(3.0 * (xli - fasx6));
        xldot = xni + xfact;
        xnddt = del1 * Math.cos(xli - fasx2) + 2.0 * del2 * Math.cos(2.0 * (xli - fasx4)) +
          3.0 * del3 * Math.cos(3.0 * (xli - fasx6));
        xnddt = xnddt * xldot;
      } else {
        const xomi = argpo + argpdot * atime;
        const x2omi = xomi + xomi;
        const x2li = xli + xli;
        xndt = d2201 * Math.sin(x2omi + xli - g22) + d2211 * Math.sin(xli - g22) +
          d3210 * Math.sin(xomi + xli - g32) + d3222 * Math.sin(-xomi + xli - g32) +
          d4410 * Math.sin(x2omi + x2li - g44) + d4422 * Math.sin(x2li - g44) +
          d5220 * Math.sin(xomi + xli - g52) + d5232 * Math.sin(-xomi + xli - g52) +
          d5421 * Math.sin(xomi + x2li - g54) + d5433 * Math.sin(-xomi + x2li - g54);
        xldot = xni + xfact;
        xnddt = d2201 * Math.cos(x2omi + xli - g22) + d2211 * Math.cos(xli - g22) +
          d3210 * Math.cos(xomi + xli - g32) + d3222 * Math.cos(-xomi + xli - g32) +
          d5220 * Math.cos(xomi + xli - g52) + d5232 * Math.cos(-xomi + xli - g52) +
          2.0 * (d4410 * Math.cos(x2omi + x2li - g44) + d4422 * Math.cos(x2li - g44) +
            d5421 * Math.cos(xomi + x2li - g54) + d5433 * Math.cos(-xomi + x2li - g54));
        xnddt = xnddt * xldot;
      }
      // Integrator.
      if (Math.abs(t - atime) >= stepp) {
        xli = xli + xldot * delt + xndt * step2;
        xni = xni + xndt * delt + xnddt * step2;
        atime = atime + delt;
      } else {
        ft = t - atime;
        break;
      }
    }
    out[SCRATCH_ATIME] = atime;
    out[SCRATCH_XLI] = xli;
    out[SCRATCH_XNI] = xni;
    nm = xni + xndt * ft + xnddt * ft * ft * 0.5;
    const xl = xli + xldot * ft + xndt * ft * ft * 0.5;
    if (irez !== 1) mm = xl - 2.0 * nodem + 2.0 * theta;
    else mm = xl - nodem - argpm + theta;
    const dndt = nm - no;
    nm = no + dndt;
  }
  out[OUT_E] = em;
  out[OUT_I] = inclm;
  out[OUT_NODE] = nodem;
  out[OUT_ARGP] = argpm;
  out[OUT_M] = mm;
  out[OUT_N] = nm;
}

/**
 * `dpper` (propagation form, init = 'n'): lunar-solar long-period periodics added to the osculating-to-be
 * elements at `t`; Lyddane's modification below 0.2 rad perturbed inclination. Results to `out[OUT_E … OUT_M]`.
 */
export function dpper(rec: Float64Array, b: number, t: number, ep: number, inclp: number, nodep: number,
  argpp: number, mp: number, out: Float64Array): void {
  const zns = 1.19459e-5;
  const zes = 0.01675;
  const znl = 1.5835218e-4;
  const zel = 0.0549;

  // Solar terms.
  let zm = rec[b + ZMOS]! + zns * t;
  let zf = zm + 2.0 * zes * Math.sin(zm);
  let sinzf = Math.sin(zf);
  let f2 = 0.5 * sinzf * sinzf - 0.25;
  let f3 = -0.5 * sinzf * Math.cos(zf);
  const ses = rec[b + SE2]! * f2 + rec[b + SE3]! * f3;
  const sis = rec[b + SI2]! * f2 + rec[b + SI3]! * f3;
  const sls = rec[b + SL2]! * f2 + rec[b + SL3]! * f3 + rec[b + SL4]! * sinzf;
  const sghs = rec[b + SGH2]! * f2 + rec[b + SGH3]! * f3 + rec[b + SGH4]! * sinzf;
  const shs = rec[b + SH2]! * f2 + rec[b + SH3]! * f3;

  // Lunar terms.
  zm = rec[b + ZMOL]! + znl * t;
  zf = zm + 2.0 * zel * Math.sin(zm);
  sinzf = Math.sin(zf);
  f2 = 0.5 * sinzf * sinzf - 0.25;
  f3 = -0.5 * sinzf * Math.cos(zf);
  const sel = rec[b + EE2]! * f2 + rec[b + E3]! * f3;
  const sil = rec[b + XI2]! * f2 + rec[b + XI3]! * f3;
  const sll = rec[b + XL2]! * f2 + rec[b + XL3]! * f3 + rec[b + XL4]! * sinzf;
  const sghl = rec[b + XGH2]! * f2 + rec[b + XGH3]! * f3 + rec[b + XGH4]! * sinzf;
  const shll = rec[b + XH2]! * f2 + rec[b + XH3]! * f3;

  const pe = ses + sel - rec[b + PEO]!;
  const pinc = sis + sil - rec[b + PINCO]!;
  const pl = sls + sll - rec[b + PLO]!;
  let pgh = sghs + sghl - rec[b + PGHO]!;
  let ph = shs + shll - rec[b + PHO]!;

  inclp = inclp + pinc;
  ep = ep + pe;
  const sinip = Math.sin(inclp);
  const cosip = Math.cos(inclp);

  // Apply periodics directly (sgp4fix: Lyddane choice on the perturbed inclination, 0.2 rad = 11.46 deg).
  if (inclp >= 0.2) {
    ph = ph / sinip;
    pgh = pgh - cosip * ph;
    argpp = argpp + pgh;
    nodep = nodep + ph;
    mp = mp + pl;
  } else {
    // Lyddane modification.
    const afspc = rec[b + AFSPC] === 1;
    const sinop = Math.sin(nodep);
    const cosop = Math.cos(nodep);
    let alfdp = sinip * sinop;
    let betdp = sinip * cosop;
    const dalf = ph * cosop + pinc * cosip * sinop;
    const dbet = -ph * sinop + pinc * cosip * cosop;
    alfdp = alfdp + dalf;
    betdp = betdp + dbet;
    nodep = fmod2pi(nodep);
    // sgp4fix for afspc written intrinsic functions
    if (nodep < 0.0 && afspc) nodep = nodep + TWO_PI;
    const xls = mp + argpp + pl + pgh + (cosip - pinc * sinip) * nodep;
    const xnoh = nodep;
    nodep = Math.atan2(alfdp, betdp);
    if (nodep < 0.0 && afspc) nodep = nodep + TWO_PI;
    if (Math.abs(xnoh - nodep) > Math.PI) {
      if (nodep < xnoh) nodep = nodep + TWO_PI;
      else nodep = nodep - TWO_PI;
    }
    mp = mp + pl;
    argpp = xls - mp - cosip * nodep;
  }
  out[OUT_E] = ep;
  out[OUT_I] = inclp;
  out[OUT_NODE] = nodep;
  out[OUT_ARGP] = argpp;
  out[OUT_M] = mp;
}
