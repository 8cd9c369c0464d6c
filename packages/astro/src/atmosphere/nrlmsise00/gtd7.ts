/**
 * NRLMSISE-00 neutral atmosphere: GTS7 (thermosphere, above 72.5 km), GTD7 (whole atmosphere, with the
 * mesosphere/stratosphere/troposphere spline profiles below 72.5 km) and GTD7D (GTD7 with the total mass
 * density including anomalous oxygen — "effective" density for drag).
 *
 * Picone, J. M., Hedin, A. E., Drob, D. P. & Aikin, A. C. (2002), "NRLMSISE-00 empirical model of the
 * atmosphere: Statistical comparisons and scientific issues", JGR 107(A12), 1468, doi:10.1029/2002JA009430.
 * Algorithm after the NRL FORTRAN release (Picone, Hedin & Drob 2001) and Dominik Brodowski's C port
 * (release 20041227); this is an independent TypeScript implementation, pure and re-entrant.
 *
 * Units as in the reference code with switch 0 off: number densities cm⁻³, mass density g cm⁻³,
 * temperatures K. Switch 0 (metric output) is not supported; use the unit-named fields instead.
 */
import { PD } from './data-density.js';
import { PMA, PTL } from './data-lower.js';
import { PAVGM, PDL, PDM, PS, PT, PTM } from './data-temperature.js';
import { globe7, glob7s, type MsisInput } from './globe.js';
import { ccor, ccor2, densm, densu, dnet, newScratch, scalh, type SplineScratch, type TzOut } from './profiles.js';
import { newState, setGravity, type MsisState, type MsisSwitches } from './state.js';

/** Output of one evaluation (the reference `d[0..8]`, `t[0..1]`). */
export interface MsisOutput {
  readonly heCm3: number;
  readonly oCm3: number;
  readonly n2Cm3: number;
  readonly o2Cm3: number;
  readonly arCm3: number;
  /** Total mass density, g cm⁻³: GTD7 excludes anomalous O, GTD7D includes it. */
  readonly totalMassGCm3: number;
  readonly hCm3: number;
  readonly nCm3: number;
  readonly anomalousOCm3: number;
  /** Exospheric temperature, K. */
  readonly exosphericTemperatureK: number;
  /** Neutral temperature at altitude, K. */
  readonly temperatureK: number;
}

/** Default switches: everything on, daily Ap (switch 9 = 1). Switch 0 is ignored (CGS output always). */
export const MSIS_DEFAULT_SWITCHES: MsisSwitches = Object.freeze(new Array<number>(24).fill(1));
/** Switches selecting the 7-element ap history (switch 9 = −1). */
export const MSIS_AP_ARRAY_SWITCHES: MsisSwitches = Object.freeze(new Array<number>(24).fill(1).map((v, i) => (i === 9 ? -1 : v)));

const ALPHA = [-0.38, 0, 0, 0, 0.17, 0, -0.38, 0, 0] as const;
const ALTL = [200, 300, 160, 250, 240, 450, 320, 450] as const;
const ZN2 = [72.5, 55, 45, 32.5] as const;
const ZN3 = [32.5, 20, 15, 10, 0] as const;
const ZMIX = 62.5;
const AMU_G = 1.66e-24;

const row = (table: readonly (readonly number[])[], i: number): readonly number[] => table[i]!;
const at = (a: readonly number[], i: number): number => a[i]!;

interface Gts7Out {
  readonly d: Float64Array;
  tinf: number;
  tz: number;
}

