/**
 * Layout of one satellite's SGP4 record inside a flat `Float64Array` (structure of constants, one record per
 * satellite at offset `index · RECORD_STRIDE`). Names follow the variables of Vallado et al. 2006 ("Revisiting
 * Spacetrack Report #3", AIAA 2006-6753) so the code can be read against the paper's listing.
 * A record is plain numbers, so catalogs move between threads (SharedArrayBuffer) without serialisation.
 */

// Configuration and status
export const METHOD = 0;
export const ISIMP = 1;
export const AFSPC = 2;
export const IREZ = 3;
export const INIT_CODE = 4;
export const GUARD_DRAG = 5;
export const GUARD_MAX_MIN = 6;

// Gravity model
export const XKE = 7;
export const J2 = 8;
export const J3OJ2 = 9;
export const RADIUS_KM = 10;
export const VKMPERSEC = 11;

// Mean elements at epoch (SGP4 units: radians, radians/minute, 1/Earth radii), UTC epoch
export const BSTAR = 12;
export const ECCO = 13;
export const ARGPO = 14;
export const INCLO = 15;
export const MO = 16;
export const NO_KOZAI = 17;
export const NODEO = 18;
export const NO_UNKOZAI = 19;
export const EPOCH_DAYS_1950 = 20;
export const EPOCH_JD1 = 21;
export const EPOCH_JD2 = 22;
export const NORAD = 23;

// Near-earth secular and drag terms (sgp4init)
export const A = 24;
export const ALTA = 25;
export const ALTP = 26;
export const CON41 = 27;
export const CC1 = 28;
export const CC4 = 29;
export const CC5 = 30;
export const D2 = 31;
export const D3 = 32;
export const D4 = 33;
export const DELMO = 34;
export const ETA = 35;
export const ARGPDOT = 36;
export const OMGCOF = 37;
export const SINMAO = 38;
export const T2COF = 39;
export const T3COF = 40;
export const T4COF = 41;
export const T5COF = 42;
export const X1MTH2 = 43;
export const X7THM1 = 44;
export const MDOT = 45;
export const NODEDOT = 46;
export const XLCOF = 47;
export const XMCOF = 48;
export const NODECF = 49;
export const AYCOF = 50;
export const GSTO = 51;

// Deep-space resonance coefficients (dsinit)
export const D2201 = 52;
export const D2211 = 53;
export const D3210 = 54;
export const D3222 = 55;
export const D4410 = 56;
export const D4422 = 57;
export const D5220 = 58;
export const D5232 = 59;
export const D5421 = 60;
export const D5433 = 61;
export const DEDT = 62;
export const DEL1 = 63;
export const DEL2 = 64;
export const DEL3 = 65;
export const DIDT = 66;
export const DMDT = 67;
export const DNODT = 68;
export const DOMDT = 69;
export const XFACT = 70;
export const XLAMO = 71;

// Deep-space lunar-solar periodic coefficients (dscom)
export const E3 = 72;
export const EE2 = 73;
export const PEO = 74;
export const PGHO = 75;
export const PHO = 76;
export const PINCO = 77;
export const PLO = 78;
export const SE2 = 79;
export const SE3 = 80;
export const SGH2 = 81;
export const SGH3 = 82;
export const SGH4 = 83;
export const SH2 = 84;
export const SH3 = 85;
export const SI2 = 86;
export const SI3 = 87;
export const SL2 = 88;
export const SL3 = 89;
export const SL4 = 90;
export const XGH2 = 91;
export const XGH3 = 92;
export const XGH4 = 93;
export const XH2 = 94;
export const XH3 = 95;
export const XI2 = 96;
export const XI3 = 97;
export const XL2 = 98;
export const XL3 = 99;
export const XL4 = 100;
export const ZMOL = 101;
export const ZMOS = 102;

// Opt-in perigee guard flag (1 on)
export const GUARD_PERIGEE = 103;

// Per-satellite invariants of the propagation loop: sin/cos of the epoch inclination, (xke / n₀)^(2/3)
export const SINIO = 104;
export const COSIO = 105;
export const A_NEAR = 106;

/**
 * Number of float64 slots per satellite record. Records are written once by `initializeRecord` and only read
 * afterwards: the resonance integrator restarts from epoch at every sample (as python-sgp4 does; Vallado's C++
 * caches its state, which yields the same numbers), so one record can serve many threads at once.
 */
export const RECORD_STRIDE = 107;

/** `METHOD` values. */
export const METHOD_NEAR_EARTH = 0;
export const METHOD_DEEP_SPACE = 1;
