/**
 * A tabulated Earth-fixed ephemeris: states sampled once at a fixed step and interpolated by cubic Hermite
 * polynomials on position and velocity (e.g. Montenbruck & Gill 2000, §4.1; the interpolant is exact for cubics
 * and its position error is ≤ h⁴/384 · max|r⁽⁴⁾|, ≈ h⁴/384 · n⁴ r for a near-circular orbit: 0.2 mm for the ISS
 * at h = 10 s, 3 cm at h = 30 s; with SGP4 as the source, its velocity not being exactly the derivative of its
 * position adds ≈ 2 cm at h = 10 s). Use it when many observers share one satellite (the ephemeris is then paid
 * once): every `findPasses` call on it costs a few table look-ups per sample instead of a propagation.
 */
import type { EcefSampler } from './pass-finder.js';

export class TabulatedEphemeris implements EcefSampler {
  readonly stepS: number;
  readonly durationS: number;
  /** Interleaved x, y, z, vx, vy, vz per node. */
  private readonly table: Float64Array;
  /** 0, or the source's status code at the first node it failed; the table ends before it. */
  readonly status: number;
  private readonly nodes: number;

  /** Samples `source` every `stepS` over [0, durationS] (plus one node past the end). */
  constructor(source: EcefSampler, durationS: number, stepS: number) {
    if (!(stepS > 0)) throw new RangeError(`table step must be > 0 s, got ${stepS}`);
    if (!(durationS >= 0) || !Number.isFinite(durationS)) throw new RangeError(`duration must be ≥ 0 s, got ${durationS}`);
    const n = Math.ceil(durationS / stepS) + 2;
    if (n > 5e6) throw new RangeError(`table of ${n} nodes is too large (limit 5e6)`);
    this.stepS = stepS;
    this.durationS = durationS;
    this.table = new Float64Array(6 * n);
    const s = new Float64Array(6);
    let status = 0;
    let k = 0;
    for (; k < n; k++) {
      const code = source.sample(k * stepS, s);
      if (code !== 0) {
        status = code;
        break;
      }
      this.table.set(s, 6 * k);
    }
    this.nodes = k;
    this.status = status;
  }

  sample(tS: number, out: Float64Array): number {
    const x = tS / this.stepS;
    let k = Math.floor(x);
    if (k >= this.nodes - 1) {
      if (k === this.nodes - 1 && x === k) k = this.nodes - 2;
      else return this.status !== 0 ? this.status : 1;
    }
    if (k < 0) return 1;
    const h = this.stepS;
    const u = x - k;
    const u2 = u * u;
    const u3 = u2 * u;
    // Hermite basis and derivatives (per unit u)
    const h00 = 2 * u3 - 3 * u2 + 1;
    const h10 = u3 - 2 * u2 + u;
    const h01 = -2 * u3 + 3 * u2;
    const h11 = u3 - u2;
    const d00 = (6 * u2 - 6 * u) / h;
    const d10 = 3 * u2 - 4 * u + 1;
    const d01 = (-6 * u2 + 6 * u) / h;
    const d11 = 3 * u2 - 2 * u;
    const t = this.table;
    const a = 6 * k;
    const b = a + 6;
    for (let i = 0; i < 3; i++) {
      const p0 = t[a + i]!;
      const v0 = t[a + 3 + i]!;
      const p1 = t[b + i]!;
      const v1 = t[b + 3 + i]!;
      out[i] = h00 * p0 + h10 * h * v0 + h01 * p1 + h11 * h * v1;
      out[3 + i] = d00 * p0 + d10 * v0 + d01 * p1 + d11 * v1;
    }
    return 0;
  }
}
