/**
 * A small PDF reader for the tests of the receipts and licences (functions/src/services/pdf/writer.ts
 * writes them): checks the file structure (every xref offset lands on its object, the trailer
 * names the catalogue and info), reads the info strings, counts pages, and gives back the text each
 * page shows, decoded through the fonts' ToUnicode CMaps (so what is checked is what a reader
 * would copy, not what the code meant to draw). Reads classic xref tables only, as the writer writes.
 */
import { inflateSync } from 'node:zlib';

export interface ParsedPdf {
  info: Record<string, string>;
  pageCount: number;
  /** Each page's text, one shown string per line. */
  pages: string[];
  /** All pages' text. */
  text: string;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/** `(literal)` or `<FEFF…>` / `<hex>` → JS string. */
function decodeString(token: string): string {
  if (token.startsWith('(')) return token.slice(1, -1).replace(/\\([\\()])/g, '$1');
  const bytes = Buffer.from(token.slice(1, -1), 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const latin = pdf.toString('latin1');
  for (const match of latin.matchAll(/(\d+) 0 obj\n/g)) {
    const start = match.index + match[0].length;
    const end = latin.indexOf('\nendobj', start);
    const body = latin.slice(start, end);
    const streamAt = body.indexOf('\nstream\n');
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const from = start + streamAt + '\nstream\n'.length;
    const raw = pdf.subarray(from, from + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : Buffer.from(raw) });
  }
  return objects;
}

/** Throws unless the xref table points at every object it lists. */
function checkXref(pdf: Buffer): void {
  const latin = pdf.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(latin)?.[1]);
  if (!latin.startsWith('xref\n', startxref)) throw new Error('startxref does not point at the xref table');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(latin.slice(startxref)) ?? [];
  const rowsAt = latin.indexOf('\n', latin.indexOf('\n', startxref) + 1) + 1;
  for (let i = Number(first); i < Number(first) + Number(count); i++) {
    const row = latin.slice(rowsAt + 20 * i, rowsAt + 20 * i + 20);
    if (row.endsWith('f \n')) continue;
    const offset = Number(row.slice(0, 10));
    if (!latin.startsWith(`${i} 0 obj\n`, offset)) throw new Error(`xref entry ${i} points at ${offset}, not at its object`);
  }
}

const ref = (dict: string, key: string): number => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);

/** Glyph id (4 hex digits) → text, from a ToUnicode CMap's bfchar entries. */
function toUnicode(cmap: string): Map<string, string> {
  const glyphs = new Map<string, string>();
  for (const [, gid, hex] of cmap.matchAll(/<([0-9a-fA-F]{4})> <([0-9a-fA-F]+)>/g)) {
    glyphs.set(gid!.toLowerCase(), Buffer.from(hex!, 'hex').swap16().toString('utf16le'));
  }
  return glyphs;
}

export function parsePdf(bytes: Uint8Array): ParsedPdf {
  const pdf = Buffer.from(bytes);
  if (pdf.toString('latin1', 0, 5) !== '%PDF-') throw new Error('not a PDF');
  checkXref(pdf);
  const objects = readObjects(pdf);
  const trailer = pdf.toString('latin1', pdf.lastIndexOf('trailer'));
  const info: Record<string, string> = {};
  for (const [, key, value] of (objects.get(ref(trailer, 'Info'))?.dict ?? '').matchAll(/\/(\w+) (\([^)]*\)|<[0-9A-Fa-f]*>)/g)) info[key!] = decodeString(value!);

  const catalogue = objects.get(ref(trailer, 'Root'))?.dict ?? '';
  const tree = objects.get(ref(catalogue, 'Pages'))?.dict ?? '';
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(tree)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const pages = kids.map((id) => {
    const page = objects.get(id)?.dict ?? '';
    const fonts = new Map<string, Map<string, string>>();
    for (const [, name, fontId] of (/\/Font << ([^>]*) >>/.exec(page)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const font = objects.get(Number(fontId))?.dict ?? '';
      const cmap = objects.get(ref(font, 'ToUnicode'))?.stream;
      if (!cmap) throw new Error(`font ${name} has no ToUnicode CMap`);
      fonts.set(name!, toUnicode(cmap.toString('latin1')));
    }
    const content = objects.get(ref(page, 'Contents'))?.stream?.toString('latin1') ?? '';
    const lines: string[] = [];
    for (const [, name, hex] of content.matchAll(/\/(\w+) [\d.]+ Tf[^<]*<([0-9a-fA-F]*)> Tj/g)) {
      const glyphs = fonts.get(name!) ?? new Map<string, string>();
      lines.push((hex!.match(/.{4}/g) ?? []).map((g) => glyphs.get(g.toLowerCase()) ?? '\uFFFD').join(''));
    }
    return lines.join('\n');
  });
  return { info, pageCount: kids.length, pages, text: pages.join('\n') };
}
