/**
 * The vectors under other process time zones. Two child Node processes are started with TZ=UTC and
 * TZ=America/New_York (the zone fixed before any Date code loads); each also switches to Ho Chi Minh
 * (checks we do not add 7 h twice) and Kiritimati (UTC+14: local date differs from Vietnam's).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PAY_URL, QUERYDR_HASH, REFUND_HASH } from './fixtures';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const probe = resolve(import.meta.dirname, 'tz-probe.ts');
const OFFSETS: Record<string, number> = { UTC: 0, 'America/New_York': 300, 'Asia/Ho_Chi_Minh': -420, 'Pacific/Kiritimati': -840 };

describe('VNPay dates do not depend on the process TZ', () => {
  it('gives the same vectors started under TZ=UTC and TZ=America/New_York (and switched to UTC+7, UTC+14)', async () => {
    const outputs = (
      await Promise.all(
        [['UTC', 'Pacific/Kiritimati'], ['America/New_York', 'Asia/Ho_Chi_Minh']].map(async ([tz, other]) => {
          const { stdout } = await run(process.execPath, ['--import', 'tsx', probe, other as string], {
            cwd: root,
            env: { ...process.env, TZ: tz },
          });
          return JSON.parse(stdout) as Array<Record<string, unknown>>;
        }),
      )
    ).flat();
    // Each probe really ran in its zone (getTimezoneOffset: minutes west of UTC).
    expect(outputs.map((o) => o.tz).sort()).toEqual(Object.keys(OFFSETS).sort());
    for (const o of outputs) {
      expect(o.localOffsetMinutes, String(o.tz)).toBe(OFFSETS[o.tz as string]);
      expect(o, String(o.tz)).toMatchObject({
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
