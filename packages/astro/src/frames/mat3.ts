/**
 * 3×3 rotation matrices, row-major in a `Float64Array(9)` (element (i, j) at `m[3 * i + j]`).
 *
 * Conventions follow SOFA/ERFA (IAU SOFA Board, "SOFA Tools for Earth Attitude", 2021): `rotX(φ)`, `rotY(θ)`,
 * `rotZ(ψ)` are the *frame* (passive) rotations R₁, R₂, R₃ of the IERS Conventions 2010 ch. 5, i.e. a
 * positive angle rotates the axes anticlockwise seen from the tip of the axis, so that a fixed vector's
 * components change as v′ = R v. Products read right to left: `mat3Multiply(a, b)` = a·b applies b first.
 *
 * Every function takes an optional `out` so hot loops can work without allocating; `out` may alias an
 * input of `mat3Multiply`/`mat3Transpose` (results are staged in locals first).
 */
import type { Vec3 } from '../units/index.js';

/** A 3×3 matrix, row-major, length 9. */
export type Mat3 = Float64Array;

/** A new matrix (identity when no elements are given). */
export function mat3(elements?: ArrayLike<number>): Mat3 {
  const m = new Float64Array(9);
  if (elements === undefined) {
    m[0] = 1; m[4] = 1; m[8] = 1;
    return m;
  }
  if (elements.length !== 9) throw new RangeError(`a 3×3 matrix needs 9 elements, got ${elements.length}`);
  for (let i = 0; i < 9; i++) m[i] = elements[i] as number;
  return m;
}

/** Frame rotation R₁(φ) about the x axis (ERFA eraRx). */
export function rotX(angleRad: number, out: Mat3 = new Float64Array(9)): Mat3 {
  const c = Math.cos(angleRad), s = Math.sin(angleRad);
  out[0] = 1; out[1] = 0; out[2] = 0;
  out[3] = 0; out[4] = c; out[5] = s;
  out[6] = 0; out[7] = -s; out[8] = c;
  return out;
}

/** Frame rotation R₂(θ) about the y axis (ERFA eraRy). */
export function rotY(angleRad: number, out: Mat3 = new Float64Array(9)): Mat3 {
  const c = Math.cos(angleRad), s = Math.sin(angleRad);
  out[0] = c; out[1] = 0; out[2] = -s;
  out[3] = 0; out[4] = 1; out[5] = 0;
  out[6] = s; out[7] = 0; out[8] = c;
  return out;
}

/** Frame rotation R₃(ψ) about the z axis (ERFA eraRz). */
export function rotZ(angleRad: number, out: Mat3 = new Float64Array(9)): Mat3 {
  const c = Math.cos(angleRad), s = Math.sin(angleRad);
  out[0] = c; out[1] = s; out[2] = 0;
  out[3] = -s; out[4] = c; out[5] = 0;
  out[6] = 0; out[7] = 0; out[8] = 1;
  return out;
}

/** a·b (apply b, then a). `out` may alias a or b. */
export function mat3Multiply(a: Mat3, b: Mat3, out: Mat3 = new Float64Array(9)): Mat3 {
  const a0 = a[0]!, a1 = a[1]!, a2 = a[2]!, a3 = a[3]!, a4 = a[4]!, a5 = a[5]!, a6 = a[6]!, a7 = a[7]!, a8 = a[8]!;
  const b0 = b[0]!, b1 = b[1]!, b2 = b[2]!, b3 = b[3]!, b4 = b[4]!, b5 = b[5]!, b6 = b[6]!, b7 = b[7]!, b8 = b[8]!;
  out[0] = a0 * b0 + a1 * b3 + a2 * b6;
  out[1] = a0 * b1 + a1 * b4 + a2 * b7;
  out[2] = a0 * b2 + a1 * b5 + a2 * b8;
  out[3] = a3 * b0 + a4 * b3 + a5 * b6;
  out[4] = a3 * b1 + a4 * b4 + a5 * b7;
  out[5] = a3 * b2 + a4 * b5 + a5 * b8;
  out[6] = a6 * b0 + a7 * b3 + a8 * b6;
  out[7] = a6 * b1 + a7 * b4 + a8 * b7;
  out[8] = a6 * b2 + a7 * b5 + a8 * b8;
  return out;
}

/** Transpose (the inverse of a rotation). `out` may alias m. */
export function mat3Transpose(m: Mat3, out: Mat3 = new Float64Array(9)): Mat3 {
  const m1 = m[1]!, m2 = m[2]!, m5 = m[5]!;
  out[0] = m[0]!; out[4] = m[4]!; out[8] = m[8]!;
  out[1] = m[3]!; out[3] = m1;
  out[2] = m[6]!; out[6] = m2;
  out[5] = m[7]!; out[7] = m5;
  return out;
}

/** m·v as a new tuple. */
export function mat3MulVec(m: Mat3, v: Vec3): Vec3 {
  const [x, y, z] = v;
  return [
    m[0]! * x + m[1]! * y + m[2]! * z,
    m[3]! * x + m[4]! * y + m[5]! * z,
    m[6]! * x + m[7]! * y + m[8]! * z,
  ];
}

/** mᵀ·v as a new tuple (the inverse rotation without forming the transpose). */
export function mat3TransposeMulVec(m: Mat3, v: Vec3): Vec3 {
  const [x, y, z] = v;
  return [
    m[0]! * x + m[3]! * y + m[6]! * z,
    m[1]! * x + m[4]! * y + m[7]! * z,
    m[2]! * x + m[5]! * y + m[8]! * z,
  ];
}

/**
 * Allocation-free m·(x, y, z) written to `out[offset..offset+2]` (pass `transpose` for mᵀ·v).
 * For batch loops over packed coordinate arrays.
 */
export function mat3MulVecInto(
  m: Mat3, x: number, y: number, z: number, out: Float64Array, offset = 0, transpose = false,
): void {
  if (transpose) {
    out[offset] = m[0]! * x + m[3]! * y + m[6]! * z;
    out[offset + 1] = m[1]! * x + m[4]! * y + m[7]! * z;
    out[offset + 2] = m[2]! * x + m[5]! * y + m[8]! * z;
  } else {
    out[offset] = m[0]! * x + m[1]! * y + m[2]! * z;
    out[offset + 1] = m[3]! * x + m[4]! * y + m[5]! * z;
    out[offset + 2] = m[6]! * x + m[7]! * y + m[8]! * z;
  }
}
