/**
 * Test support: small fixtures derived AT TEST TIME from slices of the shared reference data (never copied
 * into the repository). `swTxtToCsv` re-expresses CelesTrak SW-All.txt rows in the SW-All.csv layout
 * (CelesTrak, "Space Weather Data", https://celestrak.org/SpaceData/SpaceWx-format.php), because the shared
 * folder has the classic text file only.
 */
import { SPACE_WEATHER_CSV_COLUMNS } from './validate.js';

/** Field widths of SW-All.txt, FORMAT(I4,I3,I3,I5,I3,8I3,I4,8I4,I4,F4.1,I2,I4,F6.1,I2,5F6.1). */
const WIDTHS = [4, 3, 3, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 4, 6, 2, 6, 6, 6, 6, 6];

function fixedFields(line: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (const w of WIDTHS) {
    out.push(line.slice(at, at + w).trim());
    at += w;
  }
  return out;
}

interface SwRow {
  readonly block: string;
  readonly line: string;
}

function swRows(txt: string): { header: string[]; rows: SwRow[] } {
  const header: string[] = [];
  const rows: SwRow[] = [];
  let block: string | undefined;
  let seenBegin = false;
  for (const raw of txt.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.startsWith('BEGIN ')) {
      block = line.slice(6);
      seenBegin = true;
    } else if (line.startsWith('END ')) block = undefined;
    else if (block !== undefined && line !== '') rows.push({ block, line: raw });
    else if (!seenBegin && !line.startsWith('NUM_')) header.push(raw);
  }
  return { header, rows };
}

/** Rows of each block with date ≥ `fromDay` (observed) — at most `perBlock` of each block. */
function pick(rows: readonly SwRow[], fromDay: string, perBlock: number): SwRow[] {
  const counts = new Map<string, number>();
  return rows.filter((r) => {
    const day = `${r.line.slice(0, 4)}-${r.line.slice(5, 7).trim().padStart(2, '0')}-${r.line.slice(8, 10).trim().padStart(2, '0')}`;
    if (day < fromDay) return false;
    const n = counts.get(r.block) ?? 0;
    if (n >= perBlock) return false;
    counts.set(r.block, n + 1);
    return true;
  });
}

/** A SW-All.txt slice: the header, then rows from `fromDay`, at most `perBlock` per block, with NUM_ lines fixed. */
export function swTxtSlice(txt: string, fromDay: string, perBlock = 1_000_000): string {
  const { header, rows } = swRows(txt);
  const chosen = pick(rows, fromDay, perBlock);
  const out = [...header];
  for (const block of ['OBSERVED', 'DAILY_PREDICTED', 'MONTHLY_PREDICTED']) {
    const inBlock = chosen.filter((r) => r.block === block);
    out.push(`NUM_${block}_POINTS ${inBlock.length}`, `BEGIN ${block}`, ...inBlock.map((r) => r.line), `END ${block}`, '');
  }
  return out.join('\n');
}

/** The same rows in the SW-All.csv layout (from `fromDay`; default: the first `perBlock` rows of each block). */
export function swTxtToCsv(txt: string, perBlock: number, fromDay = '0000-00-00'): string {
  const chosen = pick(swRows(txt).rows, fromDay, perBlock);
  const lines = [SPACE_WEATHER_CSV_COLUMNS.join(',')];
  for (const r of chosen) {
    const f = fixedFields(r.line);
    const [y, m, d, bsrn, nd] = f;
    const kp = f.slice(5, 13);
    const kpSum = f[13]!;
    const ap = f.slice(14, 22);
    const [apAvg, cp, c9, isn, adj, , adjCtr, adjLst, obs, obsCtr, obsLst] = f.slice(22);
    const type = r.block === 'OBSERVED' ? 'OBS' : r.block === 'DAILY_PREDICTED' ? 'PRD' : 'PRM';
    const date = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    lines.push([date, bsrn, nd, ...kp, kpSum, ...ap, apAvg, cp, c9, isn, obs, adj, type, obsCtr, obsLst, adjCtr, adjLst].map((x) => x ?? '').join(','));
  }
  return `${lines.join('\n')}\n`;
}
