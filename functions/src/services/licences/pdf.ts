/**
 * The licence or certificate PDF (A4 portrait, Vietnamese with English in smaller type), drawn with
 * the receipts' PDF writer (services/pdf/, ADR 0018) and the same trimmed Be Vietnam Pro
 * (services/receipts/), so the licences job carries nothing the receipts job does not already carry.
 *
 * Deterministic: the same content gives the same bytes (creation date = issue time, fixed producer
 * and font names), so a re-run after a crash stores the very file it would have stored.
 */
import { encode } from 'uqr';
import type { LicenceContent } from '@portal/shared/licences/licence';
import { toReceiptText } from '@portal/shared/receipts/charset';
import { PdfDocument, rgb, type PdfFont, type PdfPage, type Rect } from '../pdf/writer';
import { BE_VIETNAM_PRO_BOLD_DEFLATED, BE_VIETNAM_PRO_REGULAR_DEFLATED } from '../receipts/fonts.generated';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const ACCENT = rgb(0.55, 0.08, 0.08);

/** `2026-03-05` → `05/03/2026`. */
const dmy = (date: string): string => date.slice(0, 10).split('-').reverse().join('/');

function wrap(text: string, font: PdfFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of toReceiptText(text).split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function renderLicencePdf(licence: LicenceContent): Promise<Uint8Array> {
  const issued = new Date(licence.issuedAt);
  const doc = new PdfDocument({
    title: toReceiptText(`${licence.titleVi} số ${licence.number}`),
    subject: toReceiptText(`${licence.titleVi} — ${licence.holderName}`),
    author: 'Sở Y tế Thành phố Hồ Chí Minh',
    producer: 'Cổng dịch vụ y tế',
    creator: 'Cổng dịch vụ y tế',
    // A property readers show: the number, so a copy names itself.
    keywords: licence.number,
    language: 'vi-VN',
    createdAt: issued,
  });
  const regular = doc.embedFont(Buffer.from(BE_VIETNAM_PRO_REGULAR_DEFLATED, 'base64'), 'LICNRG+BeVietnamPro-Regular');
  const bold = doc.embedFont(Buffer.from(BE_VIETNAM_PRO_BOLD_DEFLATED, 'base64'), 'LICNBD+BeVietnamPro-Bold');

  const page: PdfPage = doc.addPage(A4.width, A4.height);
  const text = (value: string, x: number, y: number, size: number, font: PdfFont = regular, color = INK) => page.drawText(toReceiptText(value), { x, y, size, font, color });
  const centreAt = (value: string, cx: number, y: number, size: number, font: PdfFont = regular, color = INK) => {
    const t = toReceiptText(value);
    page.drawText(t, { x: cx - font.widthOfTextAtSize(t, size) / 2, y, size, font, color });
  };
  let y = A4.height - MARGIN;

  // Letterhead: issuing body on the left, the national motto on the right (as Vietnamese official documents are laid out).
  const leftX = MARGIN + 110;
  const rightX = A4.width - MARGIN - 130;
  centreAt('UBND THÀNH PHỐ HỒ CHÍ MINH', leftX, y, 9.5);
  centreAt('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, y, 9.5, bold);
  y -= 13;
  centreAt('SỞ Y TẾ', leftX, y, 10.5, bold);
  centreAt('Độc lập - Tự do - Hạnh phúc', rightX, y, 10, bold);
  y -= 18;
  centreAt(`Số: ${licence.number}`, leftX, y, 10, bold, ACCENT);
  centreAt(`Thành phố Hồ Chí Minh, ngày ${dmy(licence.validFrom)}`, rightX, y, 9, regular, MUTED);
  y -= 46;

  // Title.
  for (const line of wrap(licence.titleVi.toUpperCase(), bold, 16, CONTENT_WIDTH)) {
    centreAt(line, A4.width / 2, y, 16, bold);
    y -= 20;
  }
  centreAt(licence.titleEn, A4.width / 2, y, 9.5, regular, MUTED);
  y -= 34;

  const facts: [string, string, string][] = [
    ['Số', 'Number', licence.number],
    [licence.kind === 'licence' ? 'Cấp cho' : 'Chứng nhận cho', 'Holder', licence.holderName],
    ['Phạm vi', 'Scope', licence.scopeVi],
    ['Thủ tục', 'Procedure', licence.procedureNameVi],
    ['Có hiệu lực từ ngày', 'Valid from', dmy(licence.validFrom)],
    ['Có giá trị đến hết ngày', 'Valid until', licence.validUntil ? dmy(licence.validUntil) : 'Không thời hạn (no expiry)'],
    ['Đơn vị cấp', 'Issued by', licence.issuingUnit],
    ['Người phê duyệt', 'Approved by', licence.signedBy],
    ...(licence.dossierCode ? ([['Mã hồ sơ', 'Dossier code', licence.dossierCode]] as [string, string, string][]) : []),
  ];
  for (const [vi, en, value] of facts) {
    text(vi, MARGIN, y, 10, regular, MUTED);
    text(en, MARGIN, y - 11, 7.5, regular, MUTED);
    const lines = wrap(value, bold, 11, CONTENT_WIDTH - 150);
    lines.forEach((l, i) => text(l, MARGIN + 150, y - i * 14, 11, bold));
    y -= Math.max(30, lines.length * 14 + 14);
  }

  y -= 6;
  text('Căn cứ pháp lý / Legal basis:', MARGIN, y, 9, bold, MUTED);
  y -= 13;
  for (const line of wrap(licence.legalBasis.join('; '), regular, 8.5, CONTENT_WIDTH)) {
    text(line, MARGIN, y, 8.5, regular, MUTED);
    y -= 11;
  }
  y -= 20;

  // QR to the public verification page, and how to check the signature.
  const qr = encode(licence.verifyUrl, { ecc: 'M', border: 0 });
  const qrSize = 104;
  const cell = qrSize / qr.size;
  const qrTop = y;
  const modules: Rect[] = qr.data.flatMap((row, r) => row.flatMap((dark, c) => (dark ? [{ x: MARGIN + c * cell, y: qrTop - (r + 1) * cell, width: cell, height: cell }] : [])));
  page.fillRectangles(modules, rgb(0, 0, 0));
  const beside = MARGIN + qrSize + 16;
  const besideWidth = CONTENT_WIDTH - qrSize - 16;
  text('Kiểm tra giấy tờ này', beside, qrTop - 12, 10.5, bold);
  text('Verify this document', beside, qrTop - 24, 7.5, regular, MUTED);
  let by = qrTop - 42;
  for (const line of wrap(
    'Văn bản được ký số bởi Sở Y tế (chữ ký số tách rời trên mã băm SHA-256 của tệp). Quét mã QR hoặc mở địa chỉ bên dưới để xem tình trạng hiện tại (còn hiệu lực, tạm đình chỉ, thu hồi, hết hạn) và kiểm tra tệp bạn đang có.',
    regular,
    9,
    besideWidth,
  )) {
    text(line, beside, by, 9);
    by -= 12;
  }
  for (const line of wrap('Digitally signed by the Department of Health (a detached signature over the file’s SHA-256). Scan the code to see the current status and check your copy.', regular, 7.5, besideWidth)) {
    text(line, beside, by - 2, 7.5, regular, MUTED);
    by -= 10;
  }
  text(licence.verifyUrl, MARGIN, qrTop - qrSize - 14, 8.5, regular, rgb(0.05, 0.32, 0.55));

  // Signature block.
  const signY = Math.min(qrTop - qrSize - 50, by - 30);
  centreAt('KT. GIÁM ĐỐC SỞ Y TẾ', rightX, signY, 10, bold);
  centreAt('Đã ký số', rightX, signY - 16, 9, regular, ACCENT);
  centreAt(licence.issuingUnit, rightX, signY - 30, 9);
  centreAt(`Phê duyệt: ${licence.signedBy}`, rightX, signY - 43, 9, regular, MUTED);

  const footer = 'Giấy tờ điện tử do Cổng dịch vụ y tế cấp; giá trị của bản giấy hoặc bản sao được đối chiếu qua trang kiểm tra ở trên.';
  text(footer, MARGIN, MARGIN - 20, 7, regular, MUTED);
  text('Electronic document issued through the health services portal; check any copy on the verification page above.', MARGIN, MARGIN - 30, 6.5, regular, MUTED);

  return doc.save();
}
