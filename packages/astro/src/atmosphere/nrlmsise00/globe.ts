/**
 * NRLMSISE-00 horizontal/temporal expansion functions: GLOBE7 (the G(L) function of the upper
 * thermosphere: F10.7, annual/semiannual, diurnal/semidiurnal/terdiurnal tides, magnetic activity with
 * daily Ap or the 3-hour ap history, longitudinal and UT terms) and GLOB7S (its lower-atmosphere version).
 * Picone et al. 2002, JGR 107(A12) 1468, Appendix (eqs. A22–A24); Hedin 1987/1991.
 * Algorithm after the NRL FORTRAN release / D. Brodowski's C port (20041227).
 */
import type { MsisState } from './state.js';

/** Inputs of one NRLMSISE-00 evaluation, in the model's native units (degrees, hours, km, sfu). */
export interface MsisInput {
  /** Day of year (1–366); only its fraction-free value drives the seasonal terms. */
  readonly doy: number;
  /** Seconds of UT in the day. */
  readonly secUt: number;
  /** Geodetic altitude, km. */
  readonly altitudeKm: number;
  /** Geodetic latitude, degrees. */
  readonly latitudeDeg: number;
  /** Geodetic longitude, degrees (east positive). */
  readonly longitudeDeg: number;
  /** Local apparent solar time, hours (the model treats it as independent of secUt/longitude). */
  readonly localSolarTimeH: number;
  /** 81-day average of F10.7 centred on the day, sfu. */
  readonly f107A: number;
  /** Daily F10.7 of the previous day, sfu. */
  readonly f107: number;
  /** Daily magnetic index Ap. */
  readonly ap: number;
  /**
   * The 7-element ap history used when switch 9 = −1: [daily Ap, 3-h ap now, 3 h before, 6 h before,
   * 9 h before, mean of 8 values 12–33 h before, mean of 8 values 36–57 h before].
   */
  readonly apArray?: readonly number[];
}

const DGTR = 1.74533e-2;
const DR = 1.72142e-2;
const HR = 0.2618;
const SR = 7.2722e-5;

/** Eq. A24d: 3-hour magnetic activity function. */
function g0(a: number, p: readonly number[], p24: number): number {
  const k = Math.abs(p24);
  return a - 4 + (p[25]! - 1) * (a - 4 + (Math.exp(-k * (a - 4)) - 1) / k);
}

/** Eq. A24c. */
const sumex = (ex: number): number => 1 + ((1 - Math.pow(ex, 19)) / (1 - ex)) * Math.pow(ex, 0.5);

/** Eq. A24a: weighted ap history. */
function sg0(ex: number, p: readonly number[], p24: number, ap: readonly number[]): number {
  const a = (i: number): number => ap[i] ?? 0;
  return (g0(a(1), p, p24) + (g0(a(2), p, p24) * ex + g0(a(3), p, p24) * ex * ex + g0(a(4), p, p24) * Math.pow(ex, 3) +
    (g0(a(5), p, p24) * Math.pow(ex, 4) + g0(a(6), p, p24) * Math.pow(ex, 12)) * (1 - Math.pow(ex, 8)) / (1 - ex))) / sumex(ex);
}

/** Fills the Legendre polynomials of geodetic latitude into st.plg (index m*9+n). */
function legendre(st: MsisState, latDeg: number): void {
  const plg = st.plg;
  const c = Math.sin(latDeg * DGTR);
  const s = Math.cos(latDeg * DGTR);
  const c2 = c * c;
  const c4 = c2 * c2;
  const s2 = s * s;
  const p05 = (63 * c2 * c2 * c - 70 * c2 * c + 15 * c) / 8;
  const p04 = (35 * c4 - 30 * c2 + 3) / 8;
  plg[1] = c;
  plg[2] = 0.5 * (3 * c2 - 1);
  plg[3] = 0.5 * (5 * c * c2 - 3 * c);
  plg[4] = p04;
  plg[5] = p05;
  plg[6] = (11 * c * p05 - 5 * p04) / 6;
  const p14 = 2.5 * (7 * c2 * c - 3 * c) * s;
  const p15 = 1.875 * (21 * c4 - 14 * c2 + 1) * s;
  plg[9 + 1] = s;
  plg[9 + 2] = 3 * c * s;
  plg[9 + 3] = 1.5 * (5 * c2 - 1) * s;
  plg[9 + 4] = p14;
  plg[9 + 5] = p15;
  plg[9 + 6] = (11 * c * p15 - 6 * p14) / 5;
  const p23 = 15 * s2 * c;
  const p24 = 7.5 * (7 * c2 - 1) * s2;
  const p25 = 3 * c * p24 - 2 * p23;
  const p26 = (11 * c * p25 - 7 * p24) / 4;
  plg[18 + 2] = 3 * s2;
  plg[18 + 3] = p23;
  plg[18 + 4] = p24;
  plg[18 + 5] = p25;
  plg[18 + 6] = p26;
  plg[18 + 7] = (13 * c * p26 - 8 * p25) / 5;
  const p33 = 15 * s2 * s;
  const p34 = 105 * s2 * s * c;
  const p35 = (9 * c * p34 - 7 * p33) / 2;
  plg[27 + 3] = p33;
  plg[27 + 4] = p34;
  plg[27 + 5] = p35;
  plg[27 + 6] = (11 * c * p35 - 8 * p34) / 3;
}

