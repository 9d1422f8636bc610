/**
 * Races on DynamoDB Local through the HTTP API: 100 submissions of one procedure on one day at
 * once get 100 distinct codes; two officers acting on one dossier at once — one succeeds, the
 * other gets 409 with the dossier as the first left it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView } from '../../shared/src/dossiers/api';
import { parseDossierCode } from '../../shared/src/dossiers/code';
import { vietnamDate } from '../../shared/src/vietnamese';
import { act, readyDraft, seedInState, submit } from '../helpers/dossiers';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

describe('dossier codes', () => {
  it('100 concurrent submissions on one procedure and day → 100 distinct codes', async () => {
    const applicants = ['citizen-an', 'citizen-binh'];
    const drafts: { draft: DossierView; as: string }[] = [];
    for (let i = 0; i < 100; i++) {
      const as = applicants[i % 2]!;
      drafts.push({ draft: await readyDraft(portal, as), as });
    }
    const results = await Promise.all(drafts.map(({ draft, as }) => submit(portal, draft, as)));
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(200));
    const codes = results.map((r) => r.body.code!);
    expect(new Set(codes).size).toBe(100);
    const yymmdd = vietnamDate(new Date()).slice(2).replaceAll('-', '');
    for (const code of codes) expect(parseDossierCode(code)).toMatchObject({ agencyCode: '000.00.31.H29', yymmdd });
    // Every submission committed, so the day's numbers have no gap either (the seed took the first few).
    const sequences = codes.map((c) => parseDossierCode(c)!.sequence).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]!).toBe(99);
  }, 120_000);
});

describe('two officers at once', () => {
  it('one gets 200, the other 409 with the fresh state — 10 times over', async () => {
    for (let round = 0; round < 10; round++) {
      const dossier = await seedInState(portal, 'submitted');
      const [a, b] = await Promise.all([
        act(portal, dossier, 'officer-lan', { action: 'receive' }),
        act(portal, dossier, 'officer-thao', { action: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền' }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 409]);
      const winner = a.status === 200 ? a : b;
      const loser = (a.status === 200 ? b : a).body as unknown as { code: string; current: DossierView };
      expect(loser.code).toBe('conflict');
      expect(loser.current).toMatchObject({ state: winner.body.state, version: dossier.version + 1 });
    }
  });
});
