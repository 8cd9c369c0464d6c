import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brentRoot, goldenMaximum } from './roots.js';

describe('brentRoot', () => {
  it('finds cos(x) = x to the requested tolerance (Dottie number 0.7390851332151607)', () => {
    const f = (x: number): number => Math.cos(x) - x;
    const r = brentRoot(f, 0, 1, f(0), f(1), 1e-12);
    expect(Math.abs(r.x - 0.7390851332151607)).toBeLessThan(1e-12); // the tolerance asked for
    expect(r.evaluations).toBeLessThan(12);
  });

  it('brackets a root of any cubic with a sign change to within the tolerance (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), (root, k) => {
        const f = (x: number): number => k * (x - root) * ((x - root) * (x - root) + 1);
        const r = brentRoot(f, -20, 20, f(-20), f(20), 1e-9);
        expect(Math.abs(r.x - root)).toBeLessThan(1e-9);
      }),
    );
  });

  it('refuses a bracket without a sign change and a non-positive tolerance', () => {
    const f = (x: number): number => x * x + 1;
    expect(() => brentRoot(f, -1, 1, f(-1), f(1), 1e-6)).toThrow(RangeError);
    expect(() => brentRoot((x) => x, -1, 1, -1, 1, 0)).toThrow(RangeError);
  });
});

describe('goldenMaximum', () => {
  it('finds the maximum of sin on [0, 3] at π/2', () => {
    const r = goldenMaximum(Math.sin, 0, 3, 1e-8);
    expect(Math.abs(r.x - Math.PI / 2)).toBeLessThan(1e-8); // abscissa tolerance requested
  });
});
