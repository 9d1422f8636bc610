/**
 * A small, dependency-free PDF writer for the receipts and licences (ADR 0018): A4 pages, text in
 * an embedded TrueType font (Type0 / CIDFontType2, Identity-H, glyph ids from the font's cmap,
 * /W widths from hmtx, a ToUnicode CMap so the text copies and searches), filled rectangles and
 * stroked lines in RGB, document info. Replaces pdf-lib + fontkit (≈1.3 MB in a bundle).
 *
 * Deterministic by construction: no clock, no random id, objects written in a fixed order,
 * numbers printed with at most three decimals, content streams left uncompressed (so the bytes do
 * not depend on the zlib build of the Node runtime). The font file is embedded as given: it is
 * stored already deflated (fonts.generated.ts), which is also what FlateDecode expects.
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { parseTrueType, type TrueTypeFont } from './truetype';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export const rgb = (r: number, g: number, b: number): Rgb => ({ r, g, b });

export interface DocumentInfo {
  title: string;
  subject?: string;
  author?: string;
  creator?: string;
  producer?: string;
  keywords?: string;
  /** BCP 47 language tag of the text (the catalogue's /Lang), e.g. vi-VN. */
  language?: string;
  /** Fixed by the caller (e.g. the payment time): part of the bytes. */
  createdAt: Date;
}

