import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeInput, readInputText, readLines } from './read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'sk-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plain/gzip input', () => {
  const text = '\uFEFFline one\r\nline two\nline three';
  const plain = join(dir, 'a.txt');
  const gz = join(dir, 'a.bin'); // gzip detected by magic bytes, not by the name
  writeFileSync(plain, text);
  writeFileSync(gz, gzipSync(Buffer.from(text)));

  it('reads plain and gzip to the same text, without the BOM', () => {
    const a = readInputText(plain);
    const b = readInputText(gz);
    expect(a.text).toBe(text.slice(1));
    expect(b.text).toBe(a.text);
    expect([a.gzip, b.gzip]).toEqual([false, true]);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('streams numbered lines (LF or CRLF) from either, with byte progress', async () => {
    for (const p of [plain, gz]) {
      const seen: string[] = [];
      let last = 0;
      for await (const r of readLines(p, (n) => (last = n))) seen.push(`${r.lineNo}:${r.text}`);
      expect(seen).toEqual(['1:line one', '2:line two', '3:line three']);
      expect(last).toBeGreaterThan(0);
    }
  });

  it('a truncated gzip stream is a RangeError, not garbage', () => {
    const bytes = gzipSync(Buffer.from('x'.repeat(1000)));
    expect(() => decodeInput(bytes.subarray(0, bytes.length - 10))).toThrow(RangeError);
  });
});
