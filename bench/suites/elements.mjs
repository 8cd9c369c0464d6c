// Bench `npm run bench -- elements`: element-set reading and writing on the shared Space-Track catalogs
// (../shared/data/catalog/*.txt.gz, 58,634 3LE records in all) and the ISS OMM JSON sample.
//   ours parseElementFile — whole-file 3LE parse (checksums, column checks, Alpha-5, epochs), per file;
//   ours format3le        — writing every record back (exact round trip);
//   ours OMM JSON         — formatOmmJson + parseElementFile of the 2022 catalog as CelesTrak-style JSON;
//   satellite.js 7.1 twoline2satrec loop — for context only: it parses AND initialises SGP4 per record, so it
//   is not the same work (there is no parse-only entry point in satellite.js).
// Each variant runs 3 times after a warm-up; the best run is reported. Text is gunzipped before timing.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as satellite from 'satellite.js';
import { format3le, formatOmmJson, parseElementFile } from '@stationkeeper/astro/elements';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.STATIONKEEPER_SHARED ?? join(here, '..', '..', '..', 'shared'));
const FILES = [
  'spacetrack_full_catalog_3le_2019-12-19.txt.gz',
  'spacetrack_full_catalog_3le_2022-07-15.txt.gz',
  'leo_payloads_3le_2026-06-10.txt.gz',
];

function best(fn, runs = 3) {
  fn();
  let min = Infinity;
  let out;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = fn();
    min = Math.min(min, performance.now() - t0);
  }
  return { ms: min, out };
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const rate = (n, ms) => `${((n / ms) * 1000 / 1e6).toFixed(2)} M records/s`;

export async function run() {
  let ratioNumerator = 0;
  let ratioDenominator = 0;
  for (const file of FILES) {
    const text = gunzipSync(readFileSync(join(shared, 'data', 'catalog', file))).toString('utf8');
    const parsed = best(() => parseElementFile(text));
    const { records, rejected } = parsed.out;
    const n = records.length;
    const formatted = best(() => {
      let chars = 0;
      for (const es of records) for (const l of format3le(es)) chars += l.length;
      return chars;
    });
    const lines = text.split('\n');
    const sat = best(() => {
      let ok = 0;
      for (let i = 0; i + 2 < lines.length; i += 3) if (satellite.twoline2satrec(lines[i + 1], lines[i + 2]).error === 0) ok++;
      return ok;
    });
    console.log(`${file}: ${n} records, ${rejected.length} rejected`);
    console.log(`  ours parseElementFile        ${fmt(parsed.ms)}  (${rate(n, parsed.ms)})`);
    console.log(`  ours format3le (all records) ${fmt(formatted.ms)}  (${rate(n, formatted.ms)})`);
    console.log(`  satellite.js twoline2satrec  ${fmt(sat.ms)}  (${rate(n, sat.ms)}; parse + sgp4init)`);
    if (file.includes('2022')) {
      const json = best(() => formatOmmJson(records));
      const back = best(() => parseElementFile(json.out));
      console.log(`  ours formatOmmJson           ${fmt(json.ms)}  (${(json.out.length / 1e6).toFixed(1)} MB)`);
      console.log(`  ours parse OMM JSON          ${fmt(back.ms)}  (${back.out.records.length} records)`);
      ratioNumerator = parsed.ms;
      ratioDenominator = sat.ms;
    }
  }
  console.log(`elements parse/satellite.js-twoline2satrec time ratio (2022 catalog): ${(ratioNumerator / ratioDenominator).toFixed(2)}`);
}
