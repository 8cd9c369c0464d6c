/**
 * TLE line checksum (column 69): the sum, modulo 10, of the digits in columns 1–68, each minus sign
 * counting 1 and every other character 0. Definition: NORAD Two-Line Element format as documented by
 * CelesTrak ("NORAD Two-Line Element Set Format", T.S. Kelso) and Hoots & Roehrich 1980, Spacetrack Report #3.
 */

/** Checksum digit (0–9) of the first 68 characters of a TLE line. */
export function tleChecksum(line: string): number {
  let sum = 0;
  const n = Math.min(68, line.length);
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) sum += c - 48;
    else if (c === 45) sum += 1;
  }
  return sum % 10;
}

/** True when column 69 holds the checksum digit of columns 1–68. */
export function hasValidChecksum(line: string): boolean {
  if (line.length < 69) return false;
  const c = line.charCodeAt(68) - 48;
  return c >= 0 && c <= 9 && c === tleChecksum(line);
}
