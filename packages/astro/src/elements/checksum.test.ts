import { describe, expect, it } from 'vitest';
import { hasValidChecksum, tleChecksum } from './checksum.js';

// The ISS example TLE of CelesTrak's "NORAD Two-Line Element Set Format" page (checksums 7 and 7).
const L1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
const L2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';

describe('TLE checksum', () => {
  it('reproduces the published checksums (minus signs count 1)', () => {
    expect(tleChecksum(L1)).toBe(7);
    expect(tleChecksum(L2)).toBe(7);
    expect(hasValidChecksum(L1)).toBe(true);
    expect(hasValidChecksum(L2)).toBe(true);
  });
  it('counts a minus as 1, a plus, letters, blanks and dots as 0', () => {
    expect(tleChecksum('-'.repeat(68))).toBe(68 % 10);
    expect(tleChecksum('+.A '.repeat(17))).toBe(0);
    expect(tleChecksum('9'.repeat(68))).toBe((9 * 68) % 10);
  });
  it('rejects a wrong, missing or non-digit checksum column', () => {
    expect(hasValidChecksum(L1.slice(0, 68) + '8')).toBe(false);
    expect(hasValidChecksum(L1.slice(0, 68))).toBe(false);
    expect(hasValidChecksum(L1.slice(0, 68) + 'X')).toBe(false);
  });
});
