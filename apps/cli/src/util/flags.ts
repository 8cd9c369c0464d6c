/**
 * The hand-rolled flag reader behind most commands (`parseOptions` in args.ts wraps node:util `parseArgs`
 * for `propagate`). Two modes share one scanner:
 * - `readFlags`: options only. A word that is not `--name` is an error; a value given as the next word may not
 *   start with `--` (so a forgotten value is caught); `numbers` flags repeat and take comma lists of NORAD ids.
 * - `splitArgs`: commands with operands (`db info`, `import FILE...`). Other words are operands, `--` ends the
 *   options, a value may start with `--` but may not be empty.
 * Every failure is a `UsageError` (exit 2).
 */
import { UsageError } from '../io.js';

export type FlagKind = 'string' | 'number' | 'boolean' | 'numbers';
export type FlagValues = Record<string, string | number | boolean | number[] | undefined>;

/** Catalog numbers accepted by `numbers` flags (SGP4's 9-digit Alpha-5 range ends at 339999). */
const MAX_NORAD_ID = 339_999;

function scan(args: readonly string[], spec: Readonly<Record<string, FlagKind>>, operands: string[] | undefined): FlagValues {
  const out: FlagValues = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (operands !== undefined && arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      if (operands === undefined) throw new UsageError(`unexpected argument '${arg}'`);
      operands.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`unknown option '--${name}'`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`option '--${name}' takes no value`);
      out[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    // Options only: a following `--word` means the value was forgotten. With operands: any non-empty value.
    if (value === undefined || (operands === undefined ? eq < 0 && value.startsWith('--') : value === '')) {
      throw new UsageError(`option '--${name}' needs a value`);
    }
    if (kind === 'string') out[name] = value;
    else if (kind === 'number') {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`option '--${name}' needs a number, got '${value}'`);
      out[name] = n;
    } else {
      const list = (out[name] as number[] | undefined) ?? [];
      for (const part of value.split(',')) {
        const n = Number(part);
        if (part.trim() === '' || !Number.isInteger(n) || n < 1 || n > MAX_NORAD_ID) {
          throw new UsageError(`option '--${name}' needs NORAD catalog numbers (1..${MAX_NORAD_ID}), got '${part}'`);
        }
        list.push(n);
      }
      out[name] = list;
    }
  }
  return out;
}

/** Reads `--name value`, `--name=value` and boolean `--name`; `numbers` flags repeat and accept commas. */
export function readFlags(args: readonly string[], spec: Readonly<Record<string, FlagKind>>): FlagValues {
  return scan(args, spec, undefined);
}

export type ArgValue = string | boolean;

/** Splits `--name value` / `--name=value` / boolean flags from operands (everything after `--` is an operand). */
export function splitArgs(
  args: readonly string[],
  spec: Readonly<Record<string, 'string' | 'boolean'>>,
): { flags: Record<string, ArgValue>; positional: string[] } {
  const positional: string[] = [];
  const flags = scan(args, spec, positional) as Record<string, ArgValue>;
  return { flags, positional };
}

/** A number flag that must be given, within [min, max] unit. */
export function requireNumber(flags: FlagValues, name: string, min: number, max: number, unit: string): number {
  const v = flags[name];
  if (v === undefined) throw new UsageError(`missing --${name} (${unit})`);
  return checkRange(v as number, name, min, max, unit);
}

/** `v` if within [min, max] unit, else a UsageError naming the flag. */
export function checkRange(v: number, name: string, min: number, max: number, unit: string): number {
  if (v < min || v > max) throw new UsageError(`--${name} must be within ${min}…${max} ${unit}, got ${v}`);
  return v;
}

/** `compute()`, with any error it throws turned into a UsageError whose text `message` makes from the reason. */
export function orUsageError<T>(compute: () => T, message: (reason: string) => string): T {
  try {
    return compute();
  } catch (error) {
    throw new UsageError(message(error instanceof Error ? error.message : String(error)));
  }
}
