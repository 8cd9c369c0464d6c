import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors/index.js';
import { RAD_PER_ARCSEC } from '../units/index.js';
import { parseFinals2000A } from './finals2000a.js';

// Two real rows of finals2000A.all (2005-11-09/10; the second with its UT1 predicted) and a date-only tail row.
const ROW1 = ' 511 9 53683.00 I  0.072445 0.000051  0.395027 0.000078  I-0.6293147 0.0000042  0.7798 0.0033  I     0.262    0.092    -0.108    0.340   .072520   .394700  -.6293110     0.364     0.017  ';
const ROW2 = ' 51110 53684.00 P  0.071000 0.000051  0.396000 0.000078  P-0.6300000 0.0000042                 P     0.200    0.092    -0.100    0.340';
const TAIL = ' 51111 53685.00';

function parseErrorOf(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('expected a ParseError');
}

describe('parseFinals2000A', () => {
  it('reads Bulletin A columns in internal units, marks predictions, skips date-only rows', () => {
    const t = parseFinals2000A([ROW1, ROW2, TAIL, ''].join('\r\n'));
    expect(Array.from(t.mjdUtc)).toEqual([53_683, 53_684]);
    expect(t.ut1MinusUtcS[0]).toBe(-0.629_314_7);
    expect(Math.abs((t.xpRad[0] ?? 0) - 0.072_445 * RAD_PER_ARCSEC)).toBeLessThan(1e-20); // unit conversion only
    expect(Math.abs((t.poleOffset1Rad[0] ?? 0) - (0.262 / 1000) * RAD_PER_ARCSEC)).toBeLessThan(1e-22);
    expect(Array.from(t.ut1Predicted)).toEqual([0, 1]);
    expect(Array.from(t.polarMotionPredicted)).toEqual([0, 1]);
    expect(t.poleOffsetKind).toBe('dXdY');
  });

  it('reads finals.all (IAU 1980) offsets as dψ/dε when told', () => {
    expect(parseFinals2000A(ROW1, { poleOffsets: 'dPsiDEps' }).poleOffsetKind).toBe('dPsiDEps');
  });

  it('reports bad fields with line and column', () => {
    const badUt1 = ROW1.slice(0, 60) + 'x' + ROW1.slice(61);
    expect([parseErrorOf(() => parseFinals2000A(`${ROW1}\n${badUt1.replace('53683', '53684').replace(' 511 9', ' 51110')}`)).line]).toEqual([2]);
    const e = parseErrorOf(() => parseFinals2000A(badUt1));
    expect([e.line, e.column, e.reason]).toEqual([1, 59, 'field']); // UT1−UTC occupies columns 59–68
    const wrongMjd = parseErrorOf(() => parseFinals2000A(ROW1.replace('53683.00', '53684.00')));
    expect([wrongMjd.column, wrongMjd.reason]).toEqual([8, 'inconsistent']);
    const unordered = parseErrorOf(() => parseFinals2000A(`${ROW2}\n${ROW1}`));
    expect([unordered.line, unordered.reason]).toEqual([2, 'order']);
    const flag = parseErrorOf(() => parseFinals2000A(ROW1.slice(0, 16) + 'X' + ROW1.slice(17)));
    expect([flag.column, flag.reason]).toEqual([17, 'field']);
    expect(parseErrorOf(() => parseFinals2000A('')).reason).toBe('empty');
    expect(parseErrorOf(() => parseFinals2000A('short')).reason).toBe('length');
  });
});
