/**
 * E-receipts, pure parts: the amount in Vietnamese words, receipt numbers, text mapped onto the
 * font's characters, and the PDF itself (parsed back with test/helpers/pdf.ts; its text decoded
 * through the embedded fonts' ToUnicode maps, so the Vietnamese and the QR address are checked as printed).
 */
import { describe, expect, it } from 'vitest';
import { renderReceiptPdf } from '../../../functions/src/services/receipts/pdf';
import { toReceiptText } from '../../../shared/src/receipts/charset';
import { RECEIPT_NUMBER, formatReceiptNumber, receiptKindFor, receiptStatusFor, receiptVerifyUrl, vietnamDateTimeText, vietnamYear, type ReceiptContent } from '../../../shared/src/receipts/receipt';
import { amountInWords, numberInWords } from '../../../shared/src/receipts/words';
import { parsePdf } from '../../helpers/pdf';

describe('amount in Vietnamese words', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [55, 'Năm mươi lăm đồng'],
    [101, 'Một trăm lẻ một đồng'],
    [105, 'Một trăm lẻ năm đồng'],
    [110, 'Một trăm mười đồng'],
    [115, 'Một trăm mười lăm đồng'],
    [121, 'Một trăm hai mươi mốt đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_005, 'Một nghìn không trăm lẻ năm đồng'],
    [1_020, 'Một nghìn không trăm hai mươi đồng'],
    [10_000, 'Mười nghìn đồng'],
    [150_000, 'Một trăm năm mươi nghìn đồng'],
    [398_000, 'Ba trăm chín mươi tám nghìn đồng'],
    [1_000_005, 'Một triệu không trăm lẻ năm đồng'],
    [1_005_000, 'Một triệu không trăm lẻ năm nghìn đồng'],
    [1_500_000, 'Một triệu năm trăm nghìn đồng'],
    [2_001_000_000, 'Hai tỷ không trăm lẻ một triệu đồng'],
    [1_234_567_891, 'Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng'],
    [10_000_000_000, 'Mười tỷ đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  ])('%d → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('says "linh" instead of "lẻ" when asked (northern usage)', () => {
    expect(numberInWords(105, { zeroTens: 'linh' })).toBe('một trăm linh năm');
  });

  it('refuses what is not a whole non-negative amount', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });

  it('never leaves the forms that only follow a tens digit ≥ 2 (mốt, tư) after mười or a lone digit', () => {
    for (let n = 0; n < 2_000; n++) {
      const words = numberInWords(n);
      expect(words).not.toMatch(/(^|mười |lẻ |trăm )(mốt|tư)\b/);
      expect(words).not.toMatch(/mươi (một|bốn)\b/);
      expect(words).not.toMatch(/(mười|mươi) năm$/);
    }
  });
});

describe('receipt numbers and views', () => {
  it('formats <prefix>-<year>-<000001>, up to 8 digits', () => {
    expect(formatReceiptNumber('hoa_don', 2026, 1)).toBe('HD-2026-000001');
    expect(formatReceiptNumber('bien_lai', 2027, 1_234_567)).toBe('BL-2027-1234567');
    expect(RECEIPT_NUMBER.test('HD-2026-000001')).toBe(true);
    expect(RECEIPT_NUMBER.test('HD-2026-1')).toBe(false);
    expect(() => formatReceiptNumber('hoa_don', 2026, 0)).toThrow(RangeError);
    expect(() => formatReceiptNumber('hoa_don', 2026, 100_000_000)).toThrow(RangeError);
  });

  it('gives a hospital bill the invoice kind and any fee a biên lai', () => {
    expect(receiptKindFor('bill')).toBe('hoa_don');
    expect(receiptKindFor('fee')).toBe('bien_lai');
  });

  it('counts years and prints times in Vietnam time whatever the process TZ', () => {
    expect(vietnamYear('2026-12-31T17:00:00.000Z')).toBe(2027);
    expect(vietnamYear('2026-12-31T16:59:59.000Z')).toBe(2026);
    expect(vietnamDateTimeText('2026-07-05T07:03:00.000Z')).toBe('05/07/2026 14:03');
  });

  it('words the payment status for the verification page', () => {
    expect(receiptStatusFor('paid')).toBe('valid');
    expect(receiptStatusFor('refunded')).toBe('refunded');
    expect(receiptStatusFor('partially_refunded')).toBe('partially_refunded');
  });

  it('maps text onto the font: NFC, and "?" for what the font lacks', () => {
    expect(toReceiptText('Nguyễn'.normalize('NFD'))).toBe('Nguyễn');
    expect(toReceiptText('李 Ω')).toBe('? ?');
  });
});

