import { describe, expect, it } from 'vitest';
import { decodeAlpha5, encodeAlpha5, MAX_ALPHA5 } from './alpha5.js';

describe('Alpha-5 catalog numbers (Space-Track: A=10 … Z=33, I and O skipped)', () => {
  it('decodes the documented anchors', () => {
    expect(decodeAlpha5('A0000')).toBe(100_000);
    expect(decodeAlpha5('H9999')).toBe(179_999);
    expect(decodeAlpha5('J0000')).toBe(180_000); // I skipped
    expect(decodeAlpha5('N9999')).toBe(229_999);
    expect(decodeAlpha5('P0000')).toBe(230_000); // O skipped
    expect(decodeAlpha5('T0000')).toBe(270_000);
    expect(decodeAlpha5('Z9999')).toBe(MAX_ALPHA5);
    expect(decodeAlpha5('25544')).toBe(25_544);
    expect(decodeAlpha5('    5')).toBe(5);
    expect(decodeAlpha5('00005')).toBe(5);
  });
  it('rejects I, O, lower case, and letters anywhere but first', () => {
    for (const bad of ['I0000', 'O1234', 't0000', '1A000', 'A000', '', '     ', '12 34', 'AA000']) {
      expect(() => decodeAlpha5(bad), bad).toThrow(RangeError);
    }
  });
  it('encodes every number 0–339999 and decodes it back', () => {
    for (let n = 0; n <= MAX_ALPHA5; n++) {
      const s = encodeAlpha5(n);
      if (s.length !== 5 || decodeAlpha5(s) !== n) expect.fail(`${n} → "${s}"`);
    }
    expect(encodeAlpha5(270_000)).toBe('T0000');
    expect(encodeAlpha5(5, ' ')).toBe('    5');
    expect(() => encodeAlpha5(340_000)).toThrow(RangeError);
    expect(() => encodeAlpha5(-1)).toThrow(RangeError);
    expect(() => encodeAlpha5(1.5)).toThrow(RangeError);
  });
});
