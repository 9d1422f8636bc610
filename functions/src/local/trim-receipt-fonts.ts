/**
 * Build-time tool (not bundled anywhere): writes functions/src/services/receipts/fonts.generated.ts
 * with Be Vietnam Pro Regular and Bold trimmed to the characters a receipt can print (ASCII,
 * Vietnamese letters, ₫ and a little punctuation), base64-encoded so that every runtime (tsx,
 * Vitest, an esbuild bundle) loads them with a plain import and no file next to the code.
 *
 * Trimming keeps the font's structure (cmap, hmtx, glyph ids) and empties the outlines of glyphs
 * no receipt character reaches (directly or as a component of a composite glyph); it drops the
 * kerning/shaping tables (GPOS, GSUB, GDEF), which precomposed Vietnamese letters do not need,
 * and the hinting (fpgm, prep, cvt and each glyph's instructions; PDF viewers rasterise at high
 * resolution, where hints change nothing visible) and the glyph names (post version 3).
 * The result is stored zlib-deflated: the PDF writer (services/pdf/writer.ts) embeds exactly those
 * bytes as a FlateDecode FontFile2, whole, so the bundle and every PDF carry ~25 KB per weight.
 *
 *   npx tsx functions/src/local/trim-receipt-fonts.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { RECEIPT_CHARSET } from '@portal/shared/receipts/charset';
import { parseTrueType } from '../services/pdf/truetype';

const require = createRequire(import.meta.url);
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../services/receipts/fonts.generated.ts');
const DROP = new Set(['GPOS', 'GSUB', 'GDEF', 'DSIG', 'kern', 'fpgm', 'prep', 'cvt ', 'hdmx', 'VDMX', 'LTSH']);

interface Table {
  tag: string;
  data: Buffer;
}

function readTables(font: Buffer): Table[] {
  const count = font.readUInt16BE(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = font.toString('latin1', at, at + 4);
    const offset = font.readUInt32BE(at + 8);
    const length = font.readUInt32BE(at + 12);
    tables.push({ tag, data: Buffer.from(font.subarray(offset, offset + length)) });
  }
  return tables;
}

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function writeFont(tables: Table[]): Buffer {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const count = tables.length;
  const log2 = Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(16 * 2 ** log2, 6);
  header.writeUInt16BE(log2, 8);
  header.writeUInt16BE(16 * count - 16 * 2 ** log2, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + 16 * i;
    header.write(table.tag, at, 'latin1');
    header.writeUInt32BE(checksum(table.data), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.concat([table.data, Buffer.alloc((4 - (table.data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

/** Glyph ids a composite glyph refers to. */
function components(glyph: Buffer): number[] {
  return compositeParts(glyph).ids;
}

/** A composite glyph's component ids, where its component records end, and their flag offsets. */
function compositeParts(glyph: Buffer): { ids: number[]; end: number; flagOffsets: number[] } {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return { ids: [], end: glyph.length, flagOffsets: [] };
  const ids: number[] = [];
  const flagOffsets: number[] = [];
  let at = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(at);
    flagOffsets.push(at);
    ids.push(glyph.readUInt16BE(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) return { ids, end: at, flagOffsets };
  }
}

/** The glyph without its hinting instructions (instructionLength 0 / WE_HAVE_INSTRUCTIONS off). */
function withoutInstructions(glyph: Buffer): Buffer {
  if (glyph.length === 0) return glyph;
  const contours = glyph.readInt16BE(0);
  if (contours < 0) {
    const { end, flagOffsets } = compositeParts(glyph);
    const out = Buffer.from(glyph.subarray(0, end));
    for (const at of flagOffsets) out.writeUInt16BE(out.readUInt16BE(at) & ~0x0100, at);
    return out;
  }
  const lengthAt = 10 + 2 * contours;
  const instructions = glyph.readUInt16BE(lengthAt);
  return Buffer.concat([glyph.subarray(0, lengthAt), Buffer.alloc(2), glyph.subarray(lengthAt + 2 + instructions)]);
}

function trim(path: string): Buffer {
  const original = readFileSync(path);
  const font = parseTrueType(original);
  const tables = readTables(original).filter((t) => !DROP.has(t.tag));
  const table = (tag: string) => {
    const found = tables.find((t) => t.tag === tag);
    if (!found) throw new Error(`${path}: no ${tag} table`);
    return found;
  };
  const head = table('head');
  const longLoca = head.data.readInt16BE(50) === 1;
  const loca = table('loca');
  const glyf = table('glyf');
  const glyphCount = font.numGlyphs;
  const offsets = Array.from({ length: glyphCount + 1 }, (_, i) => (longLoca ? loca.data.readUInt32BE(i * 4) : loca.data.readUInt16BE(i * 2) * 2));
  const glyphData = (id: number) => glyf.data.subarray(offsets[id] ?? 0, offsets[id + 1] ?? 0);

  const keep = new Set<number>([0]);
  const queue = [...RECEIPT_CHARSET].map((char) => font.glyphId(char.codePointAt(0) ?? 0));
  while (queue.length > 0) {
    const id = queue.pop() ?? 0;
    if (keep.has(id) && id !== 0) continue;
    keep.add(id);
    queue.push(...components(glyphData(id)).filter((c) => !keep.has(c)));
  }

  const newGlyf: Buffer[] = [];
  const newLoca = Buffer.alloc((glyphCount + 1) * 4);
  let offset = 0;
  for (let id = 0; id < glyphCount; id++) {
    newLoca.writeUInt32BE(offset, id * 4);
    if (!keep.has(id)) continue;
    const data = withoutInstructions(Buffer.from(glyphData(id)));
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    newGlyf.push(padded);
    offset += padded.length;
  }
  newLoca.writeUInt32BE(offset, glyphCount * 4);
  glyf.data = Buffer.concat(newGlyf);
  loca.data = newLoca;
  head.data.writeInt16BE(1, 50);
  // post version 3: no glyph names (the PDF maps glyphs to text through its ToUnicode CMap).
  const post = table('post');
  post.data = Buffer.from(post.data.subarray(0, 32));
  post.data.writeUInt32BE(0x00030000, 0);
  head.data.writeUInt32BE(0, 8);
  const out = writeFont(tables);
  // head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
  const headAt = out.indexOf(Buffer.from('head', 'latin1'));
  const headOffset = out.readUInt32BE(headAt + 8);
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  const deflated = deflateSync(out, { level: 9 });
  console.log(`${path.split('/').pop()}: ${original.length} → ${out.length} bytes (${deflated.length} deflated), ${keep.size} of ${glyphCount} glyphs`);
  return deflated;
}

const regular = trim(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'));
const bold = trim(require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'));
writeFileSync(
  OUT,
  `/**
 * GENERATED by functions/src/local/trim-receipt-fonts.ts — do not edit. Be Vietnam Pro (SIL Open
 * Font License 1.1, https://github.com/bettergui/BeVietnamPro) Regular and Bold, trimmed to the
 * receipt character set (shared/src/receipts/charset.ts), without hinting; zlib-deflated, base64.
 */
export const BE_VIETNAM_PRO_REGULAR_DEFLATED = '${regular.toString('base64')}';
export const BE_VIETNAM_PRO_BOLD_DEFLATED = '${bold.toString('base64')}';
`,
);
