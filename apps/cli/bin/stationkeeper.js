#!/usr/bin/env node
// Thin launcher: the CLI is compiled to ../dist by `npm run build` (run by `npm ci` through `prepare`).
import { exitOnBrokenPipe, main } from '../dist/main.js';

exitOnBrokenPipe(process.stdout, (code) => process.exit(code));

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
