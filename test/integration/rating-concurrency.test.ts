/**
 * Two first ratings of one item at the same moment (two tabs, a double tap) on DynamoDB Local:
 * exactly one rating is stored and the counters count it once; many raters of one procedure at
 * once all land (their transactions collide on the counter items and are retried).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/src/table';
import { vietnamDate } from '../../shared/src/vietnamese';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { finishedDossier, rateDossier, summaryOf } from '../helpers/ratings';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const PROCEDURE = 'cap-chung-chi-hanh-nghe-duoc';

describe('concurrent first ratings', () => {
  it('two at once on one dossier → one rating, counted once — 10 times over', async () => {
    for (let round = 0; round < 10; round++) {
      const before = await summaryOf(portal, `procedure=${PROCEDURE}`);
      const dossier = await finishedDossier(portal, { procedureId: PROCEDURE });
      const [a, b] = await Promise.all([
        rateDossier(portal, dossier.dossierId, 'citizen-an', { score: 2 }),
        rateDossier(portal, dossier.dossierId, 'citizen-an', { score: 4 }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const after = await summaryOf(portal, `procedure=${PROCEDURE}`);
      expect(after.count).toBe(before.count + 1);
      const stored = (await portal.request(`/api/dossiers/${dossier.dossierId}/rating`, { as: 'citizen-an' }).then((r) => r.json())) as { rating: { score: number } };
      // Whichever landed last is the rating, and the counters hold exactly that score.
      expect(after.sum - before.sum).toBe(stored.rating.score);
      expect(after.histogram[stored.rating.score as 2 | 4]).toBe(before.histogram[stored.rating.score as 2 | 4] + 1);
    }
  });

  it('30 dossiers of one procedure rated at once: 30 counted, the day counter too', async () => {
    const before = await summaryOf(portal, `procedure=${PROCEDURE}`);
    const dossiers = await Promise.all(Array.from({ length: 30 }, () => finishedDossier(portal, { procedureId: PROCEDURE })));
    const started = Date.now();
    const results = await Promise.all(dossiers.map((d, i) => rateDossier(portal, d.dossierId, 'citizen-an', { score: (i % 5) + 1 })));
    console.log(`30 concurrent ratings of one procedure: ${Date.now() - started} ms`);
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(200));
    const after = await summaryOf(portal, `procedure=${PROCEDURE}`);
    expect(after.count - before.count).toBe(30);
    expect(after.sum - before.sum).toBe(6 * 15);
    const day = await portal.db.send(new QueryCommand({
      TableName: portal.tableName, KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: { ':pk': keys.ratingCounters('procedure', PROCEDURE).pk, ':sk': keys.ratingDay('procedure', PROCEDURE, vietnamDate(new Date())).sk },
    }));
    expect(Number(day.Items?.[0]?.count)).toBeGreaterThanOrEqual(30);
  });
});
