/**
 * The vectors under other process time zones: a child Node process per TZ runs tz-probe.ts, so the
 * zone is fixed before any Date code loads. Kiritimati (UTC+14) and New York (UTC−5) put local
 * midnight on another calendar day than Vietnam's; Ho Chi Minh checks we do not add 7 h twice.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PAY_URL, QUERYDR_HASH, REFUND_HASH } from './fixtures';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const probe = resolve(import.meta.dirname, 'tz-probe.ts');
const ZONES = ['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati'];

describe('VNPay dates do not depend on the process TZ', () => {
  it('gives the same vectors under TZ=UTC, America/New_York, Asia/Ho_Chi_Minh and Pacific/Kiritimati', async () => {
    const outputs = await Promise.all(
      ZONES.map(async (tz) => {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', probe], { cwd: root, env: { ...process.env, TZ: tz } });
        return JSON.parse(stdout) as Record<string, unknown>;
      }),
    );
    // The child really ran in that zone (offsets in minutes west of UTC, as getTimezoneOffset gives them).
    expect(outputs.map((o) => [o.tz, o.localOffsetMinutes])).toEqual([
      ['UTC', 0], ['America/New_York', 300], ['Asia/Ho_Chi_Minh', -420], ['Pacific/Kiritimati', -840],
    ]);
    for (const o of outputs) {
      expect(o).toMatchObject({
        dateTime: '20250101103000',
        midnight: '20260101000000',
        parsed: '2025-01-01T03:31:00.000Z',
        payUrl: PAY_URL,
        ipnPayDate: '2025-01-01T03:31:00.000Z',
        queryDr: QUERYDR_HASH,
        refund: REFUND_HASH,
      });
    }
  }, 30_000);
});
