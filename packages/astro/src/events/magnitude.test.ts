import { describe, expect, it } from 'vitest';
import { visualMagnitude } from './magnitude.js';

describe('visualMagnitude (Lambertian sphere, McCants standard magnitude)', () => {
  it('equals the standard magnitude at 1000 km and 90° phase', () => {
    expect(Math.abs(visualMagnitude(-1.8, 1000, Math.PI / 2)! - -1.8)).toBeLessThan(1e-12); // exact by definition: rounding only
  });
  it('is 2.5·log10(π) = 1.243 mag brighter at full phase and 5 mag fainter at 10× the range', () => {
    expect(Math.abs(visualMagnitude(0, 1000, 0)! - -2.5 * Math.log10(Math.PI))).toBeLessThan(1e-12);
    expect(Math.abs(visualMagnitude(0, 10_000, Math.PI / 2)! - 5)).toBeLessThan(1e-12);
  });
  it('dims in penumbra, vanishes in umbra, rejects impossible inputs', () => {
    expect(Math.abs(visualMagnitude(0, 1000, 1, 0.5)! - visualMagnitude(0, 1000, 1, 1)! - 2.5 * Math.log10(2))).toBeLessThan(1e-12); // half the disc: 0.753 mag
    expect(visualMagnitude(0, 1000, 1, 0)).toBeNull();
    expect(() => visualMagnitude(0, -1, 1)).toThrow(RangeError);
    expect(() => visualMagnitude(0, 1000, 4)).toThrow(RangeError);
  });
});
