/**
 * The dossier form renderer (web/src/lib/dossier-form.ts) in Chromium: the clinic-licence form's
 * steps rendered from the catalogue, conditional fields appearing as the applicant answers, the
 * repeatable staff list, Hồ Chí Minh City's ward list, values read back and checked by the shared
 * rules, issues shown next to the fields — and axe (WCAG 2.1 AA) on each state. The renderer is
 * bundled here with esbuild and loaded into a page with the site's stylesheet; no server needed.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureByCode } from '../../shared/src/procedures/catalogue';
import type { FormIssue } from '../../shared/src/procedures/form-rules';
import { PHONE, ROOT, WCAG_TAGS, formatViolations, launchChromium, skipBrowserSuite } from '../helpers/browser';

const skip = skipBrowserSuite('dossier form renderer test');
const clinic = procedureByCode('cap-moi-giay-phep-hoat-dong-phong-kham')!;

/** What the page exposes to the test (see ENTRY). */
interface Harness {
  setForm(form: unknown): void;
  render(stepId: string, lang: 'vi' | 'en', data: Record<string, unknown>): void;
  read(): Record<string, unknown>;
  check(data: Record<string, unknown>, step: string): FormIssue[];
  show(issues: FormIssue[], lang: 'vi' | 'en'): number;
}
type Win = { harness: Harness };

const ENTRY = `
import { renderStep } from './web/src/lib/dossier-form';
import { showIssues } from './web/src/lib/dossier-form-issues';
import { readStep } from './web/src/lib/dossier-form-values';
import { validateDossierData } from './shared/src/procedures/form-rules';
const container = document.getElementById('form');
let form;
window.harness = {
  setForm(f) { form = f; },
  render(stepId, lang, data) { renderStep(container, form, stepId, { lang, data, today: '2026-03-10' }); },
  read() { return readStep(container); },
  check(data, step) { const r = validateDossierData(form, data, 'submit', { today: '2026-03-10', step }); return r.ok ? [] : r.issues; },
  show(issues, lang) { return showIssues(container, issues, lang); },
};
`;

let browser: Browser;
let page: Page;
let html: string;

const call = async <R>(name: keyof Harness, ...args: unknown[]): Promise<R> =>
  page.evaluate(([n, a]) => {
    const h = (globalThis as unknown as Win).harness as unknown as Record<string, (...x: unknown[]) => unknown>;
    return h[n as string]!(...(a as unknown[]));
  }, [name, args] as const) as Promise<R>;

async function axe(where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include('#form').withTags(WCAG_TAGS).analyze();
  if (violations.length) console.error(`[e2e] axe on ${where}:\n${formatViolations(violations)}`);
  expect(violations.map((v) => `${v.id}: ${v.help}`), where).toEqual([]);
}

