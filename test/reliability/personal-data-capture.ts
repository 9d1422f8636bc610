/**
 * The canaries of the personal-data test and the machinery that catches them: marker values a
 * citizen types in (a personal ID, a mobile number, a full name), a matcher that finds them in any
 * rendering (the name without diacritics or in capitals as VNPay's order info writes it, the phone
 * with +84, URL-encoded text), and capture of every log line written to the process's stdout and
 * stderr and through console.* while a test file runs.
 */
import { expect } from 'vitest';
import { personalIdProblem, patientSchema } from '../../shared/src/booking/patients';
import { foldDiacritics } from '../../shared/src/vietnamese';

/** Born 1987, female (century/sex digit 1), birth registered in Bình Định (052). */
export const CANARY = {
  cccd: '052187604913',
  phone: '0386915274',
  fullName: 'Khúc Thị Canary Ánh',
  dateOfBirth: '1987-09-23',
  sex: 'female' as const,
};

/** The canaries really pass the portal's rules, or the flows would stop at validation and prove nothing. */
export function assertCanariesValid(): void {
  expect(personalIdProblem(CANARY.cccd, CANARY.dateOfBirth, CANARY.sex)).toBeUndefined();
  const parsed = patientSchema.safeParse({ fullName: CANARY.fullName, dateOfBirth: CANARY.dateOfBirth, sex: CANARY.sex, phone: CANARY.phone, cccd: CANARY.cccd });
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

const foldedName = foldDiacritics(CANARY.fullName);
/** The national number without its leading 0 or +84: found in 0386…, +84386…, 84386…. */
const phoneCore = CANARY.phone.slice(1);

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The canaries present in `text` (empty when none), whatever the rendering. */
export function canariesIn(text: string): string[] {
  if (!text) return [];
  const variants = [text, decoded(text)];
  const found = new Set<string>();
  for (const v of variants) {
    const digits = v.replace(/[\s.-]/g, '');
    if (digits.includes(CANARY.cccd)) found.add('cccd');
    if (digits.includes(phoneCore)) found.add('phone');
    if (foldDiacritics(v).replace(/\s+/g, ' ').includes(foldedName)) found.add('name');
  }
  return [...found];
}

export interface LogCapture {
  lines: string[];
  stop(): void;
}

/**
 * Every line the process writes while capturing: the Powertools logger writes JSON lines to
 * process.stdout/stderr through its own Console, the local server and job runner use console.*.
 * Lines are kept, not echoed, so a DEBUG-level run does not flood the report.
 */
export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const keep = (chunk: unknown) => lines.push(...String(chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : chunk).split('\n').filter((l) => l.trim() !== ''));
  const streams = [process.stdout, process.stderr] as const;
  const writes = streams.map((s) => s.write);
  for (const stream of streams) {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  }
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originals = methods.map((m) => console[m]);
  for (const m of methods) console[m] = (...args: unknown[]) => keep(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : JSON.stringify(a))).join(' '));
  return {
    lines,
    stop() {
      streams.forEach((s, i) => (s.write = writes[i]!));
      methods.forEach((m, i) => (console[m] = originals[i]!));
    },
  };
}
