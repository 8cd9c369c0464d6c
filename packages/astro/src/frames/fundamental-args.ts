/**
 * Fundamental arguments of the nutation theory, IERS Conventions (2003/2010) ch. 5 eqs. 5.43 (Delaunay
 * arguments, Simon et al. 1994) and 5.44 (planetary mean longitudes, Souchay et al. 1999; general precession
 * in longitude, Kinoshita & Souchay 1990), as coded in SOFA/ERFA fal03.c … fapa03.c.
 * `t` is TDB (TT is adequate) in Julian centuries since J2000.0; results in radians.
 */
import { RAD_PER_ARCSEC, TWO_PI } from '../units/index.js';

/** Arcseconds in a full turn. */
const TURNAS = 1_296_000;

/** l: mean anomaly of the Moon. */
export const meanAnomalyMoonRad = (t: number): number =>
  ((485868.249036 + t * (1717915923.2178 + t * (31.8792 + t * (0.051635 + t * -0.0002447)))) % TURNAS) * RAD_PER_ARCSEC;

/** l′: mean anomaly of the Sun. */
export const meanAnomalySunRad = (t: number): number =>
  ((1287104.793048 + t * (129596581.0481 + t * (-0.5532 + t * (0.000136 + t * -0.00001149)))) % TURNAS) * RAD_PER_ARCSEC;

/** F = L − Ω: mean argument of latitude of the Moon. */
export const meanArgLatitudeMoonRad = (t: number): number =>
  ((335779.526232 + t * (1739527262.8478 + t * (-12.7512 + t * (-0.001037 + t * 0.00000417)))) % TURNAS) * RAD_PER_ARCSEC;

/** D: mean elongation of the Moon from the Sun. */
export const meanElongationMoonRad = (t: number): number =>
  ((1072260.703692 + t * (1602961601.209 + t * (-6.3706 + t * (0.006593 + t * -0.00003169)))) % TURNAS) * RAD_PER_ARCSEC;

/** Ω: mean longitude of the Moon's ascending node. */
export const meanNodeMoonRad = (t: number): number =>
  ((450160.398036 + t * (-6962890.5431 + t * (7.4722 + t * (0.007702 + t * -0.00005939)))) % TURNAS) * RAD_PER_ARCSEC;

export const meanLongitudeMercuryRad = (t: number): number => (4.402608842 + 2608.7903141574 * t) % TWO_PI;
export const meanLongitudeVenusRad = (t: number): number => (3.176146697 + 1021.3285546211 * t) % TWO_PI;
export const meanLongitudeEarthRad = (t: number): number => (1.753470314 + 628.3075849991 * t) % TWO_PI;
export const meanLongitudeMarsRad = (t: number): number => (6.203480913 + 334.06124267 * t) % TWO_PI;
export const meanLongitudeJupiterRad = (t: number): number => (0.599546497 + 52.9690962641 * t) % TWO_PI;
export const meanLongitudeSaturnRad = (t: number): number => (0.874016757 + 21.329910496 * t) % TWO_PI;
export const meanLongitudeUranusRad = (t: number): number => (5.481293872 + 7.4781598567 * t) % TWO_PI;
/** p_A: general accumulated precession in longitude. */
export const generalPrecessionRad = (t: number): number => (0.02438175 + 0.00000538691 * t) * t;