describe.skipIf(skip)('dossier form renderer in Chromium', () => {
  beforeAll(async () => {
    const bundle = await build({
      stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'harness.ts' },
      bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'silent',
    });
    const css = readFileSync(resolve(ROOT, 'web/src/styles/site.css'), 'utf8');
    html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Biểu mẫu</title><style>${css}</style></head>
      <body><main><h1>Biểu mẫu</h1><form novalidate><div id="form"></div></form></main><script>${bundle.outputFiles[0]!.text}</script></body></html>`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (stepId: string, lang: 'vi' | 'en' = 'vi', data: Record<string, unknown> = {}) => {
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(html);
    await call('setForm', clinic.form);
    await call('render', stepId, lang, data);
    return errors;
  };

  it('clinic step: labelled controls; the specialty and the radiation licence appear only when they apply', async () => {
    const errors = await open('clinic');
    await expect(page.getByLabel('Chuyên khoa', { exact: true }).isVisible()).resolves.toBe(false);
    await page.getByLabel('Hình thức tổ chức').selectOption('phong_kham_chuyen_khoa');
    await expect(page.getByLabel('Chuyên khoa', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Số giấy phép tiến hành công việc bức xạ').isVisible()).resolves.toBe(false);
    await page.getByLabel('Phòng khám có sử dụng thiết bị X-quang').check();
    await expect(page.getByLabel('Số giấy phép tiến hành công việc bức xạ').isVisible()).resolves.toBe(true);
    // Hồ Chí Minh City: the ward comes from the list; elsewhere it is typed.
    await page.getByLabel('Tỉnh/thành phố').selectOption('79');
    await page.getByLabel('Phường/xã/đặc khu').selectOption({ label: 'Phường Bến Thành' });
    await page.getByLabel('Số nhà, tên đường').fill('88 Nguyễn Thái Học');
    await page.getByLabel('Tên phòng khám').fill('Phòng khám Răng hàm mặt Ánh Dương');
    await page.getByLabel('Chuyên khoa', { exact: true }).fill('Răng hàm mặt');
    await page.getByLabel('Tổng diện tích sử dụng (m²)').fill('120,5');
    await page.getByLabel('Thời gian làm việc').fill('7 giờ 30 – 19 giờ');
    await page.getByLabel('Số giấy phép tiến hành công việc bức xạ').fill('123/GP-BXHN');
    const values = await call<Record<string, unknown>>('read');
    expect(values).toEqual({
      clinicName: 'Phòng khám Răng hàm mặt Ánh Dương', facilityType: 'phong_kham_chuyen_khoa', specialty: 'Răng hàm mặt',
      clinicAddress: { province: '79', ward: '26743', street: '88 Nguyễn Thái Học' }, floorArea: 120.5, openingHours: '7 giờ 30 – 19 giờ',
      hasXray: true, radiationLicenceNumber: '123/GP-BXHN',
    });
    expect(await call<FormIssue[]>('check', values, 'clinic')).toEqual([]);
    await axe('clinic step, filled');
    // Another province: a text box for the ward; unticking X-ray drops the licence number from what is read.
    await page.getByLabel('Tỉnh/thành phố').selectOption('75');
    await page.getByLabel('Phường/xã/đặc khu').fill('Phường Trấn Biên');
    await page.getByLabel('Phòng khám có sử dụng thiết bị X-quang').uncheck();
    const after = await call<Record<string, unknown>>('read');
    expect(after.clinicAddress).toEqual({ province: '75', ward: 'Phường Trấn Biên', street: '88 Nguyễn Thái Học' });
    expect(after).not.toHaveProperty('radiationLicenceNumber');
    expect(errors).toEqual([]);
  });

  it('staff step: one practitioner to start, add and remove with announcements, values read as a list', async () => {
    await open('staff');
    await expect(page.locator('[data-group-item]').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Xóa Người hành nghề 1' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Họ và tên').fill('Phạm Quốc Bảo');
    await page.getByRole('button', { name: 'Thêm người hành nghề' }).click();
    await expect(page.locator('[data-group-item]').count()).resolves.toBe(2);
    await expect(page.locator('[data-group-status]').textContent()).resolves.toBe('Đã thêm Người hành nghề 2.');
    // Focus moved into the new item.
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).resolves.toBe('df-staff-1-fullName');
    await page.locator('#df-staff-1-fullName').fill('Lê Thị Hoa');
    await page.locator('#df-staff-1-cccd').fill('079 192 006 677');
    await page.getByRole('button', { name: 'Xóa Người hành nghề 1' }).click();
    await expect(page.locator('[data-group-status]').textContent()).resolves.toBe('Đã xóa Người hành nghề 1.');
    await expect(page.locator('legend', { hasText: 'Người hành nghề 2' }).count()).resolves.toBe(0);
    const values = await call<{ staff: Record<string, unknown>[] }>('read');
    expect(values.staff).toHaveLength(1);
    expect(values.staff[0]).toMatchObject({ fullName: 'Lê Thị Hoa', cccd: '079 192 006 677', profession: '' });
    await axe('staff step');
  });

  it('shows the shared checker’s issues: summary first (focused), a message under each field, aria-invalid', async () => {
    await open('staff');
    await page.locator('#df-staff-0-cccd').fill('123');
    const issues = await call<FormIssue[]>('check', await call('read'), 'staff');
    expect(issues.length).toBeGreaterThan(3);
    expect(await call<number>('show', issues, 'vi')).toBe(issues.length);
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }).document.activeElement.getAttribute('data-form-errors'))).resolves.toBe('');
    const cccd = page.locator('#df-staff-0-cccd');
    await expect(cccd.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(cccd.getAttribute('aria-describedby')).resolves.toContain('df-staff-0-cccd-error');
    await expect(page.locator('#df-staff-0-cccd-error').textContent()).resolves.toMatch(/12 chữ số/);
    // The summary's link moves focus to the field.
    await page.locator('.error-summary-list a', { hasText: '12 chữ số' }).click();
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).resolves.toBe('df-staff-0-cccd');
    await axe('staff step with issues');
  });

  it('renders in English, fills saved values back, and keeps conditions that depend on another step', async () => {
    await open('clinic', 'en', {
      clinicName: 'Anh Duong Clinic', facilityType: 'phong_kham_chuyen_khoa', specialty: 'Dentistry', hasXray: true,
      clinicAddress: { province: '79', ward: '26740', street: '12 Le Loi' }, floorArea: 80,
    });
    await expect(page.getByLabel('Clinic name').inputValue()).resolves.toBe('Anh Duong Clinic');
    await expect(page.getByLabel('Specialty', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Ward/commune').inputValue()).resolves.toBe('26740');
    await expect(page.getByLabel('Total floor area (m²)').inputValue()).resolves.toBe('80');
    await expect(page.getByLabel('Radiation work licence number').isVisible()).resolves.toBe(true);
    await expect(page.getByText('(optional)').count()).resolves.toBe(0);
    await axe('clinic step in English');
  });
});
