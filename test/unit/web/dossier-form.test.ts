/**
 * The pure parts of the dossier form renderer (ids, control attributes, number parsing, option
 * lists, visibility). The DOM behaviour runs in Chromium: test/e2e/dossier-form.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { procedureByCode } from '../../../shared/src/procedures/catalogue';
import type { LeafField } from '../../../shared/src/procedures/forms';
import { visibleFieldIds } from '../../../shared/src/procedures/forms';
import { controlSpec, elementId, hcmcWardOptions, labelOf, parseNumberInput, provinceOptions, visibleTopIds } from '../../../web/src/lib/dossier-form-spec';

const base = { id: 'x', labelVi: 'Nhãn', labelEn: 'Label' };
const spec = (field: Record<string, unknown>) => controlSpec({ ...base, ...field } as Exclude<LeafField, { kind: 'address' }>, '2026-03-10');

describe('dossier form: controls', () => {
  it('gives CCCD a numeric keypad and phone a telephone keypad (which keeps + for +84), with autocomplete', () => {
    expect(spec({ kind: 'cccd' })).toMatchObject({ tag: 'input', type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: false });
    expect(spec({ kind: 'phone' })).toMatchObject({ tag: 'input', type: 'tel', inputmode: 'tel', autocomplete: 'tel' });
    expect(spec({ kind: 'email' })).toMatchObject({ type: 'email', autocomplete: 'email', spellcheck: false });
    expect(spec({ kind: 'text', maxLength: 100, autocomplete: 'name' })).toMatchObject({ type: 'text', maxlength: 100, autocomplete: 'name' });
  });

  it('limits dates to the past or the future as the field says', () => {
    expect(spec({ kind: 'date', range: 'past', autocomplete: 'bday' })).toMatchObject({ type: 'date', max: '2026-03-10', autocomplete: 'bday' });
    expect(spec({ kind: 'date', range: 'future' })).toMatchObject({ min: '2026-03-10' });
    expect(spec({ kind: 'date' })).not.toHaveProperty('max');
  });

  it('uses a text box with a numeric keypad for numbers (not type=number)', () => {
    expect(spec({ kind: 'number', integer: true })).toMatchObject({ type: 'text', inputmode: 'numeric' });
    expect(spec({ kind: 'number' })).toMatchObject({ type: 'text', inputmode: 'decimal' });
  });

  it('reads numbers as typed in Vietnam ("120,5") and leaves garbage for the checker to refuse', () => {
    expect(parseNumberInput('120')).toBe(120);
    expect(parseNumberInput(' 120,5 ')).toBe(120.5);
    expect(parseNumberInput('1 200')).toBe(1200);
    expect(parseNumberInput('')).toBe('');
    expect(parseNumberInput('mười')).toBe('mười');
    expect(parseNumberInput('1e3')).toBe('1e3');
  });

  it('builds element ids from field paths', () => {
    expect(elementId('df', 'staff.1.cccd')).toBe('df-staff-1-cccd');
    expect(elementId('apply', 'address.ward')).toBe('apply-address-ward');
  });

  it('labels in the page language', () => {
    expect(labelOf(base, 'vi')).toBe('Nhãn');
    expect(labelOf(base, 'en')).toBe('Label');
  });
});

describe('dossier form: address options', () => {
  it('lists 34 provinces with Hồ Chí Minh City first', () => {
    const vi = provinceOptions('vi');
    expect(vi).toHaveLength(34);
    expect(vi[0]).toEqual({ value: '79', label: 'Thành phố Hồ Chí Minh' });
    expect(vi.map((o) => o.label)).toContain('Đồng Nai');
    expect(provinceOptions('en').map((o) => o.label)).toContain('Dong Nai');
  });

  it('lists the 168 wards of Hồ Chí Minh City by name', () => {
    const wards = hcmcWardOptions();
    expect(wards).toHaveLength(168);
    expect(wards).toContainEqual({ value: '26740', label: 'Phường Sài Gòn' });
    expect(wards).toContainEqual({ value: '26732', label: 'Đặc khu Côn Đảo' });
  });
});

describe('dossier form: conditional fields', () => {
  it('shows the same fields as the shared checker', () => {
    const clinic = procedureByCode('cap-moi-giay-phep-hoat-dong-phong-kham')!;
    for (const data of [{}, { facilityType: 'phong_kham_chuyen_khoa' }, { hasXray: true }, { facilityType: 'phong_kham_da_khoa', hasXray: false }]) {
      expect([...visibleTopIds(clinic.form, data)]).toEqual([...visibleFieldIds(clinic.form, data)]);
    }
    expect(visibleTopIds(clinic.form, {}).has('specialty')).toBe(false);
    expect(visibleTopIds(clinic.form, { facilityType: 'phong_kham_chuyen_khoa' }).has('specialty')).toBe(true);
  });
});
