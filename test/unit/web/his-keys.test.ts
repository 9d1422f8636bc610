/** The site's checks of the HIS key answers (web/src/lib/his-keys-api.ts) against the shared views. */
import { describe, expect, it } from 'vitest';
import type { HisKeyList, IssuedHisKey } from '../../../shared/src/his-keys';
import { isHisKeyList, isHisKeyView, isIssuedHisKey } from '../../../web/src/lib/his-keys-api';

const key = { keyId: '01JDEMK0000000000000000001', hospitalId: 'hosp-cho-ray', label: 'HIS FPT', createdAt: '2026-03-01T03:00:00.000Z', createdBy: 'admin-quang', lastFour: 'x9Qa', status: 'active' as const };

describe('HIS key answers', () => {
  it('accept what the API sends: a list, a revoked key, an issued key', () => {
    const list: HisKeyList = { hospitalId: 'hosp-cho-ray', keys: [key, { ...key, status: 'revoked', revokedAt: '2026-03-02T03:00:00.000Z', revokedBy: 'admin-quang' }] };
    expect(isHisKeyList(list)).toBe(true);
    const issued: IssuedHisKey = { ...key, apiKey: `his_hosp-cho-ray_${'a'.repeat(43)}` };
    expect(isIssuedHisKey(issued)).toBe(true);
  });

  it('refuse an unknown status, a missing field, an issued key without its key', () => {
    expect(isHisKeyView({ ...key, status: 'paused' })).toBe(false);
    expect(isHisKeyView({ ...key, lastFour: undefined })).toBe(false);
    expect(isIssuedHisKey(key)).toBe(false);
    expect(isHisKeyList({ hospitalId: 'hosp-cho-ray', keys: [{}] })).toBe(false);
  });
});
