import { describe, expect, it, vi } from 'vitest';
import { TEST_ENV } from '../helpers/events';

describe('the logger keeps personal data out of logs', () => {
  it('masks personal IDs, phone numbers, tokens and personal fields wherever they appear', async () => {
    Object.assign(process.env, TEST_ENV, { LOG_LEVEL: 'INFO' });
    const { logger } = await import('../../functions/src/platform/logger');
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    const consoleSpy = vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    logger.info('lookup 079203001234 from 0912345678 with Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', {
      patient: { fullName: 'Nguyễn Văn An', phone: '0912345678', cccd: '079203001234', dob: '1990-01-02' },
      headers: { authorization: 'Bearer abc.def.ghi' },
      bill: 'HD-2026-0001',
    });
    spy.mockRestore();
    consoleSpy.mockRestore();
    const output = lines.join('\n');
    expect(output).toContain('HD-2026-0001');
    for (const secret of ['079203001234', '0912345678', 'Nguyễn Văn An', '1990-01-02', 'abc.def.ghi', 'eyJhbGciOiJSUzI1NiJ9']) expect(output).not.toContain(secret);
  });
});
