/**
 * "Where is it now": one JSON-safe record of an object's state at an instant — the one implementation behind
 * `stationkeeper now` and `GET /api/now`.
 *
 * Chain: SGP4 (Vallado et al. 2006, "Revisiting Spacetrack Report #3", AIAA 2006-6753; TEME of date) →
 * TEME→ITRF (GMST 1982 + EOP from the caller's TimeScales; Vallado et al. 2006 App. C) → WGS-84 geodetic;
 * inertial speed = |v| in TEME; Sun (Meeus, "Astronomical Algorithms" ch. 25, apparent, TEME) + conical Earth
 * shadow (Montenbruck & Gill 2000, "Satellite Orbits" §3.4.2) for "sunlit"; optional topocentric look angles
 * and next passes (`@stationkeeper/astro/events`).
 *
 * Pure: the element set, the TimeScales, the instant and the observer come in as arguments — no store, no
 * clock. Output units at this edge: degrees, km, km/s, metres for the observer height; ISO-8601 UTC strings.
 */
import { sunPositionTemeKm } from '@stationkeeper/astro/bodies';
import type { ElementSet } from '@stationkeeper/astro/elements';
import { isSunlit, predictPasses, shadowGeometry, sunlitFraction, type PassRecord } from '@stationkeeper/astro/events';
import { geodeticFromItrf, lookAngles, observerFromDegrees, temeToItrf } from '@stationkeeper/astro/frames';
import { Sgp4Propagator } from '@stationkeeper/astro/sgp4';
import type { Instant, TimeScales } from '@stationkeeper/astro/time';
import { isStale, staleElementsWarning } from './choose-elements.js';

const DEG = 180 / Math.PI;

/** The chosen element set with the epoch facts the record reports (a stored element set satisfies it). */
export interface NowElements {
  readonly elementSet: ElementSet;
  /** Epoch, UTC MJD (days). */
  readonly epochUtcMjd: number;
  /** Epoch as ISO-8601 UTC, reported verbatim. */
  readonly epochIso: string;
}

/** An observer at the I/O edge: geodetic WGS-84 degrees, height above the ellipsoid in metres. */
export interface NowObserver {
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
  readonly heightM: number;
  readonly name?: string;
}

export interface NowInput {
  readonly elements: NowElements;
  readonly timeScales: TimeScales;
  readonly at: Instant;
  /**
   * Present iff the set is a bundled illustrative sample: the text is listed first among the warnings, the set
   * is flagged stale, and SGP4's 10-year guard is lifted so it still gives an (illustrative) answer.
   */
  readonly sampleWarning?: string;
  readonly observer?: NowObserver;
  /** Include `look` (azimuth, elevation, range, range rate from the observer; null without one). */
  readonly lookAngles?: boolean;
  /** Include `passes`: up to `count` passes starting within `searchDays` days (null without an observer). */
  readonly passes?: { readonly count: number; readonly searchDays: number };
  /**
   * The caller's notes (missing EOP, time-system warnings), listed after the element-set warning. Read when the
   * record is assembled, so messages a TimeScales `onWarning` pushes into this array during the call are kept,
   * in order.
   */
  readonly notes?: readonly string[];
}

export interface NowLook {
  readonly azimuthDeg: number;
  readonly elevationDeg: number;
  readonly rangeKm: number;
  readonly rangeRateKmS: number;
}

export interface NowRecord {
  readonly noradId: number;
  readonly name: string | null;
  /** The instant, ISO-8601 UTC (ms). */
  readonly time: string;
  /** Geodetic WGS-84, deg (4 decimals ≈ 11 m). */
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
  /** Height above the WGS-84 ellipsoid, km (1 m). */
  readonly altitudeKm: number;
  /** Speed in the TEME (inertial) frame, km/s (0.1 m/s). */
  readonly speedKmS: number;
  readonly sunlit: boolean;
  /** Fraction of the solar disc visible from the satellite (0 umbra … 1 full sunlight). */
  readonly sunlitFraction: number;
  readonly elements: {
    readonly epoch: string;
    /** Instant − epoch, days. */
    readonly ageDays: number;
    readonly sample: boolean;
    readonly stale: boolean;
    readonly source: string | null;
  };
  readonly observer: NowObserver | null;
  /** Only when `lookAngles` was asked for. */
  readonly look?: NowLook | null;
  /** Only when `passes` was asked for. */
  readonly passes?: readonly PassRecord[] | null;
  readonly warnings: readonly string[];
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Rejects NaN/∞ before it can reach a JSON record (JSON.stringify would print null). */
function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) throw new RangeError(`${what} is not finite (${x})`);
  return x;
}

