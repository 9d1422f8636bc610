/**
 * Dossier codes in the prescribed format `AGENCYCODE-YYMMDD-XXXX` (Decree 61/2018 Art. 26,
 * Circular 01/2018 Art. 19): the receiving agency's e-ID code (from configuration: codes were
 * re-issued after the 2025 mergers), the receipt date in Vietnam time, and a daily sequence of at
 * least four digits that simply grows longer past 9999 (Circular 04/2025 allows longer sequences).
 */

/** Agency e-ID codes: up to 35 characters, dot-separated groups of A–Z and digits (Decision 20/2020/QĐ-TTg). */
export const AGENCY_CODE = /^[A-Z0-9]+(\.[A-Z0-9]+)*$/;

export function isAgencyCode(value: string): boolean {
  return value.length <= 35 && AGENCY_CODE.test(value);
}

/** `("000.00.31.H29", "2026-11-24", 7)` → `000.00.31.H29-261124-0007`. */
export function formatDossierCode(agencyCode: string, vietnamDay: string, sequence: number): string {
  if (!isAgencyCode(agencyCode)) throw new Error(`Invalid agency code ${agencyCode}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(vietnamDay)) throw new Error(`Invalid day ${vietnamDay}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Invalid sequence ${sequence}`);
  const yymmdd = vietnamDay.slice(2).replaceAll('-', '');
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

export const DOSSIER_CODE = /^([A-Z0-9.]{1,35})-(\d{6})-(\d{4,8})$/;

export function parseDossierCode(code: string): { agencyCode: string; yymmdd: string; sequence: number } | undefined {
  const match = DOSSIER_CODE.exec(code);
  if (!match || !isAgencyCode(match[1] ?? '')) return undefined;
  return { agencyCode: match[1] ?? '', yymmdd: match[2] ?? '', sequence: Number(match[3]) };
}