/** GLOBE7: the G(L) expansion for parameter set p; updates the shared polynomial/activity state. */
export function globe7(st: MsisState, p: readonly number[], input: MsisInput): number {
  const { sw, swc } = st;
  const t = new Array<number>(15).fill(0);
  const tloc = input.localSolarTimeH;
  legendre(st, input.latitudeDeg);
  const P = st.plg;
  if (!(sw[7] === 0 && sw[8] === 0 && sw[14] === 0)) {
    st.stloc = Math.sin(HR * tloc);
    st.ctloc = Math.cos(HR * tloc);
    st.s2tloc = Math.sin(2 * HR * tloc);
    st.c2tloc = Math.cos(2 * HR * tloc);
    st.s3tloc = Math.sin(3 * HR * tloc);
    st.c3tloc = Math.cos(3 * HR * tloc);
  }
  const doy = input.doy;
  const cd32 = Math.cos(DR * (doy - p[31]!));
  const cd18 = Math.cos(2 * DR * (doy - p[17]!));
  const cd14 = Math.cos(DR * (doy - p[13]!));
  const cd39 = Math.cos(2 * DR * (doy - p[38]!));
  const pp = (i: number): number => p[i]!;

  const df = input.f107 - input.f107A;
  const dfa = input.f107A - 150;
  st.dfa = dfa;
  t[0] = pp(19) * df * (1 + pp(59) * dfa) + pp(20) * df * df + pp(21) * dfa + pp(29) * dfa * dfa;
  const f1 = 1 + (pp(47) * dfa + pp(19) * df + pp(20) * df * df) * swc[1]!;
  const f2 = 1 + (pp(49) * dfa + pp(19) * df + pp(20) * df * df) * swc[1]!;
  t[1] = pp(1) * P[2]! + pp(2) * P[4]! + pp(22) * P[6]! + pp(14) * P[2]! * dfa * swc[1]! + pp(26) * P[1]!;
  t[2] = pp(18) * cd32;
  t[3] = (pp(15) + pp(16) * P[2]!) * cd18;
  t[4] = f1 * (pp(9) * P[1]! + pp(10) * P[3]!) * cd14;
  t[5] = pp(37) * P[1]! * cd39;
  if (sw[7]) {
    const t71 = pp(11) * P[11]! * cd14 * swc[5]!;
    const t72 = pp(12) * P[11]! * cd14 * swc[5]!;
    t[6] = f2 * ((pp(3) * P[10]! + pp(4) * P[12]! + pp(27) * P[14]! + t71) * st.ctloc +
      (pp(6) * P[10]! + pp(7) * P[12]! + pp(28) * P[14]! + t72) * st.stloc);
  }
  if (sw[8]) {
    const t81 = (pp(23) * P[21]! + pp(35) * P[23]!) * cd14 * swc[5]!;
    const t82 = (pp(33) * P[21]! + pp(36) * P[23]!) * cd14 * swc[5]!;
    t[7] = f2 * ((pp(5) * P[20]! + pp(41) * P[22]! + t81) * st.c2tloc + (pp(8) * P[20]! + pp(42) * P[22]! + t82) * st.s2tloc);
  }
  if (sw[14]) {
    t[13] = f2 * ((pp(39) * P[30]! + (pp(93) * P[31]! + pp(46) * P[33]!) * cd14 * swc[5]!) * st.s3tloc +
      (pp(40) * P[30]! + (pp(94) * P[31]! + pp(48) * P[33]!) * cd14 * swc[5]!) * st.c3tloc);
  }
  if (sw[9] === -1) {
    if (pp(51) !== 0) {
      let exp1 = Math.exp((-10800 * Math.abs(pp(51))) / (1 + pp(138) * (45 - Math.abs(input.latitudeDeg))));
      if (exp1 > 0.99999) exp1 = 0.99999;
      const p24 = pp(24) < 1e-4 ? 1e-4 : pp(24);
      st.apt0 = sg0(exp1, p, p24, input.apArray ?? []);
      if (sw[9]) {
        t[8] = st.apt0 * (pp(50) + pp(96) * P[2]! + pp(54) * P[4]! +
          (pp(125) * P[1]! + pp(126) * P[3]! + pp(127) * P[5]!) * cd14 * swc[5]! +
          (pp(128) * P[10]! + pp(129) * P[12]! + pp(130) * P[14]!) * swc[7]! * Math.cos(HR * (tloc - pp(131))));
      }
    }
  } else {
    const apd = input.ap - 4;
    let p44 = pp(43);
    const p45 = pp(44);
    if (p44 < 0) p44 = 1e-5;
    st.apdf = apd + (p45 - 1) * (apd + (Math.exp(-p44 * apd) - 1) / p44);
    if (sw[9]) {
      t[8] = st.apdf * (pp(32) + pp(45) * P[2]! + pp(34) * P[4]! +
        (pp(100) * P[1]! + pp(101) * P[3]! + pp(102) * P[5]!) * cd14 * swc[5]! +
        (pp(121) * P[10]! + pp(122) * P[12]! + pp(123) * P[14]!) * swc[7]! * Math.cos(HR * (tloc - pp(124))));
    }
  }
  const glong = input.longitudeDeg;
  const sec = input.secUt;
  if (sw[10] && glong > -1000) {
    if (sw[11]) {
      t[10] = (1 + pp(80) * dfa * swc[1]!) *
        ((pp(64) * P[11]! + pp(65) * P[13]! + pp(66) * P[15]! + pp(103) * P[10]! + pp(104) * P[12]! + pp(105) * P[14]! +
          swc[5]! * (pp(109) * P[10]! + pp(110) * P[12]! + pp(111) * P[14]!) * cd14) * Math.cos(DGTR * glong) +
          (pp(90) * P[11]! + pp(91) * P[13]! + pp(92) * P[15]! + pp(106) * P[10]! + pp(107) * P[12]! + pp(108) * P[14]! +
            swc[5]! * (pp(112) * P[10]! + pp(113) * P[12]! + pp(114) * P[14]!) * cd14) * Math.sin(DGTR * glong));
    }
    if (sw[12]) {
      t[11] = (1 + pp(95) * P[1]!) * (1 + pp(81) * dfa * swc[1]!) * (1 + pp(119) * P[1]! * swc[5]! * cd14) *
        ((pp(68) * P[1]! + pp(69) * P[3]! + pp(70) * P[5]!) * Math.cos(SR * (sec - pp(71))));
      t[11] += swc[11]! * (pp(76) * P[21]! + pp(77) * P[23]! + pp(78) * P[25]!) *
        Math.cos(SR * (sec - pp(79)) + 2 * DGTR * glong) * (1 + pp(137) * dfa * swc[1]!);
    }
    if (sw[13]) {
      if (sw[9] === -1) {
        if (pp(51) !== 0) {
          t[12] = st.apt0 * swc[11]! * (1 + pp(132) * P[1]!) *
            ((pp(52) * P[11]! + pp(98) * P[13]! + pp(67) * P[15]!) * Math.cos(DGTR * (glong - pp(97)))) +
            st.apt0 * swc[11]! * swc[5]! * (pp(133) * P[10]! + pp(134) * P[12]! + pp(135) * P[14]!) * cd14 *
            Math.cos(DGTR * (glong - pp(136))) +
            st.apt0 * swc[12]! * (pp(55) * P[1]! + pp(56) * P[3]! + pp(57) * P[5]!) * Math.cos(SR * (sec - pp(58)));
        }
      } else {
        t[12] = st.apdf * swc[11]! * (1 + pp(120) * P[1]!) *
          ((pp(60) * P[11]! + pp(61) * P[13]! + pp(62) * P[15]!) * Math.cos(DGTR * (glong - pp(63)))) +
          st.apdf * swc[11]! * swc[5]! * (pp(115) * P[10]! + pp(116) * P[12]! + pp(117) * P[14]!) * cd14 *
          Math.cos(DGTR * (glong - pp(118))) +
          st.apdf * swc[12]! * (pp(83) * P[1]! + pp(84) * P[3]! + pp(85) * P[5]!) * Math.cos(SR * (sec - pp(75)));
      }
    }
  }
  let tinf = pp(30);
  for (let i = 0; i < 14; i++) tinf += Math.abs(sw[i + 1]!) * t[i]!;
  return tinf;
}

