/**
 * The project's own PDF writer (functions/src/services/pdf/, ADR 0018) and the trimmed fonts it
 * embeds: every character a receipt may print has a glyph in both weights, widths measured for
 * layout are the widths the PDF declares, text round-trips through ToUnicode, bytes are stable.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseTrueType } from '../../../functions/src/services/pdf/truetype';
import { PdfDocument, num, pdfString, rgb } from '../../../functions/src/services/pdf/writer';
import { BE_VIETNAM_PRO_BOLD_DEFLATED, BE_VIETNAM_PRO_REGULAR_DEFLATED } from '../../../functions/src/services/receipts/fonts.generated';
import { RECEIPT_CHARSET } from '../../../shared/src/receipts/charset';
import { parsePdf } from '../../helpers/pdf';

const FONTS = { regular: Buffer.from(BE_VIETNAM_PRO_REGULAR_DEFLATED, 'base64'), bold: Buffer.from(BE_VIETNAM_PRO_BOLD_DEFLATED, 'base64') };

function sample(): Uint8Array {
  const doc = new PdfDocument({ title: 'Biên nhận (thử)', producer: 'Cổng dịch vụ y tế', keywords: 'HD-2026-000001', language: 'vi-VN', createdAt: new Date('2026-07-05T07:03:00Z') });
  const regular = doc.embedFont(FONTS.regular, 'TESTRG+BeVietnamPro-Regular');
  const bold = doc.embedFont(FONTS.bold, 'TESTBD+BeVietnamPro-Bold');
  const first = doc.addPage(595.28, 841.89);
  first.drawText('Nguyễn Thị Ánh Tuyết — 398.000 ₫', { x: 48, y: 800, size: 10, font: bold, color: rgb(0.1, 0.1, 0.12) });
  first.drawRectangle({ x: 48, y: 700, width: 100, height: 20, color: rgb(0.93, 0.95, 0.97) });
  first.drawLine({ start: { x: 48, y: 690 }, end: { x: 547.28, y: 690 }, thickness: 0.6, color: rgb(0.75, 0.75, 0.78) });
  doc.addPage(595.28, 841.89).drawText('Trang 2/2 “Ổn” ‘Ừ’…', { x: 48, y: 40, size: 7, font: regular, color: rgb(0.38, 0.38, 0.42) });
  return doc.save();
}

describe('the trimmed Be Vietnam Pro', () => {
  it.each(Object.entries(FONTS))('%s has a glyph with a width for every receipt character', (_, deflated) => {
    const font = parseTrueType(inflateSync(deflated));
    const missing = [...RECEIPT_CHARSET].filter((c) => font.glyphId(c.codePointAt(0) ?? 0) === 0);
    expect(missing).toEqual([]);
    expect(font.advance(font.glyphId(0x1ec7))).toBeGreaterThan(0); // ệ
    expect(font.unitsPerEm).toBeGreaterThan(0);
    // No hinting left: the tables the trimming drops.
    for (const tag of ['fpgm', 'prep', 'cvt ', 'GSUB', 'GPOS']) expect(font.tables.has(tag)).toBe(false);
  });
});

describe('the PDF writer', () => {
  it('writes a well-formed file whose info and text read back, Vietnamese included', () => {
    const doc = parsePdf(sample());
    expect(doc.pageCount).toBe(2);
    expect(doc.info).toMatchObject({ Title: 'Biên nhận (thử)', Producer: 'Cổng dịch vụ y tế', Keywords: 'HD-2026-000001', CreationDate: 'D:20260705070300Z' });
    expect(doc.pages[0]).toBe('Nguyễn Thị Ánh Tuyết — 398.000 ₫');
    expect(doc.pages[1]).toBe('Trang 2/2 “Ổn” ‘Ừ’…');
  });

  it('declares the widths it measures: /W of the drawn glyphs equals widthOfTextAtSize', () => {
    const doc = new PdfDocument({ title: 't', createdAt: new Date(0) });
    const font = doc.embedFont(FONTS.regular, 'TESTRG+BeVietnamPro-Regular');
    const text = 'Đơn giá';
    doc.addPage(100, 100).drawText(text, { x: 0, y: 0, size: 10, font, color: rgb(0, 0, 0) });
    const file = Buffer.from(doc.save()).toString('latin1');
    const w = /\/W \[(.*?)\] >>/.exec(file)?.[1] ?? '';
    const declared = new Map<number, number>();
    for (const [, start, widths] of w.matchAll(/(\d+) \[([^\]]*)\]/g)) widths!.split(' ').forEach((v, i) => declared.set(Number(start) + i, Number(v)));
    const sum = [...text].reduce((total, c) => total + (declared.get(font.metrics.glyphId(c.codePointAt(0) ?? 0)) ?? NaN), 0);
    expect(sum / 100).toBeCloseTo(font.widthOfTextAtSize(text, 10), 2);
  });

  it('is the same bytes for the same document, and different bytes for different text', () => {
    expect(Buffer.compare(Buffer.from(sample()), Buffer.from(sample()))).toBe(0);
    const other = new PdfDocument({ title: 'Biên nhận (thử)', createdAt: new Date('2026-07-05T07:03:00Z') });
    other.addPage(595.28, 841.89);
    expect(Buffer.compare(Buffer.from(sample()), Buffer.from(other.save()))).not.toBe(0);
  });

  it('prints numbers and strings the way PDF readers expect', () => {
    expect([num(1), num(0.1 + 0.2), num(-0.0001), num(595.28), num(3.84615384)]).toEqual(['1', '0.3', '0', '595.28', '3.846']);
    expect(pdfString('a (b) \\')).toBe('(a \\(b\\) \\\\)');
    expect(pdfString('Số')).toBe('<FEFF00531ED1>');
  });
});
