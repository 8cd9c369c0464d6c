/**
 * `stationkeeper propagate` — SGP4/SDP4 states for every element set in a file (TLE/3LE/OMM), at minutes from
 * each element epoch (`--minutes START:STOP:STEP`, the reference test driver's convention) or at calendar times
 * (`--from ISO --to ISO --step-s N`), in TEME (SGP4's own frame), ITRF, GCRF or WGS-84 geodetic coordinates.
 * Chain: element file → `@stationkeeper/astro/sgp4` (Vallado et al. 2006) → `@stationkeeper/astro/frames`
 * (TEME→PEF by GMST-82, polar motion and IAU 2006/2000A from `--eop`). See docs/sgp4.md.
 */
import { parseElementFile, type ElementSet } from '@stationkeeper/astro/elements';
import { geodeticFromItrf, temeToGcrf, temeToItrf, type StateVector } from '@stationkeeper/astro/frames';
import { Sgp4, minutesSinceEpoch, sgp4CodeMessage } from '@stationkeeper/astro/sgp4';
import { createTimeScales, parseFinals2000A, type Instant, type TimeScales } from '@stationkeeper/astro/time';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';
import {
  CsvWriter, JsonArrayWriter, choiceOption, numberOption, orUsageError, parseOptions, parseRange, rangeSamples, readInputText,
  stringOption,
} from '../util/index.js';

const FRAMES = ['teme', 'itrf', 'gcrf', 'geodetic'] as const;
type FrameChoice = (typeof FRAMES)[number];
const DEG_PER_RAD = 180 / Math.PI;
const MAX_SAMPLES = 50_000_000;
/** `--lenient`: what the reference test driver's twoline2rv accepts (no checksum, columns after 69 ignored). */
const LENIENT_TLE = { verifyChecksum: false, trailingText: 'ignore' } as const;

const help = `Usage: stationkeeper propagate --elements FILE --minutes START:STOP:STEP [options]
       stationkeeper propagate --elements FILE --from ISO --to ISO --step-s N [options]

SGP4/SDP4 (Vallado et al. 2006, WGS-72, improved mode) for every element set in FILE (TLE, 3LE or OMM;
gzip accepted). One row per object and time; objects in file order.

Times (one of):
  --minutes START:STOP:STEP  minutes from each element epoch: START, START+STEP, … while below STOP, then STOP
  --from ISO --to ISO        UTC calendar window (ISO 8601), with
  --step-s N                 step in seconds (> 0); the window's end is always the last sample

Options:
  --frame teme|itrf|gcrf|geodetic   output frame (default teme). itrf/gcrf/geodetic need Earth orientation:
  --eop FILE                 IERS finals2000A (plain or gzip); without it UT1 = UTC and no polar motion
                             (said on stderr; ~0.4 km along-track at LEO per 0.9 s of |UT1 − UTC|)
  --format csv|json          output format (default csv)
  --lenient                  read TLE lines as the reference driver's twoline2rv does: checksums not verified,
                             text after column 69 ignored (Vallado's SGP4-VER.TLE: hand-edited cases, and
                             start/stop/step after column 69). Without it such records are skipped with a reason.

CSV columns: norad,minutes,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s,error (teme, itrf, gcrf)
             norad,minutes,latitude_deg,longitude_deg,height_km,error (geodetic, WGS-84)
With --from/--to a utc column follows norad. error is the SGP4 code (0 valid; 1–6 Vallado's; 7 decay guard;
8 out of range, > 10 years from epoch; see docs/sgp4.md); rows with an error have empty state fields.

Example:
  stationkeeper propagate --elements iss.tle --minutes 0:1440:60 --frame geodetic
`;

interface Sample {
  readonly minutes: number;
  readonly instant?: Instant;
}

function header(frame: FrameChoice, calendar: boolean): string[] {
  const head = calendar ? ['norad', 'utc', 'minutes'] : ['norad', 'minutes'];
  return frame === 'geodetic'
    ? [...head, 'latitude_deg', 'longitude_deg', 'height_km', 'error']
    : [...head, 'x_km', 'y_km', 'z_km', 'vx_km_s', 'vy_km_s', 'vz_km_s', 'error'];
}

