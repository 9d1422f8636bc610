/**
 * QR codes for the cashier desk: the modules of a QR as one SVG path (uqr encodes). Pure, so it
 * is unit-tested; src/lib/qr-svg.ts turns it into DOM elements (createElementNS: no markup
 * strings, nothing the CSP would refuse).
 */
import { encode } from 'uqr';

export interface QrPath {
  /** Modules per side, quiet zone included. */
  size: number;
  /** One SVG path of all dark modules, one unit per module. */
  d: string;
}

/** The dark modules of `text` as one path; `border` is the quiet zone in modules (4 is the standard's). */
export function qrPath(text: string, border = 4): QrPath {
  const { size, data } = encode(text, { ecc: 'M', border });
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    const row = data[y]!;
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x++;
        continue;
      }
      // One rectangle per run of dark modules on a row keeps the path short.
      const start = x;
      while (x < size && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
    }
  }
  return { size, d: parts.join('') };
}
