/**
 * Small helpers for the fixed-column and whitespace-separated text formats of IERS/USNO/IANA files: every
 * failure becomes a `ParseError` carrying the 1-based line and column of the offending field.
 */
import { ParseError } from '../errors/index.js';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Splits text into lines (LF or CRLF). */
export function splitLines(text: string): string[] {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  return text.split(/\r?\n/);
}

/** Characters `first`..`last` (1-based, inclusive) of `line`, blank-padded when the line is short. */
export function columns(line: string, first: number, last: number): string {
  return line.slice(first - 1, last);
}

/** A decimal number in columns first..last, or undefined when the field is blank. */
export function optionalNumberAt(line: string, lineNo: number, first: number, last: number, what: string): number | undefined {
  const raw = columns(line, first, last);
  const text = raw.trim();
  if (text === '') return undefined;
  if (!NUMBER.test(text)) {
    const offset = raw.length - raw.trimStart().length;
    throw new ParseError(`${what}: '${text}' is not a number`, lineNo, first + offset, 'field');
  }
  return Number(text);
}

/** A decimal number in columns first..last; blank is a ParseError. */
export function numberAt(line: string, lineNo: number, first: number, last: number, what: string): number {
  const value = optionalNumberAt(line, lineNo, first, last, what);
  if (value === undefined) throw new ParseError(`${what} is missing`, lineNo, first, 'field');
  return value;
}

/** A whitespace-separated token with its 1-based column. */
export interface Token {
  readonly text: string;
  readonly column: number;
}

/** Whitespace-separated tokens of a line, with columns. */
export function tokenize(line: string): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push({ text: m[0], column: m.index + 1 });
  return out;
}

/** Parses a token as a decimal number (integer when `integer`), else throws ParseError at its column. */
export function tokenNumber(token: Token | undefined, lineNo: number, what: string, integer = false, lineLength = 0): number {
  if (token === undefined) throw new ParseError(`${what} is missing`, lineNo, lineLength + 1, 'field');
  const ok = integer ? /^[+-]?\d+$/.test(token.text) : NUMBER.test(token.text);
  if (!ok) throw new ParseError(`${what}: '${token.text}' is not ${integer ? 'an integer' : 'a number'}`, lineNo, token.column, 'field');
  return Number(token.text);
}
