/**
 * OMM in XML: the CCSDS NDM/XML schema (CCSDS 505.0-B-2/-3, "XML Specification for Navigation Data
 * Messages") as CelesTrak and Space-Track write it — `<ndm><omm><header/><body><segment><metadata/>
 * <data><meanElements/><tleParameters/></data></segment></body></omm></ndm>` (a single `<omm>` root is read too).
 * A small, strict, dependency-free XML reader (elements, attributes, text, entities, comments, CDATA,
 * processing instructions); each `<segment>` is one record, its leaf elements the OMM fields.
 */
import { ParseError } from '../errors/index.js';
import type { ElementSet } from './element-set.js';
import type { ElementFileResult, RejectedRecord } from './element-file.js';
import { elementSetToOmm, formatOmmNumber, OMM_METADATA, rawOmmToElementSet, type OmmRecord, type RawField } from './omm.js';
import { lineStartsOf, positionOf } from './omm-json.js';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string, at: (offset: number) => { line: number; column: number }, base: number): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,10});?/g, (m, name: string, off: number) => {
    let out: string | undefined;
    if (m.endsWith(';')) {
      if (name.startsWith('#x') || name.startsWith('#X')) {
        const cp = /^[0-9a-fA-F]{1,6}$/.test(name.slice(2)) ? parseInt(name.slice(2), 16) : NaN;
        if (cp <= 0x10ffff) out = String.fromCodePoint(cp);
      } else if (name.startsWith('#')) {
        const cp = /^\d{1,7}$/.test(name.slice(1)) ? Number(name.slice(1)) : NaN;
        if (cp <= 0x10ffff) out = String.fromCodePoint(cp);
      } else out = ENTITIES[name];
    }
    if (out === undefined) {
      const p = at(base + off);
      throw new ParseError(`unknown or malformed XML entity "${m}"`, p.line, p.column, 'xml');
    }
    return out;
  });
}

interface Open {
  readonly name: string;
  readonly start: number;
  readonly textStart: number;
  hasChildren: boolean;
}

const TOKEN_RE = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

