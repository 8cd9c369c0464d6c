/** BodyNodes against the series it interpolates (bodies/moon.ts, bodies/sun.ts; those are checked against ERFA). */
import { describe, expect, it } from 'vitest';
import { moonPositionTemeKm } from '../bodies/moon.js';
import { sunPositionTemeKm } from '../bodies/sun.js';
import { BodyNodes } from './body-nodes.js';

const JD1 = 2_454_730.5;
const JD2 = 0.0178;

describe('BodyNodes (600 s linear nodes)', () => {
  const moonAt = (tS: number): readonly [number, number, number] => moonPositionTemeKm(JD1, JD2 + tS / 86_400);
  const sunAt = (tS: number): readonly [number, number, number] => sunPositionTemeKm(JD1, JD2 + tS / 86_400, false);

  it('Moon within 0.15 km and Sun within 0.4 km of the series over two days, forward and backward', () => {
    const moon = new BodyNodes(600, moonAt);
    const sun = new BodyNodes(600, sunAt);
    const out = new Float64Array(3);
    let worstMoon = 0;
    let worstSun = 0;
    const check = (t: number): void => {
      moon.into(t, out);
      const m = moonAt(t);
      worstMoon = Math.max(worstMoon, Math.hypot(out[0]! - m[0], out[1]! - m[1], out[2]! - m[2]));
      sun.into(t, out);
      const s = sunAt(t);
      worstSun = Math.max(worstSun, Math.hypot(out[0]! - s[0], out[1]! - s[1], out[2]! - s[2]));
    };
    for (let t = 0; t <= 172_800; t += 37.7) check(t);
    for (let t = 172_800; t >= -3_600; t -= 53.1) check(t);
    // Chord sag r·θ²/8 over 600 s: Moon 0.12 km (0.55°/h at 384 000 km), Sun 0.3 km (0.041°/h at 1 AU).
    expect(worstMoon).toBeLessThan(0.15);
    expect(worstSun).toBeLessThan(0.4);
    // At a node it is the series itself (rounding of f = 0 only).
    moon.into(1_200, out);
    expect(Array.from(out)).toEqual(Array.from(moonAt(1_200)));
  });
});
