/**
 * Output writers: RFC 4180 CSV rows and streamed JSON arrays, written in chunks so catalog-sized outputs never
 * sit in memory as one string. Numbers are written with JavaScript's shortest round-trip form (no precision
 * lost); `null` / empty fields mark values that do not exist (a sample with an error code).
 */

export interface TextSink {
  write(chunk: string): unknown;
}

/** One CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Buffers rows and flushes them to the sink every ~64 KiB. */
export class CsvWriter {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly sink: TextSink, header: readonly string[]) {
    this.row(header);
  }

  row(fields: readonly (string | number | null | undefined)[]): void {
    const line = `${fields.map(csvField).join(',')}\n`;
    this.buf.push(line);
    this.size += line.length;
    if (this.size > 65536) this.flush();
  }

  flush(): void {
    if (this.buf.length > 0) this.sink.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
}

/** Streams `{ ...head, "<key>": [ item, item, … ] }` with one item per line. */
export class JsonArrayWriter {
  private first = true;
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly sink: TextSink, head: Readonly<Record<string, unknown>>, key: string) {
    const h = JSON.stringify(head);
    this.buf.push(`${h.length > 2 ? `${h.slice(0, -1)},` : '{'}${JSON.stringify(key)}:[`);
  }

  item(value: unknown): void {
    const s = `${this.first ? '\n' : ',\n'}${JSON.stringify(value)}`;
    this.first = false;
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 65536) this.flush();
  }

  end(): void {
    this.buf.push('\n]}\n');
    this.flush();
  }

  private flush(): void {
    if (this.buf.length > 0) this.sink.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
}
