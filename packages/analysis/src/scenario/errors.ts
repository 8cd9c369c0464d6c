/**
 * Why a decay scenario cannot run with the given inputs. A `RangeError` (the inputs are out of what the method
 * supports) with a machine-readable `code` and the numbers an edge needs to word its own message (the CLI's usage
 * errors, the server's 409 answers).
 */
export type DecayScenarioErrorCode = 'no-element-sets' | 'no-start-set' | 'no-space-weather' | 'space-weather-too-late' | 'fit-failed';

export interface DecayScenarioErrorDetails {
  /** `no-start-set`: epoch of the first set, UTC MJD. */
  readonly firstEpochUtcMjd?: number;
  /** `space-weather-too-late`: first day of the space weather, UTC MJD. */
  readonly firstDayUtcMjd?: number;
  /** `fit-failed`: element sets inside the fit window. */
  readonly setsInWindow?: number;
  /** `fit-failed`: the fit window, UTC MJD. */
  readonly fitWindow?: { readonly fromUtcMjd: number; readonly toUtcMjd: number };
}

export class DecayScenarioError extends RangeError {
  override readonly name = 'DecayScenarioError';

  constructor(readonly code: DecayScenarioErrorCode, readonly reason: string, readonly details: DecayScenarioErrorDetails = {}) {
    super(`decay scenario (${code}): ${reason}`);
  }
}
