/** Vietnamese text, money and time helpers shared by the functions and the site. */

/** "Hồ Chí Minh" → "ho chi minh": search that ignores diacritics and case (đ → d too). */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** 1500000 → "1.500.000 ₫" regardless of the runtime's ICU data. */
export function formatVnd(amount: number): string {
  const digits = Math.trunc(Math.abs(amount)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${digits} ₫`;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The Vietnam calendar date (UTC+7, no DST) of an instant, whatever TZ the process has. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
