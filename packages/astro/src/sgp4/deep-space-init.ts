/**
 * Deep-space (SDP4) initialisation: the lunar-solar common terms (`dscom`) and the secular and resonance
 * coefficients (`dsinit`), after Vallado, Crawford, Hujsak & Kelso 2006, "Revisiting Spacetrack Report #3"
 * (AIAA 2006-6753), which reorganised Hoots & Roehrich, Spacetrack Report #3 (1980) and Hoots, Spacetrack
 * Report #6 (1986). Written independently against the paper's listing; arithmetic follows the reference's
 * order of operations so results agree to the last printed digit. `%` is C's `fmod` (sign of the dividend),
 * as in the reference C++.
 */
import {
  D2201, D2211, D3210, D3222, D4410, D4422, D5220, D5232, D5421, D5433, DEDT, DEL1, DEL2, DEL3, DIDT, DMDT,
  DNODT, DOMDT, E3, EE2, IREZ, PEO, PGHO, PHO, PINCO, PLO, SE2, SE3, SGH2, SGH3, SGH4, SH2, SH3, SI2, SI3, SL2,
  SL3, SL4, XFACT, XGH2, XGH3, XGH4, XH2, XH3, XI2, XI3, XL2, XL3, XL4, XLAMO, ZMOL, ZMOS,
} from './layout.js';

const TWO_PI = 2.0 * Math.PI;
const ZES = 0.01675;
const ZEL = 0.0549;
const ZNS = 1.19459e-5;
const ZNL = 1.5835218e-4;
/** Earth rotation rate, rad/min (7.29211514668855e-5 rad/s). */
export const RPTIM = 4.3752690880113e-3; // 4.37526908801129966e-3 in the reference; same double

/** The lunar-solar terms `dsinit` needs besides those stored in the record. */
export interface DscomTerms {
  sinim: number; cosim: number; emsq: number;
  s1: number; s2: number; s3: number; s4: number; s5: number;
  ss1: number; ss2: number; ss3: number; ss4: number; ss5: number;
  sz1: number; sz3: number; sz11: number; sz13: number; sz21: number; sz23: number; sz31: number; sz33: number;
  z1: number; z3: number; z11: number; z13: number; z21: number; z23: number; z31: number; z33: number;
}

/**
 * `dscom`: lunar and solar perturbation coefficients at epoch. Stores the periodic coefficients
 * (e3 … xl4, zmol, zmos; peo … plo are zero) in `rec` and returns the terms `dsinit` needs.
 * @param epoch days since 1950 Jan 0.0 UTC
 */