/** Reads OMM XML. Malformed XML stops reading with one rejection (reason `xml`); records before it are kept. */
export function parseOmmXml(text: string): ElementFileResult {
  const starts = lineStartsOf(text);
  const at = (offset: number): { line: number; column: number } => positionOf(starts, offset);
  const records: ElementSet[] = [];
  const rejected: RejectedRecord[] = [];
  const stack: Open[] = [];
  let segment: { raw: Map<string, RawField>; start: number } | undefined;
  let textBuf = '';
  let textPos = -1;
  let last = 0;
  let sawRoot = false;
  const re = new RegExp(TOKEN_RE.source, 'g');
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const between = text.slice(last, m.index);
      if (between.includes('<')) {
        const p = at(last + between.indexOf('<'));
        throw new ParseError('malformed XML tag', p.line, p.column, 'xml');
      }
      if (stack.length > 0) {
        if (between.trim() !== '' && textPos < 0) textPos = last + (between.length - between.trimStart().length);
        textBuf += decodeEntities(between, at, last);
      } else if (between.trim() !== '') {
        const p = at(last);
        throw new ParseError('text outside the XML root element', p.line, p.column, 'xml');
      }
      last = m.index + m[0].length;
      const cdata = m[1];
      if (cdata !== undefined) {
        if (textPos < 0) textPos = m.index + 9;
        textBuf += cdata;
        continue;
      }
      const qname = m[3];
      if (qname === undefined) continue; // comment, PI, DOCTYPE
      const name = localName(qname);
      const closing = m[2] === '/';
      const selfClosing = m[5] === '/';
      if (!closing) {
        if (stack.length === 0 && sawRoot) {
          const p = at(m.index);
          throw new ParseError('a second XML root element', p.line, p.column, 'xml');
        }
        sawRoot = true;
        const parent = stack[stack.length - 1];
        if (parent !== undefined) parent.hasChildren = true;
        if (name === 'segment') segment = { raw: new Map(), start: m.index };
        if (selfClosing) {
          if (segment !== undefined && name !== 'segment') {
            const p = at(m.index);
            segment.raw.set(name, { value: '', line: p.line, column: p.column });
          }
        } else {
          stack.push({ name: qname, start: m.index, textStart: last, hasChildren: false });
        }
        textBuf = '';
        textPos = -1;
        continue;
      }
      const open = stack.pop();
      if (open === undefined || open.name !== qname) {
        const p = at(m.index);
        throw new ParseError(`closing tag </${qname}> does not match <${open?.name ?? '(none)'}>`, p.line, p.column, 'xml');
      }
      if (!open.hasChildren && segment !== undefined && name !== 'segment') {
        const p = at(textPos >= 0 ? textPos : open.textStart);
        segment.raw.set(name, { value: textBuf, line: p.line, column: p.column });
      }
      if (name === 'segment' && segment !== undefined) {
        const recText = text.slice(segment.start, last);
        const p = at(segment.start);
        try {
          records.push(rawOmmToElementSet(segment.raw, { format: 'omm-xml', text: recText, line: p.line }, p.line, p.column));
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
          rejected.push({ line: e.line, column: e.column, reason: e.reason, message: e.message, text: recText });
        }
        segment = undefined;
      }
      textBuf = '';
      textPos = -1;
    }
    const tail = text.slice(last);
    if (tail.trim() !== '') {
      const p = at(last + (tail.length - tail.trimStart().length));
      throw new ParseError(stack.length > 0 ? 'malformed XML' : 'text after the XML root element', p.line, p.column, 'xml');
    }
    const open = stack[stack.length - 1];
    if (open !== undefined) {
      const p = at(open.start);
      throw new ParseError(`<${open.name}> is never closed`, p.line, p.column, 'xml');
    }
    if (!sawRoot) throw new ParseError('no XML element found', 1, 1, 'xml');
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    rejected.push({ line: e.line, column: e.column, reason: e.reason, message: e.message, text: text.slice(0, 200) });
  }
  return { records, rejected };
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c] ?? 'amp'};`);
}

export interface OmmHeaderOptions {
  /** CREATION_DATE (ISO UTC); empty when not given — the library never reads the clock. */
  readonly creationDate?: string;
  /** ORIGINATOR; default `stationkeeper`. */
  readonly originator?: string;
}

const MEAN_ELEMENTS = ['EPOCH', 'MEAN_MOTION', 'ECCENTRICITY', 'INCLINATION', 'RA_OF_ASC_NODE', 'ARG_OF_PERICENTER', 'MEAN_ANOMALY'] as const;
const TLE_PARAMETERS = ['EPHEMERIS_TYPE', 'CLASSIFICATION_TYPE', 'NORAD_CAT_ID', 'ELEMENT_SET_NO', 'REV_AT_EPOCH', 'BSTAR', 'MEAN_MOTION_DOT', 'MEAN_MOTION_DDOT'] as const;

function xmlValue(r: OmmRecord, k: keyof OmmRecord): string {
  const v = r[k];
  return typeof v === 'number' ? formatOmmNumber(v) : escapeXml(v);
}

function leaf(tag: string, value: string): string {
  return value === '' ? `<${tag}/>` : `<${tag}>${value}</${tag}>`;
}

/** OMM XML (NDM wrapper, one `<omm>` per set) in CelesTrak's layout. */
export function formatOmmXml(sets: readonly ElementSet[], options: OmmHeaderOptions = {}): string {
  const header = `<header>${leaf('CREATION_DATE', escapeXml(options.creationDate ?? ''))}${leaf('ORIGINATOR', escapeXml(options.originator ?? 'stationkeeper'))}</header>`;
  const omms = sets.map((es) => {
    const r = elementSetToOmm(es);
    const meta = `<OBJECT_NAME>${escapeXml(r.OBJECT_NAME)}</OBJECT_NAME><OBJECT_ID>${escapeXml(r.OBJECT_ID)}</OBJECT_ID>` +
      Object.entries(OMM_METADATA).map(([k, v]) => `<${k}>${v}</${k}>`).join('');
    const mean = MEAN_ELEMENTS.map((k) => `<${k}>${xmlValue(r, k)}</${k}>`).join('');
    const tle = TLE_PARAMETERS.map((k) => `<${k}>${xmlValue(r, k)}</${k}>`).join('');
    return `<omm id="CCSDS_OMM_VERS" version="3.0">\n${header}<body><segment><metadata>${meta}</metadata><data><meanElements>${mean}</meanElements><tleParameters>${tle}</tleParameters></data></segment></body></omm>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ndm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://sanaregistry.org/r/ndmxml_unqualified/ndmxml-3.0.0-master-3.0.xsd">\n${omms.join('')}</ndm>\n`;
}
