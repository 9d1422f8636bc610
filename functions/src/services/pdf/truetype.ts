/**
 * Just enough of a TrueType reader for the PDF writer (writer.ts) and the font trimming tool
 * (local/trim-receipt-fonts.ts): the table directory, glyph ids from the Unicode cmap, advance
 * widths from hmtx, and the few metrics a PDF font descriptor names. No shaping, no kerning:
 * the receipts print precomposed Vietnamese letters, one glyph per code point.
 */

export interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

export interface TrueTypeFont {
  /** The whole font file, as given. */
  bytes: Uint8Array;
  tables: Map<string, TableRecord>;
  unitsPerEm: number;
  numGlyphs: number;
  /** [xMin, yMin, xMax, yMax] in font units. */
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  /** Glyph id for a code point; 0 (.notdef) when the font has none. */
  glyphId(codePoint: number): number;
  /** Advance width of a glyph in font units. */
  advance(glyphId: number): number;
}

export function readTableDirectory(bytes: Uint8Array): Map<string, TableRecord> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    tables.set(tag, { tag, offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return tables;
}

/** Code point → glyph id from the best Unicode subtable: format 12 (full range) or format 4 (BMP). */
function readCmap(view: DataView, cmapAt: number): Map<number, number> {
  const count = view.getUint16(cmapAt + 2);
  const subtables: { format: number; at: number }[] = [];
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(cmapAt + 4 + 8 * i);
    const encoding = view.getUint16(cmapAt + 6 + 8 * i);
    const at = cmapAt + view.getUint32(cmapAt + 8 + 8 * i);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) subtables.push({ format: view.getUint16(at), at });
  }
  const chosen = subtables.find((s) => s.format === 12) ?? subtables.find((s) => s.format === 4);
  if (!chosen) throw new Error('font has no Unicode cmap (format 4 or 12)');
  return chosen.format === 12 ? readFormat12(view, chosen.at) : readFormat4(view, chosen.at);
}

function readFormat4(view: DataView, at: number): Map<number, number> {
  const map = new Map<number, number>();
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + 2 * s);
    const start = view.getUint16(starts + 2 * s);
    const delta = view.getInt16(deltas + 2 * s);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        // The offset is relative to the rangeOffset entry itself (the spec's pointer trick).
        const raw = view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

function readFormat12(view: DataView, at: number): Map<number, number> {
  const map = new Map<number, number>();
  const groups = view.getUint32(at + 12);
  for (let g = 0; g < groups; g++) {
    const start = view.getUint32(at + 16 + 12 * g);
    const end = view.getUint32(at + 20 + 12 * g);
    const first = view.getUint32(at + 24 + 12 * g);
    for (let c = start; c <= end; c++) map.set(c, first + (c - start));
  }
  return map;
}

export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = readTableDirectory(bytes);
  const at = (tag: string): number => {
    const table = tables.get(tag);
    if (!table) throw new Error(`font has no ${tag} table`);
    return table.offset;
  };
  const head = at('head');
  const hhea = at('hhea');
  const hmtx = at('hmtx');
  const numGlyphs = view.getUint16(at('maxp') + 4);
  const longMetrics = view.getUint16(hhea + 34);
  const ascent = view.getInt16(hhea + 4);
  const os2 = tables.get('OS/2');
  // sCapHeight exists from OS/2 version 2 on; older fonts: use the ascent, as readers do.
  const capHeight = os2 && view.getUint16(os2.offset) >= 2 ? view.getInt16(os2.offset + 88) : ascent;
  const post = tables.get('post');
  const cmap = readCmap(view, at('cmap'));
  return {
    bytes,
    tables,
    unitsPerEm: view.getUint16(head + 18),
    numGlyphs,
    bbox: [view.getInt16(head + 36), view.getInt16(head + 38), view.getInt16(head + 40), view.getInt16(head + 42)],
    ascent,
    descent: view.getInt16(hhea + 6),
    capHeight,
    italicAngle: post ? view.getInt32(post.offset + 4) / 65536 : 0,
    glyphId: (codePoint) => cmap.get(codePoint) ?? 0,
    // Glyphs past the last long metric share its advance (monospaced tails).
    advance: (glyphId) => view.getUint16(hmtx + 4 * Math.min(glyphId, longMetrics - 1)),
  };
}
