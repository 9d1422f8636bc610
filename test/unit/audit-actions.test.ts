/**
 * Every audited action has a readable label (the "who read my data" page shows them, ADR 0025), and a
 * staff member is shown by unit or hospital and role, never by name unless the department says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel, isAuditAction } from '../../shared/src/audit/actions';
import { dataAccessItem } from '../../shared/src/audit/data-access';
import { OFFICER_ACTIONS } from '../../shared/src/dossiers/lifecycle';

const root = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Splits a call's argument text at its top-level commas (brackets, strings and templates kept whole). */
function topLevelArgs(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = '';
    } else if (c === "'" || c === '`' || c === '"') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return [...args, current.trim()];
      depth--;
    } else if (c === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  return args;
}

/** The action argument (the third) of every `auditEntry(` and `auditRead(` call in the functions' sources, as written. */
function auditedActions(): { file: string; arg: string }[] {
  return sources(join(root, 'functions/src')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/(?<!function )\b(?:auditEntry|auditRead)\(/g)].map((m) => ({ file: file.slice(root.length + 1), arg: topLevelArgs(text, (m.index ?? 0) + m[0].length - 1)[2] ?? '' }));
  });
}

describe('audit action labels', () => {
  const calls = auditedActions();

  it('finds the audited call sites (every staff read and write)', () => {
    expect(calls.length).toBeGreaterThanOrEqual(20);
    expect(calls.map((c) => c.arg)).toContain("'dossier.read'");
  });

  it('labels every action a call site can write, in Vietnamese and English', () => {
    const missing: string[] = [];
    for (const { file, arg } of calls) {
      if (arg.startsWith('`dossier.${')) {
        for (const a of OFFICER_ACTIONS) if (!isAuditAction(`dossier.${a}`)) missing.push(`${file}: dossier.${a}`);
        continue;
      }
      const literals = [...arg.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
      if (literals.length === 0) {
        // A name passed through (desk.ts `audited(…, action, …)`): its parameter must be typed AuditAction so the compiler checks callers.
        expect(readFileSync(join(root, file), 'utf8'), `${file}: ${arg}`).toMatch(new RegExp(`${arg}: AuditAction`));
        continue;
      }
      for (const literal of literals) if (!isAuditAction(literal)) missing.push(`${file}: ${literal}`);
    }
    expect(missing).toEqual([]);
  });

  it('has a Vietnamese label with diacritics and a different English one for each action', () => {
    for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label.vi.length, action).toBeGreaterThan(3);
      expect(label.en.length, action).toBeGreaterThan(3);
      expect(label.vi, action).not.toBe(label.en);
    }
    expect(auditActionLabel('dossier.read', 'vi')).toBe('Xem hồ sơ');
    expect(auditActionLabel('appointment.checkIn', 'vi')).toBe('Check-in lịch khám');
    expect(auditActionLabel('something.new', 'en')).toBe('something.new');
  });
});

describe('how a staff member is shown to the data subject', () => {
  const entry = { at: '2026-12-01T02:00:00.000Z', action: 'dossier.read', actorRole: 'officer' as const, actorName: 'Võ Thị Lan', actorUnitId: 'unit-nghiep-vu-y', targetType: 'dossier', targetId: 'D1', targetCode: '000.00.31.H29-261201-0001' };

  it('by unit and role, without the name, by default', () => {
    const item = dataAccessItem(entry, { showStaffNames: false });
    expect(item).toEqual({
      at: entry.at, action: 'dossier.read', actionLabel: { vi: 'Xem hồ sơ', en: 'Opened the dossier' },
      by: { role: 'officer', roleLabel: { vi: 'Cán bộ Sở Y tế', en: 'Department officer' }, place: { vi: 'Phòng Nghiệp vụ Y', en: 'Medical Affairs Division' } },
      target: { type: 'dossier', id: 'D1', code: '000.00.31.H29-261201-0001' },
    });
    expect(JSON.stringify(item)).not.toContain('Lan');
  });

  it('with the name when the department turns showStaffNames on', () => {
    expect(dataAccessItem(entry, { showStaffNames: true }).by.name).toBe('Võ Thị Lan');
  });

  it('by hospital for hospital staff', () => {
    const item = dataAccessItem({ ...entry, action: 'appointment.checkIn', actorRole: 'hospital_staff', actorUnitId: undefined, actorHospitalId: 'hosp-cho-ray', targetType: 'appointment' }, { showStaffNames: false });
    expect(item.by).toEqual({ role: 'hospital_staff', roleLabel: { vi: 'Nhân viên bệnh viện', en: 'Hospital staff' }, place: { vi: 'Bệnh viện Chợ Rẫy', en: 'Bệnh viện Chợ Rẫy' } });
    expect(item.target.type).toBe('appointment');
  });
});
