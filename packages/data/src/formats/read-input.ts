/**
 * Reading data files as text, plain or gzip-compressed (detected by the gzip magic bytes 1f 8b, RFC 1952,
 * not by the name), UTF-8 with a leading BOM removed; and a streaming one-line-per-record reader for
 * inputs too large to hold as one string.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip, gunzipSync } from 'node:zlib';

export interface InputText {
  readonly text: string;
  /** Size of the file as stored (compressed when gzip). */
  readonly storedBytes: number;
  readonly gzip: boolean;
  /** SHA-256 (hex) of the stored bytes. */
  readonly sha256: string;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decodes bytes (gunzipping when they are gzip) to text. Throws RangeError for a corrupt gzip stream. */
export function decodeInput(bytes: Uint8Array): { text: string; gzip: boolean } {
  const gzip = isGzip(bytes);
  let raw: Uint8Array = bytes;
  if (gzip) {
    try {
      raw = gunzipSync(bytes);
    } catch (e) {
      throw new RangeError(`corrupt gzip data: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  const text = new TextDecoder('utf-8').decode(raw);
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, gzip };
}

/** Reads a whole file as text (plain or gzip). */
export function readInputText(path: string): InputText {
  const bytes = readFileSync(path);
  const { text, gzip } = decodeInput(bytes);
  return { text, storedBytes: bytes.length, gzip, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export interface LineRecord {
  /** The line without its terminator (LF or CRLF). */
  readonly text: string;
  /** 1-based line number. */
  readonly lineNo: number;
}

/**
 * Streams a file line by line (plain or gzip), reporting progress in stored bytes read.
 * Memory stays bounded by the longest line.
 */
export async function* readLines(path: string, onProgress?: (bytesRead: number, totalBytes: number) => void): AsyncGenerator<LineRecord> {
  const total = statSync(path).size;
  const head = Buffer.alloc(2);
  const fd = await open(path, 'r');
  try {
    await fd.read(head, 0, 2, 0);
  } finally {
    await fd.close();
  }
  const file = createReadStream(path);
  let read = 0;
  file.on('data', (chunk) => {
    read += chunk.length;
    onProgress?.(read, total);
  });
  const source = isGzip(head) ? file.pipe(createGunzip()) : file;
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo += 1;
      yield { text: lineNo === 1 && line.startsWith('\uFEFF') ? line.slice(1) : line, lineNo };
    }
  } finally {
    lines.close();
    file.destroy();
  }
}
