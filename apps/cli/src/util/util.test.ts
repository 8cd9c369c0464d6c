/** CLI helpers: flag parsing errors become UsageError, CSV quoting per RFC 4180, streamed JSON parses back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../io.js';
import {
  CsvWriter, JsonArrayWriter, choiceOption, csvField, numberOption, orUsageError, parseOptions, parseRange, readFlags, splitArgs,
} from './index.js';

describe('parseOptions and accessors', () => {
  it('reads --a v and --a=v, rejects unknown flags and stray words as UsageError', () => {
    const p = parseOptions(['--elements', 'x.tle', '--frame=ITRF'], { elements: 'string', frame: 'string' });
    expect(p.values['elements']).toBe('x.tle');
    expect(choiceOption(p, 'frame', ['teme', 'itrf'] as const, 'teme')).toBe('itrf');
    expect(() => parseOptions(['--nope'], { elements: 'string' })).toThrow(UsageError);
    expect(() => parseOptions(['stray'], { elements: 'string' })).toThrow(UsageError);
    expect(() => numberOption(parseOptions(['--n', 'abc'], { n: 'string' }), 'n', 's')).toThrow(UsageError);
  });

  it('parseRange needs three finite numbers, STEP > 0, STOP ≥ START', () => {
    expect(parseRange('-10:20.5:0.5', 'm', 'min')).toEqual({ start: -10, stop: 20.5, step: 0.5 });
    for (const bad of ['1:2', '1:2:0', '5:1:1', 'a:b:c', '1::1']) expect(() => parseRange(bad, 'm', 'min')).toThrow(UsageError);
  });
});

describe('writers', () => {
  it('csvField round-trips any string through RFC 4180 quoting (fast-check)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const f = csvField(s);
      const back = f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
      expect(back).toBe(s);
      if (/[",\r\n]/.test(s)) expect(f.startsWith('"')).toBe(true);
    }));
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(0.1)).toBe('0.1');
  });

  it('CsvWriter writes the header and rows; JsonArrayWriter streams a document that parses back', () => {
    let csv = '';
    const w = new CsvWriter({ write: (c: string) => (csv += c) }, ['a', 'b']);
    w.row([1, 'x,y']);
    w.flush();
    expect(csv).toBe('a,b\n1,"x,y"\n');
    let json = '';
    const j = new JsonArrayWriter({ write: (c: string) => (json += c) }, { frame: 'TEME' }, 'samples');
    for (let i = 0; i < 5000; i++) j.item({ i, v: i / 3 });
    j.end();
    const doc = JSON.parse(json) as { frame: string; samples: { i: number; v: number }[] };
    expect(doc.frame).toBe('TEME');
    expect(doc.samples.length).toBe(5000);
    expect(doc.samples[4999]!.v).toBe(4999 / 3);
    let empty = '';
    const e = new JsonArrayWriter({ write: (c: string) => (empty += c) }, {}, 'samples');
    e.end();
    expect(JSON.parse(empty)).toEqual({ samples: [] });
  });
});

describe('readFlags and splitArgs (one scanner, two modes)', () => {
  it('readFlags: options only; a forgotten value is caught, numbers are checked', () => {
    expect(readFlags(['--a=1.5', '--b', 'x'], { a: 'number', b: 'string' })).toEqual({ a: 1.5, b: 'x' });
    expect(() => readFlags(['--b', '--a', '1'], { a: 'number', b: 'string' })).toThrow("option '--b' needs a value");
    expect(() => readFlags(['word'], { a: 'number' })).toThrow("unexpected argument 'word'");
    expect(() => readFlags(['--a', 'x'], { a: 'number' })).toThrow("option '--a' needs a number, got 'x'");
    expect(() => readFlags(['--n', '1,0'], { n: 'numbers' })).toThrow("needs NORAD catalog numbers (1..339999), got '0'");
    expect(() => readFlags(['--s=1'], { s: 'boolean' })).toThrow("option '--s' takes no value");
  });

  it('splitArgs: operands, -- ends the options, values may start with -- but not be empty', () => {
    expect(splitArgs(['info', '--db', '--odd', '--json', '--', '--x'], { db: 'string', json: 'boolean' }))
      .toEqual({ flags: { db: '--odd', json: true }, positional: ['info', '--x'] });
    expect(() => splitArgs(['--db='], { db: 'string' })).toThrow("option '--db' needs a value");
    expect(() => splitArgs(['--nope'], { db: 'string' })).toThrow(UsageError);
  });

  it('orUsageError turns a throw into a UsageError with the reason', () => {
    expect(orUsageError(() => 4, () => 'unused')).toBe(4);
    expect(() => orUsageError(() => { throw new RangeError('bad day'); }, (r) => `--from: ${r}`)).toThrow(new UsageError('--from: bad day'));
  });
});
