import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../units/index.js';
import { mat3, mat3Multiply, mat3MulVec, mat3MulVecInto, mat3Transpose, mat3TransposeMulVec, rotX, rotY, rotZ } from './mat3.js';

const angle = fc.double({ min: -10, max: 10, noNaN: true });
const vec = fc.tuple(fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.double({ min: -1e5, max: 1e5, noNaN: true }));
const dist = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('mat3 rotations', () => {
  it('are frame (passive) rotations as in ERFA: R₃(90°) maps the x axis to −y', () => {
    const v = mat3MulVec(rotZ(Math.PI / 2), [1, 0, 0]);
    expect(dist(v, [0, -1, 0])).toBeLessThan(1e-16);
    expect(dist(mat3MulVec(rotX(Math.PI / 2), [0, 1, 0]), [0, 0, -1])).toBeLessThan(1e-16);
    expect(dist(mat3MulVec(rotY(Math.PI / 2), [0, 0, 1]), [-1, 0, 0])).toBeLessThan(1e-16);
  });

  it('compose, invert by transpose and preserve length (property, 1e-15 relative)', () => {
    fc.assert(fc.property(angle, angle, angle, vec, (a, b, c, v) => {
      const m = mat3Multiply(rotX(a), mat3Multiply(rotY(b), rotZ(c)));
      const w = mat3MulVec(m, v);
      const scale = 1 + Math.hypot(...v);
      expect(Math.abs(Math.hypot(...w) - Math.hypot(...v))).toBeLessThan(1e-15 * scale * 4);
      expect(dist(mat3TransposeMulVec(m, w), v)).toBeLessThan(1e-15 * scale * 8);
      expect(dist(mat3MulVec(mat3Transpose(m), w), v)).toBeLessThan(1e-15 * scale * 8);
      const out = new Float64Array(3);
      mat3MulVecInto(m, v[0], v[1], v[2], out);
      expect([...out]).toEqual([...w]);
      mat3MulVecInto(m, w[0], w[1], w[2], out, 0, true);
      expect(dist([out[0]!, out[1]!, out[2]!], v)).toBeLessThan(1e-15 * scale * 8);
    }));
  });

  it('multiply and transpose tolerate aliasing of out and input', () => {
    const a = rotX(0.3), b = rotZ(-1.1);
    const expected = mat3Multiply(a, b);
    const aliased = mat3(a);
    mat3Multiply(aliased, b, aliased);
    expect([...aliased]).toEqual([...expected]);
    const t = mat3(expected);
    mat3Transpose(t, t);
    expect([...t]).toEqual([...mat3Transpose(expected)]);
  });

  it('mat3 rejects a wrong element count', () => {
    expect(() => mat3([1, 2, 3])).toThrow(RangeError);
  });
});
