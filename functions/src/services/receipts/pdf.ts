/**
 * The receipt PDF (A4 portrait, Vietnamese with English in smaller type), drawn with the project's
 * own PDF writer (services/pdf/, ADR 0018) in the trimmed Be Vietnam Pro. Only the receipts job
 * imports this module (the embedded fonts are ~34 KB; no HTTP function bundles them).
 *
 * Deterministic: the same content gives the same bytes (fixed creation date = the payment time,
 * fixed producer, fixed font names, the file id a hash of the content).
 */
import { encode } from 'uqr';
import { toReceiptText } from '@portal/shared/receipts/charset';
import { RECEIPT_KIND_LABEL, RECEIPT_TITLE, paymentMethodText, vietnamDateTimeText, type ReceiptContent } from '@portal/shared/receipts/receipt';
import { amountInWords } from '@portal/shared/receipts/words';
import { formatVnd } from '@portal/shared/vietnamese';
import { PdfDocument, rgb, type PdfFont, type PdfPage, type Rect } from '../pdf/writer';
import { BE_VIETNAM_PRO_BOLD_DEFLATED, BE_VIETNAM_PRO_REGULAR_DEFLATED } from './fonts.generated';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const FOOTER_TOP = 96;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.75, 0.75, 0.78);
const ACCENT = rgb(0.05, 0.32, 0.55);

/** Table columns: x offset from the left margin, width, alignment. */
const COLUMNS = [
  { vi: 'STT', en: 'No.', width: 26, align: 'left' },
  { vi: 'Dịch vụ', en: 'Service', width: 183, align: 'left' },
  { vi: 'SL', en: 'Qty', width: 34, align: 'right' },
  { vi: 'Đơn giá', en: 'Unit price', width: 82, align: 'right' },
  { vi: 'BHYT chi trả', en: 'Insurance', width: 82, align: 'right' },
  { vi: 'Thành tiền', en: 'Amount', width: 92, align: 'right' },
] as const;

interface Fonts {
  regular: PdfFont;
  bold: PdfFont;
}

/** Splits text into lines no wider than `width`. */
function wrap(text: string, font: PdfFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  // A single word wider than the column: cut it by characters.
  return lines.flatMap((l) => {
    if (font.widthOfTextAtSize(l, size) <= width) return [l];
    const parts: string[] = [];
    let part = '';
    for (const c of l) {
      if (font.widthOfTextAtSize(part + c, size) > width && part) {
        parts.push(part);
        part = '';
      }
      part += c;
    }
    return part ? [...parts, part] : parts;
  });
}

