/**
 * An amount of đồng in Vietnamese words, as invoices and receipts print it:
 * 398000 → "Ba trăm chín mươi tám nghìn đồng".
 *
 * Rules: "mười" for ten and "mươi" for the other tens; "mốt" for 1 after a tens digit ≥ 2
 * ("hai mươi mốt"), "một" otherwise ("mười một"); "tư" for 4 after a tens digit ≥ 2
 * ("hai mươi tư"), "bốn" otherwise ("mười bốn"); "lăm" for 5 after any tens digit ("mười lăm",
 * "hai mươi lăm"); a zero tens digit before a unit reads "lẻ" ("một trăm lẻ năm", the southern
 * form used in Ho Chi Minh City — "linh" is the northern one, `{ zeroTens: 'linh' }`); a group of
 * three inside a larger number reads its zero hundreds ("một nghìn không trăm hai mươi"); groups
 * that are all zero are skipped; "nghìn", "triệu", "tỷ", and above a thousand billion the tỷ
 * repeats ("một nghìn tỷ").
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

export interface WordsOptions {
  zeroTens?: 'lẻ' | 'linh';
}

/** Three digits; `full` reads zero hundreds and "lẻ" (a group after a larger one). */
function group(n: number, full: boolean, zeroTens: string): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(DIGITS[hundreds] ?? '', 'trăm');
  const readHundreds = words.length > 0;
  if (tens === 0) {
    if (units > 0) words.push(...(readHundreds ? [zeroTens] : []), DIGITS[units] ?? '');
  } else if (tens === 1) {
    words.push('mười');
    if (units === 5) words.push('lăm');
    else if (units > 0) words.push(DIGITS[units] ?? '');
  } else {
    words.push(DIGITS[tens] ?? '', 'mươi');
    if (units === 1) words.push('mốt');
    else if (units === 4) words.push('tư');
    else if (units === 5) words.push('lăm');
    else if (units > 0) words.push(DIGITS[units] ?? '');
  }
  return words;
}

const SCALES = ['', 'nghìn', 'triệu'] as const;

/** Below one tỷ (10^9); `full` when a larger part precedes it. */
function belowBillion(n: number, full: boolean, zeroTens: string): string[] {
  const words: string[] = [];
  let leading = !full;
  for (let scale = 2; scale >= 0; scale--) {
    const part = Math.floor(n / 1000 ** scale) % 1000;
    if (part === 0) continue;
    words.push(...group(part, !leading, zeroTens));
    const name = SCALES[scale];
    if (name) words.push(name);
    leading = false;
  }
  return words;
}

function spell(n: number, full: boolean, zeroTens: string): string[] {
  if (n < 1e9) return belowBillion(n, full, zeroTens);
  const billions = Math.floor(n / 1e9);
  const rest = n % 1e9;
  return [...spell(billions, full, zeroTens), 'tỷ', ...(rest > 0 ? belowBillion(rest, true, zeroTens) : [])];
}

/** The words without "đồng", lower case: 21 → "hai mươi mốt"; 0 → "không". */
export function numberInWords(amount: number, options: WordsOptions = {}): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Not a whole non-negative amount: ${amount}`);
  if (amount === 0) return DIGITS[0];
  return spell(amount, false, options.zeroTens ?? 'lẻ').join(' ');
}

/** "Ba trăm chín mươi tám nghìn đồng": capitalised, with the currency, as a receipt prints it. */
export function amountInWords(amount: number, options: WordsOptions = {}): string {
  const words = `${numberInWords(amount, options)} đồng`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
