/**
 * Alpha-5 catalog numbers: the 5-column TLE catalog field extended past 99999 by replacing the leading digit
 * with a letter, A = 10 … Z = 33 with I and O skipped (they read like 1 and 0), so `A0000` = 100000,
 * `T0000` = 270000 and `Z9999` = 339999. Source: US Space Force / Space-Track "Alpha-5" documentation
 * (space-track.org documentation, "Alpha-5"), as used by CelesTrak and Vallado's SGP4 (`SGP4.cpp` alpha-5 handling).
 */

/** Letters in Alpha-5 order; index + 10 is the value of the leading "digit". */
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Largest catalog number a 5-column TLE field can hold (`Z9999`). */
export const MAX_ALPHA5 = 339_999;

/** Value of an Alpha-5 leading letter (10–33), or -1 for a character that is not one (incl. I and O). */
export function alpha5LetterValue(ch: string): number {
  const i = LETTERS.indexOf(ch);
  return ch.length === 1 && i >= 0 ? i + 10 : -1;
}

/**
 * Decodes a 5-character catalog field: digits (optionally left-padded with blanks) or a letter and four digits.
 * Throws RangeError when the text is not a catalog number.
 */
export function decodeAlpha5(text: string): number {
  const t = text.trim();
  if (t.length === 0 || t.length > 5) throw new RangeError(`catalog number must be 1–5 characters, got "${text}"`);
  let value = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if (i === 0 && t.length === 5) {
      const v = alpha5LetterValue(t[0] ?? '');
      if (v < 0) throw new RangeError(`catalog number has an invalid Alpha-5 letter "${t[0] ?? ''}"`);
      value = v;
    } else throw new RangeError(`catalog number has a non-digit "${t[i] ?? ''}"`);
  }
  return value;
}

/**
 * Encodes a catalog number 0–339999 into 5 characters: zero-padded (or blank-padded with `pad = ' '`)
 * below 100000, Alpha-5 above. Throws RangeError outside that range.
 */
export function encodeAlpha5(noradId: number, pad: '0' | ' ' = '0'): string {
  if (!Number.isInteger(noradId) || noradId < 0 || noradId > MAX_ALPHA5) {
    throw new RangeError(`catalog number must be an integer 0–${MAX_ALPHA5} to fit a TLE, got ${noradId}`);
  }
  if (noradId < 100_000) return String(noradId).padStart(5, pad);
  const lead = Math.floor(noradId / 10_000);
  return (LETTERS[lead - 10] ?? '') + String(noradId % 10_000).padStart(4, '0');
}
