/**
 * `stationkeeper history --norad N` — an object's element history from the store: epoch, mean altitude,
 * perigee/apogee altitude, mean motion, B*. Mean altitude = Brouwer mean semi-major axis (SGP4's un-Kozai'd
 * mean motion, WGS-72; Vallado et al. 2006) minus the WGS-84 equatorial radius 6378.137 km
 * (`historyRow` in @stationkeeper/data/store). `--plot FILE.svg` charts the mean altitude.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isoToUtcMjd, utcMjdToIso, calendarToMjd } from '@stationkeeper/data/formats';
import { isIssSample, issSampleWarning } from '@stationkeeper/data/sample';
import { WGS84_EQUATORIAL_RADIUS_KM, historyRow, type HistoryRow } from '@stationkeeper/data/store';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';
import { lineChartSvg, type ChartTick } from '../plot/index.js';
import { STORE_FLAGS, openCliStore, orUsageError, splitArgs } from '../util/index.js';

export const ALTITUDE_NOTE = `mean altitude = Brouwer mean semi-major axis (SGP4 un-Kozai, WGS-72) − WGS-84 equatorial radius ${WGS84_EQUATORIAL_RADIUS_KM} km`;

const COLUMNS = ['epoch_utc', 'mean_altitude_km', 'perigee_altitude_km', 'apogee_altitude_km', 'mean_motion_rev_per_day', 'bstar_per_earth_radius'] as const;

function cells(r: HistoryRow): string[] {
  return [
    r.epochIso.replace(/\.(\d{3})\d*Z$/, '.$1Z'),
    r.meanAltitudeKm.toFixed(3),
    r.perigeeAltitudeKm.toFixed(3),
    r.apogeeAltitudeKm.toFixed(3),
    r.meanMotionRevPerDay.toFixed(8),
    r.bstar.toExponential(4),
  ];
}

function parseTime(flag: string, value: string | undefined): number | undefined {
  return value === undefined ? undefined : orUsageError(() => isoToUtcMjd(value), (reason) => `--${flag}: ${reason}`);
}

/** Ticks at the first of each month (or of each year for spans over 4 years). */
export function monthTicks(fromMjd: number, toMjd: number): ChartTick[] {
  const start = new Date(utcMjdToIso(fromMjd, 0));
  const years = (toMjd - fromMjd) / 365.25 > 4;
  const span = (toMjd - fromMjd) / 30.44;
  const every = years ? 12 : span > 24 ? 3 : span > 12 ? 2 : 1;
  const ticks: ChartTick[] = [];
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + 1;
  for (let guard = 0; guard < 2000; guard++) {
    const mjd = calendarToMjd(y, m, 1);
    if (mjd > toMjd) break;
    if (mjd >= fromMjd && (m - 1) % every === 0) ticks.push({ value: mjd, label: years ? String(y) : `${y}-${String(m).padStart(2, '0')}` });
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return ticks;
}

export function historySvg(noradId: number, rows: readonly HistoryRow[], name: string | null): string {
  const first = rows[0]?.epochUtcMjd ?? 0;
  const last = rows.at(-1)?.epochUtcMjd ?? 0;
  return lineChartSvg({
    title: `${name ?? `NORAD ${noradId}`} (${noradId}) mean altitude, ${utcMjdToIso(first, 0).slice(0, 10)} – ${utcMjdToIso(last, 0).slice(0, 10)}`,
    xLabel: `epoch (UTC); ${ALTITUDE_NOTE}`,
    yLabel: 'mean altitude (km)',
    series: [{ name: 'mean altitude (km)', points: rows.map((r) => [r.epochUtcMjd, r.meanAltitudeKm] as const) }],
    xTicks: monthTicks(first, last),
  });
}

export const historyCommand: Command = {
  name: 'history',
  summary: "an object's element history: epoch, mean/perigee/apogee altitude, mean motion, B*",
  help: `Usage: stationkeeper history --norad N [--from ISO] [--to ISO] [--format table|csv|json] [--plot FILE.svg]

Lists every stored element set of catalog number N with epochs in [--from, --to] (ISO-8601 UTC, inclusive):
epoch (UTC), mean altitude, perigee and apogee altitude (km), mean motion (rev/day), B* (1/Earth radii).
${ALTITUDE_NOTE}; perigee/apogee = a(1 ∓ e) − the same radius. These are mean-element altitudes: reboosts
show as steps, the ±10 km swing of the osculating altitude over an orbit does not.

Options:
  --norad N           NORAD catalog number (required; the ISS is 25544)
  --from ISO          first epoch, e.g. 2021-01-01 or 2021-01-01T00:00:00Z (default: all)
  --to ISO            last epoch (default: all)
  --format F          table (default), csv or json
  --plot FILE.svg     also write an SVG chart of the mean altitude
  --db PATH|URL       store (env STATIONKEEPER_DB / STATIONKEEPER_DATABASE_URL)
  --config FILE       config file (env STATIONKEEPER_CONFIG)

Example:
  stationkeeper history --norad 25544 --from 2021-01-01 --to 2022-01-01 --plot iss-2021.svg
`,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, positional } = splitArgs(args, { ...STORE_FLAGS, norad: 'string', from: 'string', to: 'string', format: 'string', plot: 'string' });
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0] ?? ''}'`);
    const noradText = flags['norad'];
    if (typeof noradText !== 'string') throw new UsageError('missing --norad N (NORAD catalog number, e.g. 25544)');
    const noradId = Number(noradText);
    if (!Number.isInteger(noradId) || noradId < 1 || noradId > 339_999) throw new UsageError(`--norad must be a catalog number 1–339999, got '${noradText}'`);
    const format = (flags['format'] as string | undefined) ?? 'table';
    if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(`--format must be table, csv or json, got '${format}'`);
    const fromUtcMjd = parseTime('from', flags['from'] as string | undefined);
    const toUtcMjd = parseTime('to', flags['to'] as string | undefined);
    if (fromUtcMjd !== undefined && toUtcMjd !== undefined && toUtcMjd < fromUtcMjd) throw new UsageError('--to is before --from');

    const { store } = await openCliStore(io, flags, new Date());
    let rows: HistoryRow[];
    let name: string | null;
    let usesSample: boolean;
    try {
      const sets = await store.elementHistory(noradId, {
        ...(fromUtcMjd !== undefined ? { fromUtcMjd } : {}),
        ...(toUtcMjd !== undefined ? { toUtcMjd } : {}),
      });
      rows = sets.map(historyRow);
      usesSample = sets.some((s) => isIssSample(s.elementSet));
      name = (await store.objects([noradId]))[0]?.name ?? null;
    } finally {
      await store.close();
    }
    if (rows.length === 0) {
      io.stderr.write(`stationkeeper history: no element sets for NORAD ${noradId} in that range; import some ('stationkeeper import FILE') or 'stationkeeper update --norad ${noradId}'\n`);
      return 1;
    }
    // The bundled sample (seeded into an empty store by a first run) is stale: every output using it says so.
    if (usesSample) io.stderr.write(`${issSampleWarning()}\n`);
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify({ noradId, name, altitudeReference: ALTITUDE_NOTE, rows }, null, 1)}\n`);
    } else if (format === 'csv') {
      io.stdout.write(`${COLUMNS.join(',')}\n${rows.map((r) => cells(r).join(',')).join('\n')}\n`);
    } else {
      const table = [COLUMNS.map((c) => c.replace(/_/g, ' ')), ...rows.map(cells)];
      const widths = COLUMNS.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
      const lines = table.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '));
      io.stdout.write(`${name ?? `NORAD ${noradId}`} (${noradId}): ${rows.length} element sets; ${ALTITUDE_NOTE}\n${lines.join('\n')}\n`);
    }
    const plot = flags['plot'];
    if (typeof plot === 'string') {
      const path = resolve(io.cwd, plot);
      writeFileSync(path, historySvg(noradId, rows, name));
      io.stderr.write(`wrote ${plot} (${rows.length} points)\n`);
    }
    return 0;
  },
};