export function dscom(rec: Float64Array, b: number, epoch: number, ep: number, argpp: number, tc: number,
  inclp: number, nodep: number, np: number): DscomTerms {
  const c1ss = 2.9864797e-6;
  const c1l = 4.7968065e-7;
  const zsinis = 0.39785416;
  const zcosis = 0.91744867;
  const zcosgs = 0.1945905;
  const zsings = -0.98088458;

  const nm = np;
  const em = ep;
  const snodm = Math.sin(nodep);
  const cnodm = Math.cos(nodep);
  const sinomm = Math.sin(argpp);
  const cosomm = Math.cos(argpp);
  const sinim = Math.sin(inclp);
  const cosim = Math.cos(inclp);
  const emsq = em * em;
  const betasq = 1.0 - emsq;
  const rtemsq = Math.sqrt(betasq);

  // Initialise lunar-solar terms.
  rec[b + PEO] = 0.0;
  rec[b + PINCO] = 0.0;
  rec[b + PLO] = 0.0;
  rec[b + PGHO] = 0.0;
  rec[b + PHO] = 0.0;
  const day = epoch + 18261.5 + tc / 1440.0;
  const xnodce = (4.523602 - 9.2422029e-4 * day) % TWO_PI;
  const stem = Math.sin(xnodce);
  const ctem = Math.cos(xnodce);
  const zcosil = 0.91375164 - 0.03568096 * ctem;
  const zsinil = Math.sqrt(1.0 - zcosil * zcosil);
  const zsinhl = (0.089683511 * stem) / zsinil;
  const zcoshl = Math.sqrt(1.0 - zsinhl * zsinhl);
  const gam = 5.8351514 + 0.001944368 * day;
  let zx = (0.39785416 * stem) / zsinil;
  const zy = zcoshl * ctem + 0.91744867 * zsinhl * stem;
  zx = Math.atan2(zx, zy);
  zx = gam + zx - xnodce;
  const zcosgl = Math.cos(zx);
  const zsingl = Math.sin(zx);

  // Solar terms first (lsflg 1), then lunar (lsflg 2).
  let zcosg = zcosgs;
  let zsing = zsings;
  let zcosi = zcosis;
  let zsini = zsinis;
  let zcosh = cnodm;
  let zsinh = snodm;
  let cc = c1ss;
  const xnoi = 1.0 / nm;

  let s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
  let z1 = 0, z2 = 0, z3 = 0, z11 = 0, z12 = 0, z13 = 0, z21 = 0, z22 = 0, z23 = 0, z31 = 0, z32 = 0, z33 = 0;
  let ss1 = 0, ss2 = 0, ss3 = 0, ss4 = 0, ss5 = 0, ss6 = 0, ss7 = 0;
  let sz1 = 0, sz2 = 0, sz3 = 0, sz11 = 0, sz12 = 0, sz13 = 0, sz21 = 0, sz22 = 0, sz23 = 0;
  let sz31 = 0, sz32 = 0, sz33 = 0;
  for (let lsflg = 1; lsflg <= 2; lsflg++) {
    const a1 = zcosg * zcosh + zsing * zcosi * zsinh;
    const a3 = -zsing * zcosh + zcosg * zcosi * zsinh;
    const a7 = -zcosg * zsinh + zsing * zcosi * zcosh;
    const a8 = zsing * zsini;
    const a9 = zsing * zsinh + zcosg * zcosi * zcosh;
    const a10 = zcosg * zsini;
    const a2 = cosim * a7 + sinim * a8;
    const a4 = cosim * a9 + sinim * a10;
    const a5 = -sinim * a7 + cosim * a8;
    const a6 = -sinim * a9 + cosim * a10;

    const x1 = a1 * cosomm + a2 * sinomm;
    const x2 = a3 * cosomm + a4 * sinomm;
    const x3 = -a1 * sinomm + a2 * cosomm;
    const x4 = -a3 * sinomm + a4 * cosomm;
    const x5 = a5 * sinomm;
    const x6 = a6 * sinomm;
    const x7 = a5 * cosomm;
    const x8 = a6 * cosomm;

    z31 = 12.0 * x1 * x1 - 3.0 * x3 * x3;
    z32 = 24.0 * x1 * x2 - 6.0 * x3 * x4;
    z33 = 12.0 * x2 * x2 - 3.0 * x4 * x4;
    z1 = 3.0 * (a1 * a1 + a2 * a2) + z31 * emsq;
    z2 = 6.0 * (a1 * a3 + a2 * a4) + z32 * emsq;
    z3 = 3.0 * (a3 * a3 + a4 * a4) + z33 * emsq;
    z11 = -6.0 * a1 * a5 + emsq * (-24.0 * x1 * x7 - 6.0 * x3 * x5);
    z12 = -6.0 * (a1 * a6 + a3 * a5) + emsq * (-24.0 * (x2 * x7 + x1 * x8) - 6.0 * (x3 * x6 + x4 * x5));
    z13 = -6.0 * a3 * a6 + emsq * (-24.0 * x2 * x8 - 6.0 * x4 * x6);
    z21 = 6.0 * a2 * a5 + emsq * (24.0 * x1 * x5 - 6.0 * x3 * x7);
    z22 = 6.0 * (a4 * a5 + a2 * a6) + emsq * (24.0 * (x2 * x5 + x1 * x6) - 6.0 * (x4 * x7 + x3 * x8));
    z23 = 6.0 * a4 * a6 + emsq * (24.0 * x2 * x6 - 6.0 * x4 * x8);
    z1 = z1 + z1 + betasq * z31;
    z2 = z2 + z2 + betasq * z32;
    z3 = z3 + z3 + betasq * z33;
    s3 = cc * xnoi;
    s2 = (-0.5 * s3) / rtemsq;
    s4 = s3 * rtemsq;
    s1 = -15.0 * em * s4;
    s5 = x1 * x3 + x2 * x4;
    s6 = x2 * x3 + x1 * x4;
    s7 = x2 * x4 - x1 * x3;

    if (lsflg === 1) {
      ss1 = s1; ss2 = s2; ss3 = s3; ss4 = s4; ss5 = s5; ss6 = s6; ss7 = s7;
      sz1 = z1; sz2 = z2; sz3 = z3;
      sz11 = z11; sz12 = z12; sz13 = z13;
      sz21 = z21; sz22 = z22; sz23 = z23;
      sz31 = z31; sz32 = z32; sz33 = z33;
      zcosg = zcosgl;
      zsing = zsingl;
      zcosi = zcosil;
      zsini = zsinil;
      zcosh = zcoshl * cnodm + zsinhl * snodm;
      zsinh = snodm * zcoshl - cnodm * zsinhl;
      cc = c1l;
    }
  }

  rec[b + ZMOL] = (4.7199672 + 0.2299715 * day - gam) % TWO_PI;
  rec[b + ZMOS] = (6.2565837 + 0.017201977 * day) % TWO_PI;

  // Solar periodic coefficients.
  rec[b + SE2] = 2.0 * ss1 * ss6;
  rec[b + SE3] = 2.0 * ss1 * ss7;
  rec[b + SI2] = 2.0 * ss2 * sz12;
  rec[b + SI3] = 2.0 * ss2 * (sz13 - sz11);
  rec[b + SL2] = -2.0 * ss3 * sz2;
  rec[b + SL3] = -2.0 * ss3 * (sz3 - sz1);
  rec[b + SL4] = -2.0 * ss3 * (-21.0 - 9.0 * emsq) * ZES;
  rec[b + SGH2] = 2.0 * ss4 * sz32;
  rec[b + SGH3] = 2.0 * ss4 * (sz33 - sz31);
  rec[b + SGH4] = -18.0 * ss4 * ZES;
  rec[b + SH2] = -2.0 * ss2 * sz22;
  rec[b + SH3] = -2.0 * ss2 * (sz23 - sz21);

  // Lunar periodic coefficients.
  rec[b + EE2] = 2.0 * s1 * s6;
  rec[b + E3] = 2.0 * s1 * s7;
  rec[b + XI2] = 2.0 * s2 * z12;
  rec[b + XI3] = 2.0 * s2 * (z13 - z11);
  rec[b + XL2] = -2.0 * s3 * z2;
  rec[b + XL3] = -2.0 * s3 * (z3 - z1);
  rec[b + XL4] = -2.0 * s3 * (-21.0 - 9.0 * emsq) * ZEL;
  rec[b + XGH2] = 2.0 * s4 * z32;
  rec[b + XGH3] = 2.0 * s4 * (z33 - z31);
  rec[b + XGH4] = -18.0 * s4 * ZEL;
  rec[b + XH2] = -2.0 * s2 * z22;
  rec[b + XH3] = -2.0 * s2 * (z23 - z21);

  return {
    sinim, cosim, emsq, s1, s2, s3, s4, s5, ss1, ss2, ss3, ss4, ss5,
    sz1, sz3, sz11, sz13, sz21, sz23, sz31, sz33, z1, z3, z11, z13, z21, z23, z31, z33,
  };
}

