import { describe, expect, it } from 'vitest';
import { twilightClass } from './twilight.js';

const D = Math.PI / 180;

describe('twilightClass', () => {
  it('follows the Almanac limits −0°50′, −6°, −12°, −18°', () => {
    expect(twilightClass(10 * D)).toBe('day');
    expect(twilightClass(-0.8 * D)).toBe('day');
    expect(twilightClass(-0.9 * D)).toBe('civil');
    expect(twilightClass(-6 * D)).toBe('civil');
    expect(twilightClass(-6.01 * D)).toBe('nautical');
    expect(twilightClass(-12.5 * D)).toBe('astronomical');
    expect(twilightClass(-18.01 * D)).toBe('night');
  });
  it('rejects impossible altitudes', () => {
    expect(() => twilightClass(2)).toThrow(RangeError);
    expect(() => twilightClass(Number.NaN)).toThrow(RangeError);
  });
});
