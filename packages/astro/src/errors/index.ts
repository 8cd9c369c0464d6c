/**
 * The one error contract of stationkeeper:
 * - text that cannot be parsed → `ParseError` (a `SyntaxError`) carrying 1-based `line` and `column`;
 * - values outside their domain → the built-in `RangeError`, its message naming the quantity and unit;
 * - batch APIs never throw per element: they return a status code per element.
 * Nothing returns NaN silently.
 */
export class ParseError extends SyntaxError {
  override readonly name: string = 'ParseError';
  /** 1-based line of the offending text within the input given to the parser. */
  readonly line: number;
  /** 1-based column (character) of the offending field within that line. */
  readonly column: number;
  /** Machine-readable reason, e.g. `checksum`, `field`, `length`. */
  readonly reason: string;

  constructor(message: string, line: number, column: number, reason = 'syntax') {
    super(`${message} (line ${line}, column ${column})`);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** Throws a RangeError naming the quantity unless `value` is finite. Returns the value for chaining. */
export function requireFinite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${String(value)}`);
  return value;
}
