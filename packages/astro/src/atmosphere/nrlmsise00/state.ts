/**
 * NRLMSISE-00 evaluation state. The reference FORTRAN/C code keeps these quantities in COMMON blocks /
 * file statics (PARMB, LPOLY, MESO7, DMIX); here they live in one object created per evaluation, so the
 * model stays pure and re-entrant. The quantities are carried between routines exactly as in the
 * reference code (e.g. `glob7s` reuses the Legendre polynomials and ap terms of the latest `globe7` call),
 * which the reference outputs depend on.
 *
 * Source: Picone, Hedin, Drob & Aikin 2002, "NRLMSISE-00 empirical model of the atmosphere",
 * JGR 107(A12) 1468; algorithm after the NRL FORTRAN release and D. Brodowski's C port (20041227).
 */

/** Model switches 0..23 (the reference `switches[]`): 0 off, 1 on, 2 main effects off but cross terms on;
 * switch 9 = −1 selects the 7-element ap history. */
export type MsisSwitches = readonly number[];

export interface MsisState {
  /** Switch values as used (`sw`) and for cross terms (`swc`). */
  readonly sw: Float64Array;
  readonly swc: Float64Array;
  /** Surface gravity, cm/s², and effective Earth radius, km (GLATF). */
  gsurf: number;
  re: number;
  /** Associated Legendre polynomials plg[m][n], flattened as m*9+n. */
  readonly plg: Float64Array;
  ctloc: number;
  stloc: number;
  c2tloc: number;
  s2tloc: number;
  c3tloc: number;
  s3tloc: number;
  dfa: number;
  apdf: number;
  apt0: number;
  /** Lower-thermosphere / mesosphere temperature nodes and end gradients (MESO7). */
  readonly tn1: Float64Array;
  readonly tn2: Float64Array;
  readonly tn3: Float64Array;
  readonly tgn1: Float64Array;
  readonly tgn2: Float64Array;
  readonly tgn3: Float64Array;
  /** Mixed N2 density at altitude (DMIX dm28), set by gts7 and used by gtd7 below 72.5 km. */
  dm28: number;
}

export function newState(switches: MsisSwitches): MsisState {
  const sw = new Float64Array(24);
  const swc = new Float64Array(24);
  for (let i = 0; i < 24; i++) {
    const s = switches[i] ?? 1;
    if (i !== 9) {
      sw[i] = s === 1 ? 1 : 0;
      swc[i] = s > 0 ? 1 : 0;
    } else {
      sw[i] = s;
      swc[i] = s;
    }
  }
  return {
    sw, swc, gsurf: 0, re: 0, plg: new Float64Array(4 * 9),
    ctloc: 0, stloc: 0, c2tloc: 0, s2tloc: 0, c3tloc: 0, s3tloc: 0, dfa: 0, apdf: 0, apt0: 0,
    tn1: new Float64Array(5), tn2: new Float64Array(4), tn3: new Float64Array(5),
    tgn1: new Float64Array(2), tgn2: new Float64Array(2), tgn3: new Float64Array(2), dm28: 0,
  };
}

/** GLATF: latitude variation of gravity (cm/s²) and effective radius (km). */
export function setGravity(st: MsisState, latDeg: number): void {
  const dgtr = 1.74533e-2;
  const c2 = Math.cos(2 * dgtr * latDeg);
  st.gsurf = 980.616 * (1 - 0.0026373 * c2);
  st.re = (2 * st.gsurf) / (3.085462e-6 + 2.27e-9 * c2) * 1.0e-5;
}
