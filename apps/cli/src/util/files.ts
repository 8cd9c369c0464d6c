/** Reading input files for the CLI: relative to the CLI's cwd, gzip recognised by its magic bytes. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { UsageError, type CliIo } from '../io.js';

/** The bytes of a file (gunzipped when it starts with the gzip magic 1f 8b); UsageError when unreadable. */
export function readInputBytes(io: CliIo, path: string, what: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(io.cwd, path));
  } catch (error) {
    throw new UsageError(`cannot read ${what} '${path}': ${(error as Error).message}`);
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new UsageError(`cannot gunzip ${what} '${path}': ${(error as Error).message}`);
    }
  }
  return bytes;
}

/** A plain or gzip text file as UTF-8. */
export function readInputText(io: CliIo, path: string, what: string): string {
  return readInputBytes(io, path, what).toString('utf8');
}