export async function renderReceiptPdf(receipt: ReceiptContent): Promise<Uint8Array> {
  const createdAt = new Date(receipt.paidAt);
  const kindLabel = RECEIPT_KIND_LABEL[receipt.kind];
  const title = RECEIPT_TITLE[receipt.kind];
  const doc = new PdfDocument({
    title: toReceiptText(`${title.vi} ${receipt.number}`),
    subject: toReceiptText(`${kindLabel.vi} — ${receipt.issuerName}`),
    author: 'Cổng dịch vụ y tế',
    producer: 'Cổng dịch vụ y tế',
    creator: 'Cổng dịch vụ y tế',
    language: 'vi-VN',
    createdAt,
  });
  const fonts: Fonts = {
    regular: doc.embedFont(Buffer.from(BE_VIETNAM_PRO_REGULAR_DEFLATED, 'base64'), 'RCPTRG+BeVietnamPro-Regular'),
    bold: doc.embedFont(Buffer.from(BE_VIETNAM_PRO_BOLD_DEFLATED, 'base64'), 'RCPTBD+BeVietnamPro-Bold'),
  };

  const pages: PdfPage[] = [];
  let page = doc.addPage(A4.width, A4.height);
  pages.push(page);
  let y = A4.height - MARGIN;

  const text = (value: string, x: number, atY: number, size: number, font: PdfFont = fonts.regular, color = INK) =>
    page.drawText(toReceiptText(value), { x, y: atY, size, font, color });
  const right = (value: string, xRight: number, atY: number, size: number, font: PdfFont = fonts.regular, color = INK) => {
    const t = toReceiptText(value);
    page.drawText(t, { x: xRight - font.widthOfTextAtSize(t, size), y: atY, size, font, color });
  };
  const centre = (value: string, atY: number, size: number, font: PdfFont, color = INK) => {
    const t = toReceiptText(value);
    page.drawText(t, { x: (A4.width - font.widthOfTextAtSize(t, size)) / 2, y: atY, size, font, color });
  };
  const rule = (atY: number, thickness = 0.6) => page.drawLine({ start: { x: MARGIN, y: atY }, end: { x: A4.width - MARGIN, y: atY }, thickness, color: RULE });

  // Header: issuer and the portal on the left, the number on the right.
  text(receipt.issuerName.toUpperCase(), MARGIN, y - 10, 11, fonts.bold, ACCENT);
  text('Cổng dịch vụ y tế — Sở Y tế Thành phố Hồ Chí Minh', MARGIN, y - 24, 8.5, fonts.regular, MUTED);
  right(`Số: ${receipt.number}`, A4.width - MARGIN, y - 10, 10, fonts.bold);
  right(`${kindLabel.vi} (${kindLabel.en})`, A4.width - MARGIN, y - 24, 8.5, fonts.regular, MUTED);
  y -= 34;
  rule(y, 1);

  // Title.
  y -= 34;
  centre(title.vi, y, 17, fonts.bold);
  y -= 16;
  centre(title.en, y, 9.5, fonts.regular, MUTED);
  y -= 28;

  // Facts.
  const facts: [string, string, string][] = [
    ['Đơn vị thu', 'Issuer', receipt.issuerName],
    ['Số biên nhận', 'Receipt number', receipt.number],
    ['Thời gian thanh toán', 'Paid at', `${vietnamDateTimeText(receipt.paidAt)} (giờ Việt Nam, UTC+7)`],
    ['Người nộp tiền', 'Payer', receipt.payerInitials],
    ['Mã hóa đơn của bệnh viện', 'Hospital bill code', receipt.billCode],
    ['Hình thức thanh toán', 'Payment method', paymentMethodText(receipt.method)],
  ];
  for (const [vi, en, value] of facts) {
    text(vi, MARGIN, y, 9.5, fonts.regular, MUTED);
    text(en, MARGIN, y - 10, 7, fonts.regular, MUTED);
    text(value, MARGIN + 150, y, 10, fonts.bold);
    y -= 24;
  }
  y -= 6;

  function tableHeader(): void {
    page.drawRectangle({ x: MARGIN, y: y - 26, width: CONTENT_WIDTH, height: 30, color: rgb(0.93, 0.95, 0.97) });
    let x = MARGIN;
    for (const col of COLUMNS) {
      const edge = col.align === 'right' ? x + col.width - 4 : x + 4;
      if (col.align === 'right') {
        right(col.vi, edge, y - 9, 8.5, fonts.bold);
        right(col.en, edge, y - 20, 7, fonts.regular, MUTED);
      } else {
        text(col.vi, edge, y - 9, 8.5, fonts.bold);
        text(col.en, edge, y - 20, 7, fonts.regular, MUTED);
      }
      x += col.width;
    }
    y -= 34;
  }

  function newPage(): void {
    page = doc.addPage(A4.width, A4.height);
    pages.push(page);
    y = A4.height - MARGIN;
    text(`${receipt.issuerName} — ${title.vi}`, MARGIN, y - 10, 9, fonts.bold, ACCENT);
    right(`Số: ${receipt.number}`, A4.width - MARGIN, y - 10, 9, fonts.bold);
    y -= 24;
    rule(y);
    y -= 8;
    tableHeader();
  }

  tableHeader();
  const size = 9;
  receipt.lines.forEach((line, i) => {
    const nameLines = wrap(toReceiptText(line.name), fonts.regular, size, COLUMNS[1].width - 8);
    const height = nameLines.length * 11 + 6;
    if (y - height < FOOTER_TOP + 40) newPage();
    const cells = [String(i + 1), '', String(line.quantity), formatVnd(line.unitPrice), formatVnd(line.insuranceCovered), formatVnd(line.amount)];
    let x = MARGIN;
    COLUMNS.forEach((col, c) => {
      if (c === 1) nameLines.forEach((l, k) => text(l, x + 4, y - k * 11, size));
      else if (col.align === 'right') right(cells[c] ?? '', x + col.width - 4, y, size);
      else text(cells[c] ?? '', x + 4, y, size);
      x += col.width;
    });
    y -= height;
    page.drawLine({ start: { x: MARGIN, y: y + 8 }, end: { x: A4.width - MARGIN, y: y + 8 }, thickness: 0.3, color: RULE });
  });

  // Total, in figures and in words; the QR block needs ~150 pt above the footer.
  if (y - 190 < FOOTER_TOP) newPage();
  y -= 10;
  right('Tổng số tiền đã thanh toán', A4.width - MARGIN - 110, y, 10, fonts.bold);
  right(formatVnd(receipt.totalVnd), A4.width - MARGIN - 4, y, 12, fonts.bold);
  y -= 12;
  right('Total paid', A4.width - MARGIN - 110, y, 7.5, fonts.regular, MUTED);
  y -= 20;
  text('Bằng chữ:', MARGIN, y, 9.5, fonts.regular, MUTED);
  for (const l of wrap(toReceiptText(amountInWords(receipt.totalVnd)), fonts.bold, 10, CONTENT_WIDTH - 60)) {
    text(l, MARGIN + 60, y, 10, fonts.bold);
    y -= 13;
  }
  text('In words', MARGIN, y + 3, 7, fonts.regular, MUTED);
  y -= 18;

  // QR code to the public verification page, with the address printed under it.
  const qr = encode(receipt.verifyUrl, { ecc: 'M', border: 0 });
  const qrSize = 96;
  const cell = qrSize / qr.size;
  const qrTop = y;
  const modules: Rect[] = qr.data.flatMap((row, r) => row.flatMap((dark, c) => (dark ? [{ x: MARGIN + c * cell, y: qrTop - (r + 1) * cell, width: cell, height: cell }] : [])));
  page.fillRectangles(modules, rgb(0, 0, 0));
  const beside = MARGIN + qrSize + 16;
  text('Kiểm tra biên nhận', beside, qrTop - 12, 10, fonts.bold);
  text('Verify this receipt', beside, qrTop - 24, 7.5, fonts.regular, MUTED);
  for (const [k, l] of wrap('Quét mã QR hoặc mở địa chỉ bên dưới để xem biên nhận còn hiệu lực, đã hoàn tiền hay hoàn tiền một phần.', fonts.regular, 9, CONTENT_WIDTH - qrSize - 16).entries()) {
    text(l, beside, qrTop - 42 - k * 12, 9);
  }
  text('Scan the code or open the address below to see whether the receipt is valid or refunded.', beside, qrTop - 70, 7.5, fonts.regular, MUTED);
  text(receipt.verifyUrl, MARGIN, qrTop - qrSize - 14, 8.5, fonts.regular, ACCENT);

  // Footer on every page: what this document is, and is not; page numbers.
  const footer = [
    'Biên nhận này do Cổng dịch vụ y tế lập tự động, xác nhận người nộp đã thanh toán khoản tiền trên qua VNPay.',
    'Hóa đơn điện tử theo Nghị định 254/2026/NĐ-CP do đơn vị thu phát hành qua tổ chức cung cấp dịch vụ hóa đơn điện tử',
    'và được gửi riêng; biên nhận này không thay thế hóa đơn điện tử đó.',
    'Proof of payment issued by the health services portal. The legal e-invoice (Decree 254/2026) is issued separately by the collecting unit.',
  ];
  pages.forEach((p, i) => {
    page = p;
    rule(FOOTER_TOP - 20, 0.5);
    footer.forEach((l, k) => text(l, MARGIN, FOOTER_TOP - 32 - k * 9.5, k === 3 ? 6.5 : 7, fonts.regular, MUTED));
    right(`Trang ${i + 1}/${pages.length}`, A4.width - MARGIN, FOOTER_TOP - 32 - 4 * 9.5 - 4, 7, fonts.regular, MUTED);
  });

  return doc.save();
}
