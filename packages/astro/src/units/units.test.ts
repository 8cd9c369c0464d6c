import { describe, expect, it } from 'vitest';
import { cross, degToRad, norm, radToDeg, wrapPi, wrapTwoPi } from './index.js';

describe('units', () => {
  it('degree/radian conversions are inverse to 1e-15 relative (double rounding only)', () => {
    for (const deg of [-720, -180, -0.5, 0, 1e-9, 45, 359.999999]) {
      expect(Math.abs(radToDeg(degToRad(deg)) - deg)).toBeLessThanOrEqual(Math.abs(deg) * 4e-16 + 1e-300);
    }
  });
  it('wraps angles into [0, 2π) and [−π, π)', () => {
    expect(wrapTwoPi(-0.1)).toBeGreaterThanOrEqual(0);
    expect(wrapTwoPi(7 * Math.PI)).toBeLessThan(2 * Math.PI);
    expect(Math.abs(wrapTwoPi(7 * Math.PI) - Math.PI)).toBeLessThan(1e-14);
    expect(Math.abs(wrapPi(3 * Math.PI / 2) + Math.PI / 2)).toBeLessThan(1e-15);
  });
  it('cross product of x and y is z; norm of 3-4-0 is 5', () => {
    expect(cross([1, 0, 0], [0, 1, 0])).toEqual([0, 0, 1]);
    expect(norm([3, 4, 0])).toBe(5);
  });
});
