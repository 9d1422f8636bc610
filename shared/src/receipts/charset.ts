/**
 * The characters a receipt PDF can print: the embedded font is trimmed to these
 * (functions/src/local/trim-receipt-fonts.ts), and text is mapped onto them before drawing
 * (`toReceiptText`), so a name with a character outside the set prints "?" instead of nothing.
 */
const VIETNAMESE_LOWER = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệfghiìỉĩíịjklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvwxyỳỷỹýỵz';
const PUNCTUATION = '₫–—‘’“”…•×·°';

export const RECEIPT_CHARSET: ReadonlySet<string> = new Set([
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...VIETNAMESE_LOWER,
  ...VIETNAMESE_LOWER.toUpperCase(),
  ...PUNCTUATION,
]);

/** NFC (precomposed letters), non-breaking and other spaces as spaces, anything else unprintable as "?". */
export function toReceiptText(text: string): string {
  return [...text.normalize('NFC').replace(/\s/g, ' ')].map((c) => (RECEIPT_CHARSET.has(c) ? c : '?')).join('');
}