function timeScales(io: CliIo, eopPath: string | undefined, frame: FrameChoice): TimeScales {
  if (eopPath === undefined) {
    if (frame !== 'teme') {
      io.stderr.write('stationkeeper propagate: no Earth-orientation data (--eop): UT1 = UTC, no polar motion, no celestial-pole offsets\n');
    }
    return createTimeScales({ onWarning: () => undefined });
  }
  let eop;
  try {
    eop = parseFinals2000A(readInputText(io, eopPath, 'EOP file'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot parse EOP file '${eopPath}': ${(error as Error).message}`);
  }
  return createTimeScales({ eop, onWarning: (m) => io.stderr.write(`stationkeeper propagate: ${m}\n`) });
}

/** Runs `propagate` with parsed arguments; resolves to the exit code. */
async function run(args: readonly string[], io: CliIo): Promise<number> {
  const p = parseOptions(args, {
    elements: 'string', minutes: 'string', from: 'string', to: 'string', 'step-s': 'string',
    frame: 'string', format: 'string', eop: 'string', lenient: 'boolean',
  });
  const lenient = p.values['lenient'] === true;
  const elementsPath = stringOption(p, 'elements');
  if (elementsPath === undefined) throw new UsageError('missing --elements FILE');
  const frame = choiceOption(p, 'frame', FRAMES, 'teme');
  const format = choiceOption(p, 'format', ['csv', 'json'] as const, 'csv');
  const minutesText = stringOption(p, 'minutes');
  const fromText = stringOption(p, 'from');
  const toText = stringOption(p, 'to');
  const stepS = numberOption(p, 'step-s', 's');
  const calendar = fromText !== undefined || toText !== undefined || stepS !== undefined;
  if (calendar === (minutesText !== undefined)) {
    throw new UsageError('give either --minutes START:STOP:STEP or --from ISO --to ISO --step-s N');
  }
  if (calendar && (fromText === undefined || toText === undefined || stepS === undefined)) {
    throw new UsageError('--from, --to and --step-s go together');
  }
  const ts = timeScales(io, stringOption(p, 'eop'), frame);

  // Times: per-object minutes (--minutes) or common instants (--from/--to).
  let minuteGrid: number[] = [];
  let instants: Instant[] = [];
  if (minutesText !== undefined) {
    const r = parseRange(minutesText, 'minutes', 'minutes');
    minuteGrid = rangeSamples(r.start, r.stop, r.step, MAX_SAMPLES);
  } else {
    const [from, to] = orUsageError(() => [ts.fromUtcIso(fromText!), ts.fromUtcIso(toText!)] as const, (reason) => `--from/--to: ${reason}`);
    if (!(stepS! > 0)) throw new UsageError(`--step-s must be > 0 s, got ${stepS}`);
    const spanS = to.secondsSince(from);
    if (spanS < 0) throw new UsageError('--to must not precede --from');
    instants = rangeSamples(0, spanS, stepS!, MAX_SAMPLES).map((s) => (s === spanS ? to : from.plusSeconds(s)));
  }

  const parsed = parseElementFile(readInputText(io, elementsPath, 'element file'), lenient ? LENIENT_TLE : {});
  for (const r of parsed.rejected) io.stderr.write(`stationkeeper propagate: skipped record at line ${r.line}: ${r.message}\n`);
  const hint = !lenient && parsed.rejected.some((r) => r.reason === 'checksum' || r.reason === 'length')
    ? ' (--lenient reads checksum mismatches and text after column 69 as the reference driver does)'
    : '';
  if (hint !== '' && parsed.records.length > 0) io.stderr.write(`stationkeeper propagate: records skipped${hint}\n`);
  if (parsed.records.length === 0) throw new UsageError(`no element sets in '${elementsPath}'${hint}`);
  const perObject = calendar ? instants.length : minuteGrid.length;
  if (parsed.records.length * perObject > MAX_SAMPLES) {
    throw new UsageError(`${parsed.records.length} objects × ${perObject} times exceeds ${MAX_SAMPLES} rows; narrow the range`);
  }

  const csv = format === 'csv' ? new CsvWriter(io.stdout, header(frame, calendar)) : undefined;
  const json = format === 'json'
    ? new JsonArrayWriter(io.stdout, { frame: frame.toUpperCase(), model: 'SGP4 (Vallado et al. 2006), WGS-72, opsmode i', columns: header(frame, calendar) }, 'samples')
    : undefined;
  const buf = new Float64Array(6);
  let failures = 0;

  const emit = (es: ElementSet, sat: Sgp4, sample: Sample): void => {
    const code = sat.propagateMinutesInto(sample.minutes, buf);
    const head: (string | number)[] = [es.noradId];
    if (calendar) head.push(ts.toIsoUtc(sample.instant!, 3));
    head.push(sample.minutes);
    let values: (number | null)[];
    if (code !== 0) {
      values = frame === 'geodetic' ? [null, null, null] : [null, null, null, null, null, null];
    } else if (frame === 'teme') {
      values = [buf[0]!, buf[1]!, buf[2]!, buf[3]!, buf[4]!, buf[5]!];
    } else {
      const instant = sample.instant ?? ts.fromUtcJd(es.epochUtc.jd1, es.epochUtc.jd2 + sample.minutes / 1440);
      const teme: StateVector<'TEME'> = {
        frame: 'TEME', instant, positionKm: [buf[0]!, buf[1]!, buf[2]!], velocityKmS: [buf[3]!, buf[4]!, buf[5]!],
      };
      if (frame === 'gcrf') {
        const g = temeToGcrf(teme, ts);
        values = [...g.positionKm, ...g.velocityKmS];
      } else {
        const itrf = temeToItrf(teme, ts);
        if (frame === 'itrf') values = [...itrf.positionKm, ...itrf.velocityKmS];
        else {
          const geo = geodeticFromItrf(itrf.positionKm);
          values = [geo.latitudeRad * DEG_PER_RAD, geo.longitudeRad * DEG_PER_RAD, geo.heightKm];
        }
      }
    }
    const row = [...head, ...values, code];
    if (csv !== undefined) csv.row(row);
    else json!.item(Object.fromEntries(header(frame, calendar).map((k, i) => [k, row[i]])));
  };

  for (const es of parsed.records) {
    let sat: Sgp4;
    try {
      sat = Sgp4.fromElements(es);
    } catch (error) {
      failures++;
      io.stderr.write(`stationkeeper propagate: NORAD ${es.noradId} skipped: ${(error as Error).message}\n`);
      continue;
    }
    if (sat.initCode !== 0) {
      io.stderr.write(`stationkeeper propagate: NORAD ${es.noradId}: SGP4 error ${sat.initCode} at epoch (${sgp4CodeMessage(sat.initCode)})\n`);
    }
    if (calendar) {
      for (const instant of instants) emit(es, sat, { minutes: minutesSinceEpoch(es.epochUtc, ts.utc(instant)), instant });
    } else {
      for (const minutes of minuteGrid) emit(es, sat, { minutes });
    }
  }
  csv?.flush();
  json?.end();
  return failures > 0 ? 1 : 0;
}

export const propagateCommand: Command = {
  name: 'propagate',
  summary: 'SGP4 states (TEME/ITRF/GCRF/geodetic) for every element set in a file, as CSV or JSON',
  help,
  run,
};