/** GTS7: thermospheric part, valid above 72.5 km. */
function gts7(st: MsisState, sc: SplineScratch, input: MsisInput): Gts7Out {
  const sw = st.sw;
  const pdl0 = row(PDL, 0);
  const pdl1 = row(PDL, 1);
  const pdm = (i: number, j: number): number => row(PDM, i)[j]!;
  const za = at(pdl1, 15);
  const zn1 = [za, 110, 100, 90, 72.5];
  const d = new Float64Array(9);
  const alt = input.altitudeKm;
  const tzOut: TzOut = { tz: 0 };

  const tinf = alt > zn1[0]! ? at(PTM, 0) * at(PT, 0) * (1 + sw[16]! * globe7(st, PT, input)) : at(PTM, 0) * at(PT, 0);
  const g0 = alt > zn1[4]! ? at(PTM, 3) * at(PS, 0) * (1 + sw[19]! * globe7(st, PS, input)) : at(PTM, 3) * at(PS, 0);
  const pd = (i: number): readonly number[] => row(PD, i);
  const tlb = at(PTM, 1) * (1 + sw[17]! * globe7(st, pd(3), input)) * at(pd(3), 0);
  const s = g0 / (tinf - tlb);

  const ptl = (i: number): readonly number[] => row(PTL, i);
  const pma8 = row(PMA, 8);
  if (alt < 300) {
    st.tn1[1] = (at(PTM, 6) * at(ptl(0), 0)) / (1 - sw[18]! * glob7s(st, ptl(0), input));
    st.tn1[2] = (at(PTM, 2) * at(ptl(1), 0)) / (1 - sw[18]! * glob7s(st, ptl(1), input));
    st.tn1[3] = (at(PTM, 7) * at(ptl(2), 0)) / (1 - sw[18]! * glob7s(st, ptl(2), input));
    st.tn1[4] = (at(PTM, 4) * at(ptl(3), 0)) / (1 - sw[18]! * sw[20]! * glob7s(st, ptl(3), input));
    st.tgn1[1] = (at(PTM, 8) * at(pma8, 0) * (1 + sw[18]! * sw[20]! * glob7s(st, pma8, input)) * st.tn1[4] * st.tn1[4]) /
      Math.pow(at(PTM, 4) * at(ptl(3), 0), 2);
  } else {
    st.tn1[1] = at(PTM, 6) * at(ptl(0), 0);
    st.tn1[2] = at(PTM, 2) * at(ptl(1), 0);
    st.tn1[3] = at(PTM, 7) * at(ptl(2), 0);
    st.tn1[4] = at(PTM, 4) * at(ptl(3), 0);
    st.tgn1[1] = (at(PTM, 8) * at(pma8, 0) * st.tn1[4] * st.tn1[4]) / Math.pow(at(PTM, 4) * at(ptl(3), 0), 2);
  }

  const zlb = at(PTM, 5);
  const du = (z: number, dlb: number, xm: number, alpha: number, tin = tinf, tl = tlb): number =>
    densu(st, sc, z, dlb, tin, tl, xm, alpha, tzOut, zlb, s, zn1);

  const g28 = sw[21]! * globe7(st, pd(2), input);
  const zhf = at(pdl1, 24) * (1 + sw[5]! * at(pdl0, 24) * Math.sin(1.74533e-2 * input.latitudeDeg) *
    Math.cos(1.72142e-2 * (input.doy - at(PT, 13))));
  const xmm = pdm(2, 4);
  const z = alt;

  // N2
  const db28 = pdm(2, 0) * Math.exp(g28) * at(pd(2), 0);
  d[2] = du(z, db28, 28, ALPHA[2]);
  const zh28 = pdm(2, 2) * zhf;
  const zhm28 = pdm(2, 3) * at(pdl1, 5);
  const b28 = du(zh28, db28, 28 - xmm, ALPHA[2] - 1);
  if (sw[15] && z <= ALTL[2]) {
    st.dm28 = du(z, b28, xmm, ALPHA[2]);
    d[2] = dnet(d[2], st.dm28, zhm28, xmm, 28);
  }

  // He
  const g4 = sw[21]! * globe7(st, pd(0), input);
  const db04 = pdm(0, 0) * Math.exp(g4) * at(pd(0), 0);
  d[0] = du(z, db04, 4, ALPHA[0]);
  if (sw[15] && z < ALTL[0]) {
    const b04 = du(pdm(0, 2), db04, 4 - xmm, ALPHA[0] - 1);
    const dm04 = du(z, b04, xmm, 0);
    d[0] = dnet(d[0], dm04, zhm28, xmm, 4);
    const rl = Math.log((b28 * pdm(0, 1)) / b04);
    d[0] = d[0] * ccor(z, rl, pdm(0, 5) * at(pdl1, 1), pdm(0, 4) * at(pdl1, 0));
  }

  // O
  const g16 = sw[21]! * globe7(st, pd(1), input);
  const db16 = pdm(1, 0) * Math.exp(g16) * at(pd(1), 0);
  d[1] = du(z, db16, 16, ALPHA[1]);
  if (sw[15] && z <= ALTL[1]) {
    const b16 = du(pdm(1, 2), db16, 16 - xmm, ALPHA[1] - 1);
    const dm16 = du(z, b16, xmm, 0);
    d[1] = dnet(d[1], dm16, zhm28, xmm, 16);
    const rl = pdm(1, 1) * at(pdl1, 16) * (1 + sw[1]! * at(pdl0, 23) * (input.f107A - 150));
    d[1] = d[1] * ccor2(z, rl, pdm(1, 5) * at(pdl1, 3), pdm(1, 4) * at(pdl1, 2), pdm(1, 5) * at(pdl1, 4));
    d[1] = d[1] * ccor(z, pdm(1, 3) * at(pdl1, 14), pdm(1, 7) * at(pdl1, 13), pdm(1, 6) * at(pdl1, 12));
  }

  // O2
  const g32 = sw[21]! * globe7(st, pd(4), input);
  const db32 = pdm(3, 0) * Math.exp(g32) * at(pd(4), 0);
  d[3] = du(z, db32, 32, ALPHA[3]);
  if (sw[15]) {
    if (z <= ALTL[3]) {
      const b32 = du(pdm(3, 2), db32, 32 - xmm, ALPHA[3] - 1);
      const dm32 = du(z, b32, xmm, 0);
      d[3] = dnet(d[3], dm32, zhm28, xmm, 32);
      const rl = Math.log((b28 * pdm(3, 1)) / b32);
      d[3] = d[3] * ccor(z, rl, pdm(3, 5) * at(pdl1, 7), pdm(3, 4) * at(pdl1, 6));
    }
    const rc32 = pdm(3, 3) * at(pdl1, 23) * (1 + sw[1]! * at(pdl0, 23) * (input.f107A - 150));
    d[3] = d[3] * ccor2(z, rc32, pdm(3, 7) * at(pdl1, 22), pdm(3, 6) * at(pdl1, 21), pdm(3, 7) * at(pdl0, 22));
  }

  // Ar
  const g40 = sw[21]! * globe7(st, pd(5), input);
  const db40 = pdm(4, 0) * Math.exp(g40) * at(pd(5), 0);
  d[4] = du(z, db40, 40, ALPHA[4]);
  if (sw[15] && z <= ALTL[4]) {
    const b40 = du(pdm(4, 2), db40, 40 - xmm, ALPHA[4] - 1);
    const dm40 = du(z, b40, xmm, 0);
    d[4] = dnet(d[4], dm40, zhm28, xmm, 40);
    const rl = Math.log((b28 * pdm(4, 1)) / b40);
    d[4] = d[4] * ccor(z, rl, pdm(4, 5) * at(pdl1, 9), pdm(4, 4) * at(pdl1, 8));
  }

  // H
  const g1 = sw[21]! * globe7(st, pd(6), input);
  const db01 = pdm(5, 0) * Math.exp(g1) * at(pd(6), 0);
  d[6] = du(z, db01, 1, ALPHA[6]);
  if (sw[15] && z <= ALTL[6]) {
    const b01 = du(pdm(5, 2), db01, 1 - xmm, ALPHA[6] - 1);
    const dm01 = du(z, b01, xmm, 0);
    d[6] = dnet(d[6], dm01, zhm28, xmm, 1);
    const rl = Math.log((b28 * pdm(5, 1) * Math.abs(at(pdl1, 17))) / b01);
    d[6] = d[6] * ccor(z, rl, pdm(5, 5) * at(pdl1, 11), pdm(5, 4) * at(pdl1, 10));
    d[6] = d[6] * ccor(z, pdm(5, 3) * at(pdl1, 20), pdm(5, 7) * at(pdl1, 19), pdm(5, 6) * at(pdl1, 18));
  }

  // N
  const g14 = sw[21]! * globe7(st, pd(7), input);
  const db14 = pdm(6, 0) * Math.exp(g14) * at(pd(7), 0);
  d[7] = du(z, db14, 14, ALPHA[7]);
  if (sw[15] && z <= ALTL[7]) {
    const b14 = du(pdm(6, 2), db14, 14 - xmm, ALPHA[7] - 1);
    const dm14 = du(z, b14, xmm, 0);
    d[7] = dnet(d[7], dm14, zhm28, xmm, 14);
    const rl = Math.log((b28 * pdm(6, 1) * Math.abs(at(pdl0, 2))) / b14);
    d[7] = d[7] * ccor(z, rl, pdm(6, 5) * at(pdl0, 1), pdm(6, 4) * at(pdl0, 0));
    d[7] = d[7] * ccor(z, pdm(6, 3) * at(pdl0, 5), pdm(6, 7) * at(pdl0, 4), pdm(6, 6) * at(pdl0, 3));
  }

  // Anomalous O
  const g16h = sw[21]! * globe7(st, pd(8), input);
  const db16h = pdm(7, 0) * Math.exp(g16h) * at(pd(8), 0);
  const tho = pdm(7, 9) * at(pdl0, 6);
  const dd = du(z, db16h, 16, ALPHA[8], tho, tho);
  const zsht = pdm(7, 5);
  const zmho = pdm(7, 4);
  const zsho = scalh(st, zmho, 16, tho);
  d[8] = dd * Math.exp((-zsht / zsho) * (Math.exp(-(z - zmho) / zsht) - 1));

  d[5] = AMU_G * (4 * d[0] + 16 * d[1] + 28 * d[2] + 32 * d[3] + 40 * d[4] + d[6] + 14 * d[7]);
  du(Math.abs(alt), 1, 0, 0);
  return { d, tinf, tz: tzOut.tz };
}

