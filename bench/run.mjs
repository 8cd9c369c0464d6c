#!/usr/bin/env node
// Benchmark runner: `npm run bench` runs every suite; `npm run bench -- sgp4 passes` runs the named ones.
// Each suite is bench/suites/<name>.mjs exporting `async function run(args)`; suites import the BUILT packages
// (run `npm run build` first; `npm ci` does it) and time ours side by side with the peer in the same process.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const suitesDir = join(here, 'suites');
const available = readdirSync(suitesDir)
  .filter((f) => f.endsWith('.mjs'))
  .map((f) => f.slice(0, -4))
  .sort();
const argv = process.argv.slice(2);
const names = argv.filter((a) => !a.startsWith('-'));
const flags = argv.filter((a) => a.startsWith('-'));
if (flags.includes('--help') || flags.includes('-h')) {
  console.log(`usage: npm run bench [-- <suite>...]\nsuites: ${available.join(', ') || '(none)'}`);
  process.exit(0);
}
const chosen = names.length > 0 ? names : available;
for (const name of chosen) {
  if (!available.includes(name)) {
    console.error(`unknown bench suite '${name}'; available: ${available.join(', ')}`);
    process.exit(2);
  }
}
for (const name of chosen) {
  const mod = await import(pathToFileURL(join(suitesDir, `${name}.mjs`)).href);
  console.log(`\n== bench ${name} ==`);
  await mod.run(flags);
}
