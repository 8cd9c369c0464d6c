/**
 * ISO 8601 / RFC 3339 date-time text ↔ calendar fields, with leap seconds.
 *
 * Accepted (extended format only): `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS`, with an optional
 * fraction of the second (`.` or `,`, any number of digits) and an optional zone designator `Z`, `±HH`,
 * `±HHMM` or `±HH:MM`. A space or lower-case `t` may separate date and time (RFC 3339 §5.6); no designator means
 * UTC. Seconds may be 60 (a leap second): whether one exists at that moment is checked by `TimeScales` against
 * the leap-second table. Text that does not follow this grammar raises `ParseError` (1-based column of the
 * offending character); well-formed fields out of range (month 13, hour 25) raise `RangeError`.
 */
import { ParseError } from '../errors/index.js';

/** Fields of an ISO date-time as written (local to its zone offset). */
export interface IsoDateTimeFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** Whole seconds, 0–60 (60 only in a leap second). */
  readonly second: number;
  /** Fraction of the second, [0, 1). */
  readonly fractionS: number;
  /** Zone offset east of UTC, minutes (0 for `Z` or no designator). */
  readonly offsetMinutes: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string, reason = 'syntax'): never {
    throw new ParseError(`${message} in ISO date-time ${JSON.stringify(this.text.length > 60 ? this.text.slice(0, 60) + '…' : this.text)}`, 1, this.pos + 1, reason);
  }

  digits(count: number, what: string): number {
    let value = 0;
    for (let i = 0; i < count; i++) {
      const c = this.text.charCodeAt(this.pos);
      if (!isDigit(c)) this.fail(`expected ${count} digits of ${what}`, 'field');
      value = value * 10 + (c - 48);
      this.pos++;
    }
    return value;
  }

  expect(ch: string, what: string): void {
    if (this.text[this.pos] !== ch) this.fail(`expected '${ch}' ${what}`);
    this.pos++;
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }
}

function check(value: number, min: number, max: number, what: string): void {
  if (value < min || value > max) throw new RangeError(`${what} must be ${min}–${max}, got ${value}`);
}

/** Parses ISO 8601 date-time text into its fields. Throws ParseError (syntax) or RangeError (field values). */
export function parseIsoDateTime(text: string): IsoDateTimeFields {
  if (typeof text !== 'string') throw new TypeError('ISO date-time must be a string');
  const s = new Scanner(text);
  const year = s.digits(4, 'year');
  s.expect('-', 'after the year');
  const month = s.digits(2, 'month');
  s.expect('-', 'after the month');
  const day = s.digits(2, 'day');
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fractionS = 0;
  let offsetMinutes = 0;
  if (s.pos < text.length) {
    const sep = s.peek();
    if (sep !== 'T' && sep !== 't' && sep !== ' ') s.fail("expected 'T' between date and time");
    s.pos++;
    hour = s.digits(2, 'hour');
    s.expect(':', 'after the hour');
    minute = s.digits(2, 'minute');
    if (s.peek() === ':') {
      s.pos++;
      second = s.digits(2, 'second');
      const mark = s.peek();
      if (mark === '.' || mark === ',') {
        s.pos++;
        const start = s.pos;
        while (isDigit(text.charCodeAt(s.pos))) s.pos++;
        if (s.pos === start) s.fail('expected digits of the fraction of a second', 'field');
        // A long run of 9s can round to 1: keep the largest double below it so the second is not carried.
        fractionS = Math.min(Number(`0.${text.slice(start, s.pos)}`), 1 - 2 ** -53);
      }
    }
    const zone = s.peek();
    if (zone === 'Z' || zone === 'z') {
      s.pos++;
    } else if (zone === '+' || zone === '-') {
      s.pos++;
      const sign = zone === '-' ? -1 : 1;
      const offH = s.digits(2, 'zone hours');
      let offM = 0;
      if (s.pos < text.length) {
        if (s.peek() === ':') s.pos++;
        offM = s.digits(2, 'zone minutes');
      }
      check(offH, 0, 23, 'zone offset hours');
      check(offM, 0, 59, 'zone offset minutes');
      offsetMinutes = sign * (offH * 60 + offM);
    }
  }
  if (s.pos !== text.length) s.fail('unexpected character');
  check(month, 1, 12, 'month');
  check(day, 1, 31, 'day of month');
  check(hour, 0, 23, 'hour');
  check(minute, 0, 59, 'minute');
  check(second, 0, 60, 'second (60 only in a leap second)');
  return { year, month, day, hour, minute, second, fractionS, offsetMinutes };
}

/** Zero-padded integer. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
