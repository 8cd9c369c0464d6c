/**
 * Sun and Moon positions for the force model from nodes every `stepS` seconds of propagation time, linear in
 * between: the series (Meeus ch. 25 / ch. 47, a few µs each) are then evaluated once per node instead of at every
 * Runge–Kutta stage. Linear interpolation misses the chord sag r·θ²/8 over a node interval of angle θ: at 600 s
 * that is 0.12 km for the Moon (0.55°/h) and 0.3 km for the Sun (0.041°/h), relative errors of 3e-7 and 2e-9
 * — below 1e-18 km/s² in the lunar/solar tidal accelerations at LEO (~1e-12 km/s²) and in SRP. Two nodes are kept,
 * so forward and backward integration both reuse them.
 */
import type { Vec3 } from '../units/index.js';

export class BodyNodes {
  private k = Number.NaN;
  /** Node k at [0..2], node k + 1 at [3..5]. */
  private readonly nodes = new Float64Array(6);

  /** `positionAt(tS)`: geocentric position (km) at `tS` seconds after the propagation epoch. */
  constructor(private readonly stepS: number, private readonly positionAt: (tS: number) => Vec3) {
    if (!(stepS > 0)) throw new RangeError(`node step must be > 0 s, got ${stepS}`);
  }

  /** The interpolated position at `tS` into out[0..2], km. */
  into(tS: number, out: Float64Array): void {
    const x = tS / this.stepS;
    const k = Math.floor(x);
    const n = this.nodes;
    if (k !== this.k) {
      if (k === this.k + 1) n.copyWithin(0, 3, 6);
      else if (k === this.k - 1) {
        n.copyWithin(3, 0, 3);
        n.set(this.positionAt(k * this.stepS), 0);
      } else n.set(this.positionAt(k * this.stepS), 0);
      if (k !== this.k - 1) n.set(this.positionAt((k + 1) * this.stepS), 3);
      this.k = k;
    }
    const f = x - k;
    out[0] = n[0]! + f * (n[3]! - n[0]!);
    out[1] = n[1]! + f * (n[4]! - n[1]!);
    out[2] = n[2]! + f * (n[5]! - n[2]!);
  }
}