/** A number as PDF prints it: at most three decimals, no exponent, no "-0". */
export function num(n: number): string {
  const rounded = Math.round(n * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A text string for the info dictionary: literal when plain ASCII, else UTF-16BE with a BOM. */
export function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSSZ, always in UTC. */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

const colour = (c: Rgb, op: 'rg' | 'RG'): string => `${num(c.r)} ${num(c.g)} ${num(c.b)} ${op}`;

/** An embedded font; remembers which glyphs were drawn, for /W and ToUnicode. */
export class PdfFont {
  private readonly font: TrueTypeFont;
  /** Glyph id → the code point it was drawn for. */
  readonly used = new Map<number, number>();

  constructor(
    readonly resourceName: string,
    readonly baseFont: string,
    readonly deflatedFile: Uint8Array,
  ) {
    this.font = parseTrueType(inflateSync(deflatedFile));
  }

  get metrics(): TrueTypeFont {
    return this.font;
  }

  /** Width in points; the same advance widths the PDF's /W array gives a reader. */
  widthOfTextAtSize(text: string, size: number): number {
    let units = 0;
    for (const c of text) units += this.font.advance(this.font.glyphId(c.codePointAt(0) ?? 0));
    return (units * size) / this.font.unitsPerEm;
  }

  /** The text as an Identity-H hex string (two bytes per glyph id). */
  encode(text: string): string {
    let hex = '';
    for (const c of text) {
      const cp = c.codePointAt(0) ?? 0;
      const id = this.font.glyphId(cp);
      if (id !== 0 && !this.used.has(id)) this.used.set(id, cp);
      hex += id.toString(16).padStart(4, '0');
    }
    return `<${hex}>`;
  }
}

export interface TextOptions {
  x: number;
  y: number;
  size: number;
  font: PdfFont;
  color: Rgb;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class PdfPage {
  private readonly ops: string[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  drawText(text: string, { x, y, size, font, color }: TextOptions): void {
    this.ops.push(`BT /${font.resourceName} ${num(size)} Tf ${colour(color, 'rg')} ${num(x)} ${num(y)} Td ${font.encode(text)} Tj ET`);
  }

  drawRectangle(rect: Rect & { color: Rgb }): void {
    this.fillRectangles([rect], rect.color);
  }

  /** Many rectangles as one filled path (the QR code's dark modules). */
  fillRectangles(rects: readonly Rect[], color: Rgb): void {
    if (rects.length === 0) return;
    const path = rects.map((r) => `${num(r.x)} ${num(r.y)} ${num(r.width)} ${num(r.height)} re`).join('\n');
    this.ops.push(`q ${colour(color, 'rg')}\n${path}\nf Q`);
  }

  drawLine({ start, end, thickness, color }: { start: { x: number; y: number }; end: { x: number; y: number }; thickness: number; color: Rgb }): void {
    this.ops.push(`q ${colour(color, 'RG')} ${num(thickness)} w ${num(start.x)} ${num(start.y)} m ${num(end.x)} ${num(end.y)} l S Q`);
  }

  content(): string {
    return this.ops.join('\n');
  }
}

/** Serialises numbered objects and remembers their offsets for the xref table. */
class ObjectWriter {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  readonly offsets: number[] = [];

  raw(data: string | Buffer): void {
    const chunk = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  object(id: number, body: string): void {
    this.offsets[id] = this.length;
    this.raw(`${id} 0 obj\n${body}\nendobj\n`);
  }

  stream(id: number, dict: string, data: Buffer): void {
    this.offsets[id] = this.length;
    this.raw(`${id} 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`);
    this.raw(data);
    this.raw('\nendstream\nendobj\n');
  }

  get position(): number {
    return this.length;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** ToUnicode CMap: glyph id → the code point it was drawn for, so readers copy and search the text. */
function toUnicodeCMap(used: ReadonlyMap<number, number>): string {
  const entries = [...used].sort((a, b) => a[0] - b[0]);
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  // UTF-16BE: one unit in the BMP, a surrogate pair beyond it.
  const utf16 = (cp: number) => Array.from({ length: cp > 0xffff ? 2 : 1 }, (_, i) => hex4(String.fromCodePoint(cp).charCodeAt(i))).join('');
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.map(([id, cp]) => `<${hex4(id)}> <${utf16(cp)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000> <ffff>\nendcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** /W: runs of consecutive glyph ids with their widths in thousandths of an em. */
function widthsArray(font: PdfFont): string {
  const { metrics } = font;
  const ids = [...font.used.keys()].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < ids.length; ) {
    const start = ids[i]!;
    const widths: string[] = [];
    while (i < ids.length && ids[i] === start + widths.length) widths.push(num((metrics.advance(ids[i++]!) * 1000) / metrics.unitsPerEm));
    runs.push(`${start} [${widths.join(' ')}]`);
  }
  return `[${runs.join(' ')}]`;
}

export class PdfDocument {
  private readonly fonts: PdfFont[] = [];
  private readonly pages: PdfPage[] = [];

  constructor(private readonly info: DocumentInfo) {}

  /** A TrueType font given zlib-deflated (embedded as is), under `baseFont` (e.g. ABCDEF+Name). */
  embedFont(deflatedFile: Uint8Array, baseFont: string): PdfFont {
    const font = new PdfFont(`F${this.fonts.length + 1}`, baseFont, deflatedFile);
    this.fonts.push(font);
    return font;
  }

  addPage(width: number, height: number): PdfPage {
    const page = new PdfPage(width, height);
    this.pages.push(page);
    return page;
  }

  save(): Uint8Array {
    // Object numbers: 1 catalogue, 2 page tree, 3 info, five per font, two per page.
    const fontBase = (i: number) => 4 + 5 * i;
    const pageBase = (i: number) => fontBase(this.fonts.length) + 2 * i;
    const size = pageBase(this.pages.length);
    const out = new ObjectWriter();
    out.raw(Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n')]));

    const lang = this.info.language ? ` /Lang ${pdfString(this.info.language)}` : '';
    out.object(1, `<< /Type /Catalog /Pages 2 0 R${lang} >>`);
    const kids = this.pages.map((_, i) => `${pageBase(i)} 0 R`).join(' ');
    out.object(2, `<< /Type /Pages /Kids [${kids}] /Count ${this.pages.length} >>`);
    out.object(3, this.infoDictionary());

    // Pages first: drawing the text is what records the glyphs the fonts must describe.
    const fontRefs = this.fonts.map((f, i) => `/${f.resourceName} ${fontBase(i)} 0 R`).join(' ');
    const pageObjects = this.pages.map((page) => ({ page, content: Buffer.from(page.content(), 'latin1') }));
    this.fonts.forEach((font, i) => this.writeFont(out, font, fontBase(i)));
    pageObjects.forEach(({ page, content }, i) => {
      const id = pageBase(i);
      out.object(id, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] /Resources << /Font << ${fontRefs} >> >> /Contents ${id + 1} 0 R >>`);
      out.stream(id + 1, '', content);
    });

    const xrefAt = out.position;
    const body = out.bytes();
    const rows = Array.from({ length: size - 1 }, (_, i) => `${String(out.offsets[i + 1]).padStart(10, '0')} 00000 n \n`);
    // The file identifier is a hash of the content, so it is stable for the same document.
    const id = createHash('sha256').update(body).digest('hex').slice(0, 32);
    const tail = `xref\n0 ${size}\n0000000000 65535 f \n${rows.join('')}trailer\n<< /Size ${size} /Root 1 0 R /Info 3 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    return new Uint8Array(Buffer.concat([body, Buffer.from(tail, 'latin1')]));
  }

  private infoDictionary(): string {
    const { title, subject, author, creator, producer, keywords, createdAt } = this.info;
    const entries: [string, string | undefined][] = [
      ['Title', title],
      ['Subject', subject],
      ['Author', author],
      ['Creator', creator],
      ['Producer', producer],
      ['Keywords', keywords],
    ];
    const text = entries.filter(([, v]) => v !== undefined).map(([k, v]) => `/${k} ${pdfString(v ?? '')}`);
    const date = pdfString(pdfDate(createdAt));
    return `<< ${text.join(' ')} /CreationDate ${date} /ModDate ${date} >>`;
  }

  /** Type0 font → CIDFontType2 → descriptor → FontFile2, plus the ToUnicode CMap. */
  private writeFont(out: ObjectWriter, font: PdfFont, id: number): void {
    const m = font.metrics;
    const scale = (v: number) => num((v * 1000) / m.unitsPerEm);
    const name = `/${font.baseFont}`;
    out.object(id, `<< /Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H /DescendantFonts [${id + 1} 0 R] /ToUnicode ${id + 4} 0 R >>`);
    out.object(
      id + 1,
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${id + 2} 0 R /CIDToGIDMap /Identity /W ${widthsArray(font)} >>`,
    );
    out.object(
      id + 2,
      `<< /Type /FontDescriptor /FontName ${name} /Flags 4 /FontBBox [${m.bbox.map(scale).join(' ')}] /ItalicAngle ${num(m.italicAngle)} /Ascent ${scale(m.ascent)} /Descent ${scale(m.descent)} /CapHeight ${scale(m.capHeight)} /StemV 80 /FontFile2 ${id + 3} 0 R >>`,
    );
    out.stream(id + 3, `/Filter /FlateDecode /Length1 ${m.bytes.length}`, Buffer.from(font.deflatedFile));
    out.stream(id + 4, '', Buffer.from(toUnicodeCMap(font.used), 'latin1'));
  }
}