/** Checks the inputs of one evaluation; throws RangeError naming the quantity. */
function checkInput(input: MsisInput, switches: MsisSwitches): void {
  const fields: [string, number][] = [
    ['doy', input.doy], ['secUt (s)', input.secUt], ['altitudeKm', input.altitudeKm], ['latitudeDeg', input.latitudeDeg],
    ['longitudeDeg', input.longitudeDeg], ['localSolarTimeH', input.localSolarTimeH], ['f107A (sfu)', input.f107A],
    ['f107 (sfu)', input.f107], ['ap', input.ap],
  ];
  for (const [name, v] of fields) if (!Number.isFinite(v)) throw new RangeError(`NRLMSISE-00 ${name} must be finite, got ${v}`);
  if (input.altitudeKm < 0) throw new RangeError(`NRLMSISE-00 altitudeKm must be ≥ 0 km, got ${input.altitudeKm}`);
  if (Math.abs(input.latitudeDeg) > 90) throw new RangeError(`NRLMSISE-00 latitudeDeg must be within ±90°, got ${input.latitudeDeg}`);
  if (switches[9] === -1) {
    const a = input.apArray;
    if (a?.length !== 7 || !a.every((v) => Number.isFinite(v))) {
      throw new RangeError('NRLMSISE-00 with switch 9 = -1 needs apArray of 7 finite values');
    }
  }
}