/**
 * Computes the record. Throws `PropagationError` (a RangeError) where SGP4 has no valid state, RangeError for an
 * observer out of range or a bad pass request.
 */
export function computeNow(input: NowInput): NowRecord {
  const { elements, at: t, timeScales: ts } = input;
  const set = elements.elementSet;
  const sample = input.sampleWarning !== undefined;
  const utc = ts.utc(t);
  const ageDays = utc.jd1 - 2_400_000.5 + utc.jd2 - elements.epochUtcMjd;
  const stale = isStale(ageDays, sample);
  const site = input.observer === undefined ? undefined : observerFromDegrees(input.observer.latitudeDeg, input.observer.longitudeDeg, input.observer.heightM, input.observer.name);
  const passRequest = input.passes;
  if (passRequest !== undefined) {
    if (!Number.isInteger(passRequest.count) || passRequest.count < 0) throw new RangeError(`pass count must be an integer ≥ 0, got ${passRequest.count}`);
    if (!(passRequest.searchDays > 0 && passRequest.searchDays <= 366)) throw new RangeError(`pass search window must be in (0, 366] days, got ${passRequest.searchDays}`);
  }

  const propagator = Sgp4Propagator.fromElements(set, ts, sample ? { guard: { maxDaysFromEpoch: Number.POSITIVE_INFINITY } } : {});
  const teme = propagator.stateAt(t);
  const itrf = temeToItrf(teme, ts);
  const geo = geodeticFromItrf(itrf.positionKm);
  const tt = t.tt;
  const shadow = shadowGeometry(teme.positionKm, sunPositionTemeKm(tt.jd1, tt.jd2));
  const [vx, vy, vz] = teme.velocityKmS;

  let look: NowLook | null = null;
  if (input.lookAngles === true && site !== undefined) {
    const a = lookAngles(itrf, site);
    look = {
      azimuthDeg: round(finite(a.azimuthRad * DEG, 'azimuth'), 3),
      elevationDeg: round(finite(a.elevationRad * DEG, 'elevation'), 3),
      rangeKm: round(finite(a.rangeKm, 'range'), 3),
      rangeRateKmS: round(finite(a.rangeRateKmS, 'range rate'), 4),
    };
  }
  const own: string[] = [];
  let passes: PassRecord[] | null = null;
  if (passRequest !== undefined && site !== undefined) {
    const prediction = predictPasses(propagator, site, t, passRequest.searchDays * 86_400, ts);
    // A pass already over at the start (risen before the window, no set found) is not a "next" pass.
    passes = prediction.passes.filter((p) => p.truncated !== 'start' || p.set !== null).slice(0, passRequest.count);
    if (prediction.status !== 0) own.push(`pass search stopped early (SGP4 code ${prediction.status}) after ${(prediction.searchedS / 3600).toFixed(1)} h`);
  }

  const first = input.sampleWarning ?? (stale ? staleElementsWarning(set.noradId, elements.epochIso, ageDays) : undefined);
  const o = input.observer;
  return {
    noradId: set.noradId,
    name: set.name ?? null,
    time: ts.toIsoUtc(t, 3),
    latitudeDeg: round(finite(geo.latitudeRad * DEG, 'latitude'), 4),
    longitudeDeg: round(finite(geo.longitudeRad * DEG, 'longitude'), 4),
    altitudeKm: round(finite(geo.heightKm, 'height'), 3),
    speedKmS: round(finite(Math.hypot(vx, vy, vz), 'speed'), 4),
    sunlit: isSunlit(shadow),
    sunlitFraction: round(finite(sunlitFraction(shadow), 'sunlit fraction'), 3),
    elements: { epoch: elements.epochIso, ageDays: round(ageDays, 3), sample, stale, source: set.source?.format ?? null },
    observer: o === undefined ? null : { latitudeDeg: o.latitudeDeg, longitudeDeg: o.longitudeDeg, heightM: o.heightM, ...(o.name === undefined ? {} : { name: o.name }) },
    ...(input.lookAngles === true ? { look } : {}),
    ...(passRequest === undefined ? {} : { passes }),
    warnings: [...(first === undefined ? [] : [first]), ...(input.notes ?? []), ...own],
  };
}
