/** A line a format reader could not use: 1-based line and column, machine-readable reason, message. */
export interface RejectedLine {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  readonly message: string;
}