/** Inputs of `dsinit` taken from the near-earth initialisation. */
export interface DsinitInputs {
  xke: number; argpo: number; t: number; tc: number; gsto: number; mo: number; mdot: number; no: number;
  nodeo: number; nodedot: number; xpidot: number; ecco: number; eccsq: number; inclm: number; nm: number;
}

/**
 * `dsinit`: deep-space secular rates (dedt … dnodt) and, for 12-hour (irez 2) and 24-hour (irez 1)
 * resonant orbits, the resonance coefficients and the integrator's epoch values. Stores them in `rec`.
 */
export function dsinit(rec: Float64Array, b: number, d: DscomTerms, p: DsinitInputs): void {
  const q22 = 1.7891679e-6;
  const q31 = 2.1460748e-6;
  const q33 = 2.2123015e-7;
  const root22 = 1.7891679e-6;
  const root44 = 7.3636953e-9;
  const root54 = 2.1765803e-9;
  const root32 = 3.7393792e-7;
  const root52 = 1.1428639e-7;
  const x2o3 = 2.0 / 3.0;
  const { sinim, cosim } = d;
  let emsq = d.emsq;
  const nm = p.nm;
  let em = p.ecco;
  const inclm = p.inclm;

  // Resonance flags: 24 h synchronous (1), 12 h half-day with e ≥ 0.5 (2).
  let irez = 0;
  if (nm < 0.0052359877 && nm > 0.0034906585) irez = 1;
  if (nm >= 8.26e-3 && nm <= 9.24e-3 && em >= 0.5) irez = 2;
  rec[b + IREZ] = irez;

  // Solar terms.
  const ses = d.ss1 * ZNS * d.ss5;
  const sis = d.ss2 * ZNS * (d.sz11 + d.sz13);
  const sls = -ZNS * d.ss3 * (d.sz1 + d.sz3 - 14.0 - 6.0 * emsq);
  const sghs = d.ss4 * ZNS * (d.sz31 + d.sz33 - 6.0);
  let shs = -ZNS * d.ss2 * (d.sz21 + d.sz23);
  // sgp4fix for 180 deg incl
  if (inclm < 5.2359877e-2 || inclm > Math.PI - 5.2359877e-2) shs = 0.0;
  if (sinim !== 0.0) shs = shs / sinim;
  const sgs = sghs - cosim * shs;

  // Lunar terms.
  const dedt = ses + d.s1 * ZNL * d.s5;
  const didt = sis + d.s2 * ZNL * (d.z11 + d.z13);
  const dmdt = sls - ZNL * d.s3 * (d.z1 + d.z3 - 14.0 - 6.0 * emsq);
  const sghl = d.s4 * ZNL * (d.z31 + d.z33 - 6.0);
  let shll = -ZNL * d.s2 * (d.z21 + d.z23);
  if (inclm < 5.2359877e-2 || inclm > Math.PI - 5.2359877e-2) shll = 0.0;
  let domdt = sgs + sghl;
  let dnodt = shs;
  if (sinim !== 0.0) {
    domdt = domdt - (cosim / sinim) * shll;
    dnodt = dnodt + shll / sinim;
  }
  rec[b + DEDT] = dedt;
  rec[b + DIDT] = didt;
  rec[b + DMDT] = dmdt;
  rec[b + DOMDT] = domdt;
  rec[b + DNODT] = dnodt;

  // Deep-space resonance effects. (The reference also advances em … mm by the rates · t here, with t = 0 at
  // initialisation; those values are not kept.)
  const theta = (p.gsto + p.tc * RPTIM) % TWO_PI;
  if (irez === 0) return;
  const aonv = Math.pow(nm / p.xke, x2o3);
  let xlamo: number;
  let xfact: number;

  if (irez === 2) {
    // Geopotential resonance for 12-hour orbits.
    const cosisq = cosim * cosim;
    em = p.ecco;
    emsq = p.eccsq;
    const eoc = em * emsq;
    const g201 = -0.306 - (em - 0.64) * 0.44;
    let g211: number, g310: number, g322: number, g410: number, g422: number, g520: number;
    if (em <= 0.65) {
      g211 = 3.616 - 13.247 * em + 16.29 * emsq;
      g310 = -19.302 + 117.39 * em - 228.419 * emsq + 156.591 * eoc;
      g322 = -18.9068 + 109.7927 * em - 214.6334 * emsq + 146.5816 * eoc;
      g410 = -41.122 + 242.694 * em - 471.094 * emsq + 313.953 * eoc;
      g422 = -146.407 + 841.88 * em - 1629.014 * emsq + 1083.435 * eoc;
      g520 = -532.114 + 3017.977 * em - 5740.032 * emsq + 3708.276 * eoc;
    } else {
      g211 = -72.099 + 331.819 * em - 508.738 * emsq + 266.724 * eoc;
      g310 = -346.844 + 1582.851 * em - 2415.925 * emsq + 1246.113 * eoc;
      g322 = -342.585 + 1554.908 * em - 2366.899 * emsq + 1215.972 * eoc;
      g410 = -1052.797 + 4758.686 * em - 7193.992 * emsq + 3651.957 * eoc;
      g422 = -3581.69 + 16178.11 * em - 24462.77 * emsq + 12422.52 * eoc;
      if (em > 0.715) g520 = -5149.66 + 29936.92 * em - 54087.36 * emsq + 31324.56 * eoc;
      else g520 = 1464.74 - 4664.75 * em + 3763.64 * emsq;
    }
    let g533: number, g521: number, g532: number;
    if (em < 0.7) {
      g533 = -919.2277 + 4988.61 * em - 9064.77 * emsq + 5542.21 * eoc;
      g521 = -822.71072 + 4568.6173 * em - 8491.4146 * emsq + 5337.524 * eoc;
      g532 = -853.666 + 4690.25 * em - 8624.77 * emsq + 5341.4 * eoc;
    } else {
      g533 = -37995.78 + 161616.52 * em - 229838.2 * emsq + 109377.94 * eoc;
      g521 = -51752.104 + 218913.95 * em - 309468.16 * emsq + 146349.42 * eoc;
      g532 = -40023.88 + 170470.89 * em - 242699.48 * emsq + 115605.82 * eoc;
    }
    const sini2 = sinim * sinim;
    const f220 = 0.75 * (1.0 + 2.0 * cosim + cosisq);
    const f221 = 1.5 * sini2;
    const f321 = 1.875 * sinim * (1.0 - 2.0 * cosim - 3.0 * cosisq);
    const f322 = -1.875 * sinim * (1.0 + 2.0 * cosim - 3.0 * cosisq);
    const f441 = 35.0 * sini2 * f220;
    const f442 = 39.375 * sini2 * sini2;
    const f522 = 9.84375 * sinim * (sini2 * (1.0 - 2.0 * cosim - 5.0 * cosisq) +
      0.33333333 * (-2.0 + 4.0 * cosim + 6.0 * cosisq));
    const f523 = sinim * (4.92187512 * sini2 * (-2.0 - 4.0 * cosim + 10.0 * cosisq) +
      6.56250012 * (1.0 + 2.0 * cosim - 3.0 * cosisq));
    const f542 = 29.53125 * sinim * (2.0 - 8.0 * cosim + cosisq * (-12.0 + 8.0 * cosim + 10.0 * cosisq));
    const f543 = 29.53125 * sinim * (-2.0 - 8.0 * cosim + cosisq * (12.0 + 8.0 * cosim - 10.0 * cosisq));
    const xno2 = nm * nm;
    const ainv2 = aonv * aonv;
    let temp1 = 3.0 * xno2 * ainv2;
    let temp = temp1 * root22;
    rec[b + D2201] = temp * f220 * g201;
    rec[b + D2211] = temp * f221 * g211;
    temp1 = temp1 * aonv;
    temp = temp1 * root32;
    rec[b + D3210] = temp * f321 * g310;
    rec[b + D3222] = temp * f322 * g322;
    temp1 = temp1 * aonv;
    temp = 2.0 * temp1 * root44;
    rec[b + D4410] = temp * f441 * g410;
    rec[b + D4422] = temp * f442 * g422;
    temp1 = temp1 * aonv;
    temp = temp1 * root52;
    rec[b + D5220] = temp * f522 * g520;
    rec[b + D5232] = temp * f523 * g532;
    temp = 2.0 * temp1 * root54;
    rec[b + D5421] = temp * f542 * g521;
    rec[b + D5433] = temp * f543 * g533;
    xlamo = (p.mo + p.nodeo + p.nodeo - theta - theta) % TWO_PI;
    xfact = p.mdot + dmdt + 2.0 * (p.nodedot + dnodt - RPTIM) - p.no;
  } else {
    // Synchronous resonance terms (irez 1).
    const g200 = 1.0 + emsq * (-2.5 + 0.8125 * emsq);
    const g310 = 1.0 + 2.0 * emsq;
    const g300 = 1.0 + emsq * (-6.0 + 6.60937 * emsq);
    const f220 = 0.75 * (1.0 + cosim) * (1.0 + cosim);
    const f311 = 0.9375 * sinim * sinim * (1.0 + 3.0 * cosim) - 0.75 * (1.0 + cosim);
    let f330 = 1.0 + cosim;
    f330 = 1.875 * f330 * f330 * f330;
    let del1 = 3.0 * nm * nm * aonv * aonv;
    rec[b + DEL2] = 2.0 * del1 * f220 * g200 * q22;
    rec[b + DEL3] = 3.0 * del1 * f330 * g300 * q33 * aonv;
    del1 = del1 * f311 * g310 * q31 * aonv;
    rec[b + DEL1] = del1;
    xlamo = (p.mo + p.nodeo + p.argpo - theta) % TWO_PI;
    xfact = p.mdot + p.xpidot - RPTIM + dmdt + domdt + dnodt - p.no;
  }
  rec[b + XLAMO] = xlamo;
  rec[b + XFACT] = xfact;
}
