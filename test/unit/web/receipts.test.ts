/** The site's receipt helpers stay in step with the shared receipt model, and read numbers from addresses. */
import { describe, expect, it } from 'vitest';
import { DYNAMIC_PAGES, dynamicPageKey } from '../../../shared/src/dynamic-pages';
import { RECEIPT_KINDS, RECEIPT_NUMBER, RECEIPT_STATUSES, type ReceiptVerification } from '../../../shared/src/receipts/receipt';
import { pagePath } from '../../../web/src/lib/i18n';
import { RECEIPT_KIND_VALUES, RECEIPT_NUMBER_PATTERN, RECEIPT_STATUS_VALUES, isReceiptVerification, receiptNumberFrom } from '../../../web/src/lib/receipts';

const view: ReceiptVerification = {
  number: 'HD-2026-000001', kind: 'hoa_don', issuerName: 'Bệnh viện Chợ Rẫy', amountVnd: 398_000, paidAt: '2026-07-05T07:03:00.000Z',
  paymentMethod: { provider: 'VNPay', bankCode: 'NCB' }, billCode: 'HD-0001', status: 'valid',
};

describe('receipts in the browser', () => {
  it('repeats the shared pattern, kinds and statuses exactly', () => {
    expect(RECEIPT_NUMBER_PATTERN.source).toBe(RECEIPT_NUMBER.source);
    expect([...RECEIPT_KIND_VALUES]).toEqual([...RECEIPT_KINDS]);
    expect([...RECEIPT_STATUS_VALUES]).toEqual([...RECEIPT_STATUSES]);
  });

  it('accepts the verification view and refuses a malformed one', () => {
    expect(isReceiptVerification(view)).toBe(true);
    expect(isReceiptVerification({ ...view, status: 'bogus' })).toBe(false);
    expect(isReceiptVerification({ ...view, number: 'x' })).toBe(false);
  });

  it('reads the number from the path, then from ?so=', () => {
    expect(receiptNumberFrom('/tra-cuu/bien-lai/HD-2026-000001', '', '/tra-cuu/bien-lai/')).toBe('HD-2026-000001');
    expect(receiptNumberFrom('/tra-cuu/bien-lai/hd-2026-000001/', '', '/tra-cuu/bien-lai/')).toBe('HD-2026-000001');
    expect(receiptNumberFrom('/tra-cuu/bien-lai/', '?so=BL-2027-000123', '/tra-cuu/bien-lai/')).toBe('BL-2027-000123');
    expect(receiptNumberFrom('/tra-cuu/bien-lai/%E0%A4%A', '', '/tra-cuu/bien-lai/')).toBeUndefined();
    expect(receiptNumberFrom('/tra-cuu/bien-lai/<script>', '', '/tra-cuu/bien-lai/')).toBeUndefined();
  });

  it('serves every address under a verification page with that one page', () => {
    expect(DYNAMIC_PAGES).toContain(pagePath('receiptVerify', 'vi'));
    expect(DYNAMIC_PAGES).toContain(pagePath('receiptVerify', 'en'));
    expect(dynamicPageKey('/tra-cuu/bien-lai/HD-2026-000001')).toBe('/tra-cuu/bien-lai/index.html');
    expect(dynamicPageKey('/en/verify/receipt/HD-2026-000001')).toBe('/en/verify/receipt/index.html');
    expect(dynamicPageKey('/tra-cuu/bien-lai/')).toBeUndefined();
    expect(dynamicPageKey('/thanh-toan/x')).toBeUndefined();
  });
});

describe('the local static server', () => {
  it('serves /tra-cuu/bien-lai/<number> with the one verification page, and other unknown paths with the 404 page', async () => {
    const { mkdtemp, mkdir, writeFile } = await import('node:fs/promises');
    const { createServer } = await import('node:http');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { staticSite } = await import('../../../functions/src/local/static-site');
    const root = await mkdtemp(join(tmpdir(), 'site-'));
    await mkdir(join(root, 'tra-cuu/bien-lai'), { recursive: true });
    await writeFile(join(root, 'tra-cuu/bien-lai/index.html'), 'verify page');
    await writeFile(join(root, '404.html'), 'not found page');
    const site = staticSite(root);
    const server = createServer((req, res) => void site(req, res, new URL(req.url ?? '/', 'http://x')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const page = await fetch(`http://127.0.0.1:${port}/tra-cuu/bien-lai/HD-2026-000001`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe('verify page');
      const missing = await fetch(`http://127.0.0.1:${port}/tra-cuu/khac/HD-2026-000001`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('not found page');
    } finally {
      server.close();
    }
  });
});

describe('the receipt number on the result page', () => {
  it('comes from the PDF’s file name', async () => {
    const { receiptNumberFromDisposition } = await import('../../../web/src/lib/receipts');
    expect(receiptNumberFromDisposition('attachment; filename="bien-lai-HD-2026-000001.pdf"')).toBe('HD-2026-000001');
    expect(receiptNumberFromDisposition('attachment')).toBeUndefined();
    expect(receiptNumberFromDisposition(null)).toBeUndefined();
  });
});
