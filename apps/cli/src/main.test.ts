import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Command } from './command.js';
import { exitOnBrokenPipe, main, type CliIo } from './main.js';
import { VERSION } from './version.js';

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      env: {},
      cwd: process.cwd(),
    },
    out: () => out,
    err: () => err,
  };
}

describe('stationkeeper main', () => {
  it('prints help with no arguments and exits 0', async () => {
    const c = capture();
    expect(await main([], c.io)).toBe(0);
    expect(c.out()).toContain('Usage: stationkeeper <command>');
  });

  it('prints the version that package.json declares', async () => {
    const c = capture();
    expect(await main(['--version'], c.io)).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(c.out().trim()).toBe(pkg.version);
    expect(VERSION).toBe(pkg.version);
  });

  it('rejects an unknown command with exit 2 and a message naming it', async () => {
    const c = capture();
    expect(await main(['frobnicate'], c.io)).toBe(2);
    expect(c.err()).toContain("unknown command 'frobnicate'");
  });

  it('routes --help to the command and reports thrown errors with exit 1', async () => {
    const cmd: Command = {
      name: 'boom',
      summary: 'fails',
      help: 'boom help\n',
      run: () => Promise.reject(new RangeError('altitudeKm must be positive')),
    };
    const c = capture();
    expect(await main(['boom', '--help'], c.io, [cmd])).toBe(0);
    expect(c.out()).toBe('boom help\n');
    expect(await main(['boom'], c.io, [cmd])).toBe(1);
    expect(c.err()).toContain('RangeError: altitudeKm must be positive');
  });

  it('a reader closing the pipe early (`passes … | head`) ends with exit 0, not an unhandled EPIPE stack trace', () => {
    // Regression: `stationkeeper passes … | head` printed "Unhandled 'error' event … write EPIPE" from node:events.
    const stdout = new EventEmitter();
    const exits: number[] = [];
    exitOnBrokenPipe(stdout, (code) => exits.push(code));
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    expect(stdout.emit('error', epipe)).toBe(true); // handled: without a listener emit('error') throws
    expect(exits).toEqual([0]);
    const other = Object.assign(new Error('write EIO'), { code: 'EIO' });
    expect(() => stdout.emit('error', other)).toThrow('write EIO');
    expect(exits).toEqual([0]);
  });
});