function toOutput(d: Float64Array, tinf: number, tz: number, totalMass: number): MsisOutput {
  return {
    heCm3: d[0]!, oCm3: d[1]!, n2Cm3: d[2]!, o2Cm3: d[3]!, arCm3: d[4]!, totalMassGCm3: totalMass, hCm3: d[6]!,
    nCm3: d[7]!, anomalousOCm3: d[8]!, exosphericTemperatureK: tinf, temperatureK: tz,
  };
}

/** GTD7 core: returns densities d[0..8] and temperatures. */
function gtd7Core(input: MsisInput, switches: MsisSwitches): { d: Float64Array; tinf: number; tz: number } {
  checkInput(input, switches);
  const st = newState(switches);
  const sc = newScratch();
  const sw = st.sw;
  setGravity(st, sw[2] === 0 ? 45 : input.latitudeDeg);
  const xmm = row(PDM, 2)[4]!;
  const alt = input.altitudeKm;
  const altt = alt > ZN2[0] ? alt : ZN2[0];
  const upper = gts7(st, sc, altt === alt ? input : { ...input, altitudeKm: altt });
  if (alt >= ZN2[0]) return upper;

  const dm28m = st.dm28;
  const pma = (i: number): readonly number[] => row(PMA, i);
  const pavgm = (i: number): number => PAVGM[i]!;
  st.tgn2[0] = st.tgn1[1]!;
  st.tn2[0] = st.tn1[4]!;
  st.tn2[1] = (at(pma(0), 0) * pavgm(0)) / (1 - sw[20]! * glob7s(st, pma(0), input));
  st.tn2[2] = (at(pma(1), 0) * pavgm(1)) / (1 - sw[20]! * glob7s(st, pma(1), input));
  st.tn2[3] = (at(pma(2), 0) * pavgm(2)) / (1 - sw[20]! * sw[22]! * glob7s(st, pma(2), input));
  st.tgn2[1] = (pavgm(8) * at(pma(9), 0) * (1 + sw[20]! * sw[22]! * glob7s(st, pma(9), input)) * st.tn2[3] * st.tn2[3]) /
    Math.pow(at(pma(2), 0) * pavgm(2), 2);
  st.tn3[0] = st.tn2[3];
  if (alt <= ZN3[0]) {
    st.tgn3[0] = st.tgn2[1];
    st.tn3[1] = (at(pma(3), 0) * pavgm(3)) / (1 - sw[22]! * glob7s(st, pma(3), input));
    st.tn3[2] = (at(pma(4), 0) * pavgm(4)) / (1 - sw[22]! * glob7s(st, pma(4), input));
    st.tn3[3] = (at(pma(5), 0) * pavgm(5)) / (1 - sw[22]! * glob7s(st, pma(5), input));
    st.tn3[4] = (at(pma(6), 0) * pavgm(6)) / (1 - sw[22]! * glob7s(st, pma(6), input));
    st.tgn3[1] = (at(pma(7), 0) * pavgm(7) * (1 + sw[22]! * glob7s(st, pma(7), input)) * st.tn3[4] * st.tn3[4]) /
      Math.pow(at(pma(6), 0) * pavgm(6), 2);
  }

  const dmc = alt > ZMIX ? 1 - (ZN2[0] - alt) / (ZN2[0] - ZMIX) : 0;
  const sd = upper.d;
  const dz28 = sd[2]!;
  const d = new Float64Array(9);
  const tzOut: TzOut = { tz: 0 };
  let dmr = sd[2]! / dm28m - 1;
  d[2] = densm(st, sc, alt, dm28m, xmm, tzOut, ZN3, ZN2) * (1 + dmr * dmc);
  const pdm = (i: number, j: number): number => row(PDM, i)[j]!;
  dmr = sd[0]! / (dz28 * pdm(0, 1)) - 1;
  d[0] = d[2] * pdm(0, 1) * (1 + dmr * dmc);
  dmr = sd[3]! / (dz28 * pdm(3, 1)) - 1;
  d[3] = d[2] * pdm(3, 1) * (1 + dmr * dmc);
  dmr = sd[4]! / (dz28 * pdm(4, 1)) - 1;
  d[4] = d[2] * pdm(4, 1) * (1 + dmr * dmc);
  d[5] = AMU_G * (4 * d[0] + 28 * d[2] + 32 * d[3] + 40 * d[4]);
  densm(st, sc, alt, 1, 0, tzOut, ZN3, ZN2);
  return { d, tinf: upper.tinf, tz: tzOut.tz };
}

/**
 * GTD7: neutral composition, total mass density (excluding anomalous oxygen) and temperatures from the
 * ground to the exosphere. `switches` as in the reference code (default: all on, daily Ap).
 */
export function gtd7(input: MsisInput, switches: MsisSwitches = MSIS_DEFAULT_SWITCHES): MsisOutput {
  const { d, tinf, tz } = gtd7Core(input, switches);
  return toOutput(d, tinf, tz, d[5]!);
}

/**
 * GTD7D: as GTD7 but the total mass density includes anomalous oxygen — the "effective" density for
 * satellite drag recommended by Picone et al. 2002 above ~500 km.
 */
export function gtd7d(input: MsisInput, switches: MsisSwitches = MSIS_DEFAULT_SWITCHES): MsisOutput {
  const { d, tinf, tz } = gtd7Core(input, switches);
  const rho = AMU_G * (4 * d[0]! + 16 * d[1]! + 28 * d[2]! + 32 * d[3]! + 40 * d[4]! + d[6]! + 14 * d[7]! + 16 * d[8]!);
  return toOutput(d, tinf, tz, rho);
}
