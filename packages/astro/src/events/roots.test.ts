import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brentRoot, goldenMaximum, newtonRoot } from './roots.js';

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

describe('newtonRoot', () => {
  it('finds roots of smooth functions with derivative to the tolerance, fast (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), (root, k) => {
        let last = 0;
        const f = (x: number): number => {
          last = x;
          return k * Math.sin((x - root) / 8) + 0.01 * (x - root);
        };
        const df = (): number => (k / 8) * Math.cos((last - root) / 8) + 0.01;
        const r = newtonRoot(f, df, root - 9, root + 11, f(root - 9), f(root + 11), 1e-9);
        expect(Math.abs(r.x - root)).toBeLessThan(1e-9);
        expect(r.evaluations).toBeLessThan(12);
      }),
    );
  });

  it('falls back to bisection where Newton would leave the bracket (flat derivative)', () => {
    let last = 0;
    const f = (x: number): number => {
      last = x;
      return Math.cbrt(x - 1);
    };
    const df = (): number => (1 / 3) * Math.abs(last - 1) ** (-2 / 3);
    const r = newtonRoot(f, df, -5, 4, f(-5), f(4), 1e-9);
    expect(Math.abs(r.x - 1)).toBeLessThan(1e-8);
  });
});