/** GLOB7S: the lower-atmosphere expansion (uses the state left by the latest globe7 call). */
export function glob7s(st: MsisState, p: readonly number[], input: MsisInput): number {
  const { sw, swc } = st;
  const P = st.plg;
  const pp = (i: number): number => p[i]!;
  if (pp(99) !== 0 && pp(99) !== 2) throw new RangeError('NRLMSISE-00: wrong parameter set for glob7s');
  const t = new Array<number>(14).fill(0);
  const doy = input.doy;
  const cd32 = Math.cos(DR * (doy - pp(31)));
  const cd18 = Math.cos(2 * DR * (doy - pp(17)));
  const cd14 = Math.cos(DR * (doy - pp(13)));
  const cd39 = Math.cos(2 * DR * (doy - pp(38)));
  t[0] = pp(21) * st.dfa;
  t[1] = pp(1) * P[2]! + pp(2) * P[4]! + pp(22) * P[6]! + pp(26) * P[1]! + pp(14) * P[3]! + pp(59) * P[5]!;
  t[2] = (pp(18) + pp(47) * P[2]! + pp(29) * P[4]!) * cd32;
  t[3] = (pp(15) + pp(16) * P[2]! + pp(30) * P[4]!) * cd18;
  t[4] = (pp(9) * P[1]! + pp(10) * P[3]! + pp(20) * P[5]!) * cd14;
  t[5] = pp(37) * P[1]! * cd39;
  if (sw[7]) {
    const t71 = pp(11) * P[11]! * cd14 * swc[5]!;
    const t72 = pp(12) * P[11]! * cd14 * swc[5]!;
    t[6] = (pp(3) * P[10]! + pp(4) * P[12]! + t71) * st.ctloc + (pp(6) * P[10]! + pp(7) * P[12]! + t72) * st.stloc;
  }
  if (sw[8]) {
    const t81 = (pp(23) * P[21]! + pp(35) * P[23]!) * cd14 * swc[5]!;
    const t82 = (pp(33) * P[21]! + pp(36) * P[23]!) * cd14 * swc[5]!;
    t[7] = (pp(5) * P[20]! + pp(41) * P[22]! + t81) * st.c2tloc + (pp(8) * P[20]! + pp(42) * P[22]! + t82) * st.s2tloc;
  }
  if (sw[14]) t[13] = pp(39) * P[30]! * st.s3tloc + pp(40) * P[30]! * st.c3tloc;
  if (sw[9]) {
    if (sw[9] === 1) t[8] = st.apdf * (pp(32) + pp(45) * P[2]! * swc[2]!);
    if (sw[9] === -1) t[8] = pp(50) * st.apt0 + pp(96) * P[2]! * st.apt0 * swc[2]!;
  }
  if (!(sw[10] === 0 || sw[11] === 0 || input.longitudeDeg <= -1000)) {
    const glong = input.longitudeDeg;
    t[10] = (1 + P[1]! * (pp(80) * swc[5]! * Math.cos(DR * (doy - pp(81))) + pp(85) * swc[6]! * Math.cos(2 * DR * (doy - pp(86)))) +
      pp(83) * swc[3]! * Math.cos(DR * (doy - pp(84))) + pp(87) * swc[4]! * Math.cos(2 * DR * (doy - pp(88)))) *
      ((pp(64) * P[11]! + pp(65) * P[13]! + pp(66) * P[15]! + pp(74) * P[10]! + pp(75) * P[12]! + pp(76) * P[14]!) * Math.cos(DGTR * glong) +
        (pp(90) * P[11]! + pp(91) * P[13]! + pp(92) * P[15]! + pp(77) * P[10]! + pp(78) * P[12]! + pp(79) * P[14]!) * Math.sin(DGTR * glong));
  }
  let tt = 0;
  for (let i = 0; i < 14; i++) tt += Math.abs(sw[i + 1]!) * t[i]!;
  return tt;
}
