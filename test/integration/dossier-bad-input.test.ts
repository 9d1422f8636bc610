/**
 * Generated bad input for every dossier route (fast-check): bodies of any shape, near-miss bodies
 * built from valid ones, odd path and query values. Whatever arrives, the answer is a 4xx or a
 * 2xx, never a 5xx.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICER_ACTIONS } from '../../shared/src/dossiers/lifecycle';
import { REISSUE, json, readyDraft, reissueData, seedInState } from '../helpers/dossiers';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
let draftId = '';
let reviewId = '';
beforeAll(async () => {
  portal = await startTestPortal();
  draftId = (await readyDraft(portal)).dossierId;
  reviewId = (await seedInState(portal, 'in_review')).dossierId;
});
afterAll(() => portal.close());

const statuses: number[] = [];
async function send(method: string, path: string, as: string | undefined, body?: unknown): Promise<number> {
  const response = await portal.request(path, { method, as, ...(body === undefined ? {} : { headers: json, body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  await response.arrayBuffer();
  statuses.push(response.status);
  return response.status;
}

const anyValue = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
const fieldValue = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }), fc.array(fc.anything(), { maxLength: 2 }));
const formData = fc.dictionary(fc.oneof(fc.constantFrom(...Object.keys(reissueData())), fc.string({ maxLength: 10 })), fieldValue, { maxKeys: 8 });
const version = fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant('1'), fc.constant(1.5));
const RUNS = { numRuns: 60 };

describe('generated bodies', () => {
  it('POST /api/dossiers', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(anyValue, fc.record({ procedureId: fc.oneof(fc.constant(REISSUE), fc.string()), data: fc.oneof(formData, anyValue) }, { requiredKeys: [] })), async (body) => {
      expect(await send('POST', '/api/dossiers', 'citizen-an', body)).toBeLessThan(500);
    }), RUNS);
  });

  it('PATCH /api/dossiers/{id}', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(anyValue, fc.record({ data: formData, version }, { requiredKeys: [] })), async (body) => {
      expect(await send('PATCH', `/api/dossiers/${draftId}`, 'citizen-an', body)).toBeLessThan(500);
    }), RUNS);
  });

  it('POST /api/dossiers/{id}/submit and /withdraw', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(anyValue, fc.record({ version, reason: fc.oneof(fc.string(), anyValue) }, { requiredKeys: [] })), async (body) => {
      expect(await send('POST', `/api/dossiers/${draftId}/submit`, 'citizen-an', body)).toBeLessThan(500);
      expect(await send('POST', `/api/dossiers/${reviewId}/withdraw`, 'citizen-binh', body)).toBeLessThan(500);
    }), RUNS);
  });

  it('POST /api/dossiers/{id}/actions', async () => {
    const action = fc.record({
      action: fc.oneof(fc.constantFrom(...OFFICER_ACTIONS), fc.string()),
      version,
      reason: fc.oneof(fc.string({ maxLength: 20 }), anyValue),
      missing: fc.oneof(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), anyValue),
      assignee: fc.oneof(fc.constantFrom('officer-thao', 'officer-tuan', 'nobody'), fc.string({ maxLength: 10 })),
      visit: fc.oneof(fc.record({ date: fc.oneof(fc.constant('2030-01-10'), fc.string()), team: fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 }) }), anyValue),
      appraisal: fc.oneof(fc.record({ outcome: fc.constantFrom('passed', 'remediation_required', 'failed', 'x'), minutes: fc.string({ maxLength: 20 }), remediationDeadline: fc.oneof(fc.constant('2030-02-01'), fc.string()) }, { requiredKeys: [] }), anyValue),
      newDueDate: fc.oneof(fc.constant('2099-12-31'), fc.string({ maxLength: 12 })),
    }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(fc.oneof(anyValue, action), async (body) => {
      expect(await send('POST', `/api/dossiers/${reviewId}/actions`, 'officer-lan', body)).toBeLessThan(500);
    }), { numRuns: 120 });
  });

  it('POST /api/inbox/receive', async () => {
    const item = fc.record({ dossierId: fc.oneof(fc.constant(reviewId), fc.constant(draftId), fc.string()), version }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(fc.oneof(anyValue, fc.record({ items: fc.oneof(fc.array(item, { maxLength: 5 }), anyValue) }, { requiredKeys: [] })), async (body) => {
      expect(await send('POST', '/api/inbox/receive', 'officer-lan', body)).toBeLessThan(500);
    }), RUNS);
  });

  it('PUT /api/calendar/{year}', async () => {
    const day = fc.record({ date: fc.oneof(fc.constant('2032-01-01'), fc.constant('2032-01-03'), fc.string({ maxLength: 12 })), nameVi: fc.string({ maxLength: 10 }), nameEn: fc.string({ maxLength: 10 }) }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(fc.oneof(anyValue, fc.record({ year: fc.oneof(fc.constant(2032), fc.integer()), holidays: fc.array(day, { maxLength: 3 }), makeUpDays: fc.array(day, { maxLength: 2 }) }, { requiredKeys: [] })), async (body) => {
      expect(await send('PUT', '/api/calendar/2032', 'admin-quang', body)).toBeLessThan(500);
    }), RUNS);
  });

  it('raw bytes that are not JSON', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 60 }), async (text) => {
      expect(await send('POST', '/api/dossiers', 'citizen-an', text)).toBeLessThan(500);
    }), { numRuns: 30 });
  });
});

describe('generated path and query values', () => {
  it('ids, codes, years and filters', async () => {
    const segment = fc.oneof(fc.string({ maxLength: 30 }), fc.constant('01JDEMDSR00000000000000001'), fc.stringMatching(/^[0-9A-Z]{26}$/));
    await fc.assert(fc.asyncProperty(segment, fc.string({ maxLength: 12 }), async (value, q) => {
      const v = encodeURIComponent(value) || 'x';
      expect(await send('GET', `/api/dossiers/${v}`, 'citizen-an')).toBeLessThan(500);
      expect(await send('GET', `/api/dossiers/${v}`, 'officer-lan')).toBeLessThan(500);
      expect(await send('GET', `/api/public/dossiers/${v}?check=${encodeURIComponent(q)}`, undefined)).toBeLessThan(500);
      expect(await send('GET', `/api/calendar/${v}`, undefined)).toBeLessThan(500);
      expect(await send('GET', `/api/inbox?state=${encodeURIComponent(q)}&due=${encodeURIComponent(q)}&assignee=${encodeURIComponent(q)}&procedure=${v}`, 'officer-lan')).toBeLessThan(500);
      expect(await send('GET', `/api/dossiers?mine=${encodeURIComponent(q)}`, 'citizen-an')).toBeLessThan(500);
    }), RUNS);
  });

  it('answered 0 responses with HTTP 5xx', () => {
    expect(statuses.length).toBeGreaterThan(800);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});
