/** Messages between `DecayWorkerPool` and its worker threads (structured-clone data only). */

export interface DecayJobSetup {
  readonly type: 'setup';
  readonly job: number;
  /** Module specifier the worker imports (default `@stationkeeper/analysis/decay`). */
  readonly module: string;
  /** Export of that module that turns the spec into a per-sample runner (default `monteCarloRunner`). */
  readonly factory: string;
  readonly spec: unknown;
}

export interface DecayJobChunk {
  readonly type: 'chunk';
  readonly job: number;
  readonly first: number;
  readonly samples: readonly unknown[];
}

export type DecayWorkerRequest = DecayJobSetup | DecayJobChunk;

export type DecayWorkerReply =
  | { readonly type: 'done'; readonly job: number; readonly first: number; readonly results: readonly unknown[] }
  | { readonly type: 'error'; readonly job: number; readonly message: string };
