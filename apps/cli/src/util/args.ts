/**
 * Command-line flags through `node:util` `parseArgs`, with every failure turned into a `UsageError` (exit 2)
 * and typed accessors for numbers, ranges and choices. Values stay strings until a command asks for a type.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../io.js';

/** Option names → 'string' (takes a value) or 'boolean' (a switch). */
export type OptionSpec = Readonly<Record<string, 'string' | 'boolean'>>;

export interface ParsedOptions {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/** Parses `--name value`, `--name=value` and switches; unknown options, stray arguments and missing values → UsageError. */
export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const [name, type] of Object.entries(spec)) options[name] = { type };
  try {
    const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
    return { values: values as Record<string, string | boolean | undefined> };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

/** A string option, or undefined when absent. */
export function stringOption(p: ParsedOptions, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A finite number from a string option (with its unit in the message), or undefined when absent. */
export function numberOption(p: ParsedOptions, name: string, unit: string): number | undefined {
  const v = stringOption(p, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} needs a number (${unit}), got '${v}'`);
  return n;
}

/** One of a fixed set of words (case-insensitive); `fallback` when absent. */
export function choiceOption<T extends string>(p: ParsedOptions, name: string, choices: readonly T[], fallback: T): T {
  const v = stringOption(p, name);
  if (v === undefined) return fallback;
  const lower = v.toLowerCase();
  const hit = choices.find((c) => c === lower);
  if (hit === undefined) throw new UsageError(`--${name} must be one of ${choices.join(', ')}; got '${v}'`);
  return hit;
}

/** `START:STOP:STEP` with finite numbers, STEP > 0 and STOP ≥ START (unit named in messages). */
export function parseRange(text: string, name: string, unit: string): { start: number; stop: number; step: number } {
  const parts = text.split(':');
  const nums = parts.map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
  if (parts.length !== 3 || !nums.every(Number.isFinite)) {
    throw new UsageError(`--${name} must be START:STOP:STEP in ${unit}, got '${text}'`);
  }
  const [start, stop, step] = nums as [number, number, number];
  if (!(step > 0)) throw new UsageError(`--${name}: STEP must be > 0 ${unit}, got ${step}`);
  if (stop < start) throw new UsageError(`--${name}: STOP (${stop}) must not precede START (${start})`);
  return { start, stop, step };
}

/**
 * The sample times of a START:STOP:STEP range as the SGP4 reference test driver makes them: START, START + k·STEP
 * while below STOP, then STOP itself last (once, even when it falls on the grid). Refuses more than `max` samples.
 */
export function rangeSamples(start: number, stop: number, step: number, max = 10_000_000): number[] {
  const count = Math.floor((stop - start) / step);
  if (count + 2 > max) throw new UsageError(`range gives more than ${max} samples per object; use a larger step`);
  const out: number[] = [];
  for (let k = 0; ; k++) {
    const t = start + k * step;
    if (!(t < stop)) break;
    out.push(t);
  }
  out.push(stop);
  return out;
}