const content: ReceiptContent = {
  number: 'HD-2026-000042',
  kind: 'hoa_don',
  issuerName: 'Bệnh viện Chợ Rẫy',
  paymentId: '01JDEMQ0000000000000000000',
  paidAt: '2026-07-05T07:03:00.000Z',
  payerInitials: 'Đ. T. M.',
  billCode: 'HD-0001',
  lines: [
    { name: 'Khám bệnh chuyên khoa', quantity: 1, unitPrice: 150_000, insuranceCovered: 0, amount: 150_000 },
    { name: 'Xét nghiệm công thức máu', quantity: 2, unitPrice: 90_000, insuranceCovered: 72_000, amount: 108_000 },
    { name: 'Siêu âm ổ bụng', quantity: 1, unitPrice: 140_000, insuranceCovered: 0, amount: 140_000 },
  ],
  totalVnd: 398_000,
  method: { provider: 'VNPay', bankCode: 'NCB', transactionNo: '14123456' },
  verifyUrl: receiptVerifyUrl('https://cong-y-te.example.vn/', 'HD-2026-000042'),
};

describe('the receipt PDF', () => {
  it('is a valid one-page PDF with Be Vietnam Pro embedded, printing the Vietnamese text and the QR address', async () => {
    const bytes = await renderReceiptPdf(content);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const doc = parsePdf(bytes);
    expect(doc.pageCount).toBe(1);
    expect(doc.info.Title).toBe('BIÊN NHẬN THANH TOÁN VIỆN PHÍ HD-2026-000042');
    expect(doc.info.CreationDate).toBe('D:20260705070300Z');
    expect(Buffer.from(bytes).toString('latin1')).toContain('/BaseFont /RCPTRG+BeVietnamPro-Regular');
    // The fonts travel inside the file, Vietnamese glyphs included (a reader needs no font of its own).
    expect(Buffer.from(bytes).toString('latin1').match(/\/FontFile2 \d+ 0 R/g)).toHaveLength(2);
    const { text } = doc;
    expect(text).not.toContain('\uFFFD');
    for (const expected of ['BIÊN NHẬN THANH TOÁN VIỆN PHÍ', 'Số: HD-2026-000042', 'Bệnh viện Chợ Rẫy', 'Đ. T. M.', '05/07/2026 14:03', 'Xét nghiệm công thức máu', '72.000 ₫', '398.000 ₫', 'Ba trăm chín mươi tám nghìn đồng', 'VNPay · NCB · Mã GD 14123456', 'https://cong-y-te.example.vn/tra-cuu/bien-lai/HD-2026-000042', 'Nghị định 254/2026/NĐ-CP', 'Trang 1/1']) {
      expect(text).toContain(expected);
    }
  });

  it('is the same bytes for the same receipt', async () => {
    expect(Buffer.compare(Buffer.from(await renderReceiptPdf(content)), Buffer.from(await renderReceiptPdf(content)))).toBe(0);
  });

  it('continues a long bill on further pages, numbered', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ name: `Thuốc điều trị số ${i + 1}`, quantity: 1, unitPrice: 10_000, insuranceCovered: 0, amount: 10_000 }));
    const bytes = await renderReceiptPdf({ ...content, lines, totalVnd: 600_000 });
    const doc = parsePdf(bytes);
    expect(doc.pageCount).toBeGreaterThan(1);
    const { text } = doc;
    expect(text).toContain(`Trang ${doc.pageCount}/${doc.pageCount}`);
    expect(doc.pages[doc.pageCount - 1]).toContain('Sáu trăm nghìn đồng');
    expect(text).toContain('Thuốc điều trị số 60');
    expect(text).toContain('Sáu trăm nghìn đồng');
  });
});
