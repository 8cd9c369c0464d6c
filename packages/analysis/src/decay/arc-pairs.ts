/**
 * Arc-to-arc validation of the drag-parameter fit on a maneuvering object's element history (issue 6 acceptance:
 * "with the ballistic coefficient fitted on one reboost-free arc, predict the decay of the next reboost-free arc
 * within 15 % of the observed altitude loss; report every arc you try"). Every consecutive pair of maneuver-free
 * arcs is tried; the drag parameter comes from `fitBallisticCoefficient` on the first arc alone, the prediction
 * runs the averaged propagator from the second arc's robust start point to its end, and the observed loss is
 * model-free: the change between the second arc's robust end points (median of the sets within a day of each
 * end). Pairs with an arc shorter than `minArcDays` are reported as skipped.
 */
import type { Atmosphere } from '@stationkeeper/astro/atmosphere';
import { arcEndpoint, fitBallisticCoefficient, predictedDeltaAKm, splitAtManeuvers, type HistoryPoint } from './ballistic-fit.js';

export interface ArcSpan {
  readonly fromUtcMjd: number;
  readonly toUtcMjd: number;
  readonly sets: number;
}

export interface ArcPairResult {
  readonly fitArc: ArcSpan;
  readonly predictedArc: ArcSpan;
  /** Why the pair was not evaluated (an arc too short, or no fit); absent when it was. */
  readonly skipped?: string;
  readonly cdAOverMM2Kg?: number;
  readonly sigmaM2Kg?: number;
  /** Observed a(start) − a(end) of the predicted arc, km (> 0 for a decay). */
  readonly observedLossKm?: number;
  readonly predictedLossKm?: number;
  /** predicted / observed − 1. */
  readonly relativeError?: number;
}

export interface ArcPairOptions {
  readonly atmosphere: Atmosphere;
  /** Shortest arc evaluated, days (default 3: shorter arcs lose less than the set-to-set scatter resolves). */
  readonly minArcDays?: number;
  /** Fit method (default least-squares). */
  readonly method?: 'least-squares' | 'end-points';
}

const spanOf = (a: readonly HistoryPoint[]): ArcSpan => ({ fromUtcMjd: a[0]!.utcMjd, toUtcMjd: a[a.length - 1]!.utcMjd, sets: a.length });

/** Every consecutive pair of maneuver-free arcs of a history, fitted on the first and predicted on the second. */
export function arcPairPredictions(points: readonly HistoryPoint[], options: ArcPairOptions): ArcPairResult[] {
  const minDays = options.minArcDays ?? 3;
  const { arcs } = splitAtManeuvers(points);
  const out: ArcPairResult[] = [];
  for (let k = 0; k + 1 < arcs.length; k++) {
    const a = arcs[k]!;
    const b = arcs[k + 1]!;
    const fitArc = spanOf(a);
    const predictedArc = spanOf(b);
    if (fitArc.toUtcMjd - fitArc.fromUtcMjd < minDays || predictedArc.toUtcMjd - predictedArc.fromUtcMjd < minDays) {
      out.push({ fitArc, predictedArc, skipped: `an arc is shorter than ${minDays} days` });
      continue;
    }
    let fit;
    try {
      fit = fitBallisticCoefficient(a, fitArc.fromUtcMjd, fitArc.toUtcMjd, {
        atmosphere: options.atmosphere, ...(options.method !== undefined ? { method: options.method } : {}),
      });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      out.push({ fitArc, predictedArc, skipped: 'no measurable decay on the fit arc' });
      continue;
    }
    const b0 = arcEndpoint(b, 'start');
    const b1 = arcEndpoint(b, 'end');
    const observed = b0.orbit.aKm - b1.orbit.aKm;
    const predicted = -predictedDeltaAKm(b0.orbit, b1.utcMjd, fit.cdAOverMM2Kg, options.atmosphere);
    out.push({
      fitArc, predictedArc, cdAOverMM2Kg: fit.cdAOverMM2Kg, sigmaM2Kg: fit.sigmaM2Kg,
      observedLossKm: observed, predictedLossKm: predicted, relativeError: predicted / observed - 1,
    });
  }
  return out;
}
