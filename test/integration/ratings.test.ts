/**
 * Satisfaction ratings through the HTTP API on DynamoDB Local (ADR 0026): the owner rates a finished
 * dossier or a checked-in appointment, changes it within 7 days, is refused after; anyone else and
 * anything unfinished is refused; bad input changes nothing; officers never see who rated.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/src/table';
import type { RatingView } from '../../shared/src/ratings/api';
import { demoDossierId } from '../../functions/src/local/demo-dossiers';
import { api, REISSUE, seedInState } from '../helpers/dossiers';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { checkedInAppointment, finishedDossier, rateAppointment, rateDossier, summaryOf } from '../helpers/ratings';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const DAY = 86_400_000;
/** Moves a rating's first time back, as if it had been given that long ago. */
async function ageRating(subject: 'dossier' | 'appointment', id: string, ms: number): Promise<void> {
  await portal.db.send(new UpdateCommand({ TableName: portal.tableName, Key: keys.rating(subject, id), UpdateExpression: 'SET ratedAt = :at', ExpressionAttributeValues: { ':at': new Date(Date.now() - ms).toISOString() } }));
}

describe('rating a finished dossier', () => {
  it('rate, see it, change it within 7 days: the procedure and unit counts move by the delta', async () => {
    const unit = 'unit-nghiep-vu-y';
    const beforeProcedure = await summaryOf(portal, `procedure=${REISSUE}`);
    const beforeUnit = await summaryOf(portal, `unit=${unit}`);
    const dossier = await finishedDossier(portal);
    const open = await api<RatingView>(portal, `/api/dossiers/${dossier.dossierId}/rating`, 'citizen-an');
    expect(open).toMatchObject({ status: 200, body: { rateable: true, editable: false } });
    expect(open.body.rating).toBeUndefined();

    const first = await rateDossier(portal, dossier.dossierId, 'citizen-an', { score: 2, comment: '  Chờ lâu.  ' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rateable: true, editable: true, rating: { score: 2, comment: 'Chờ lâu.' } });
    expect(Date.parse(first.body.rating!.editableUntil) - Date.parse(first.body.rating!.ratedAt)).toBe(7 * DAY);
    const afterFirst = await summaryOf(portal, `procedure=${REISSUE}`);
    expect(afterFirst.count).toBe(beforeProcedure.count + 1);
    expect(afterFirst.histogram[2]).toBe(beforeProcedure.histogram[2] + 1);

    const edited = await rateDossier(portal, dossier.dossierId, 'citizen-an', { score: 5 });
    expect(edited.body.rating).toEqual({ ...edited.body.rating, score: 5, ratedAt: first.body.rating!.ratedAt });
    expect(edited.body.rating!.comment).toBeUndefined();
    const afterEdit = await summaryOf(portal, `procedure=${REISSUE}`);
    expect(afterEdit).toMatchObject({ count: beforeProcedure.count + 1, sum: beforeProcedure.sum + 5 });
    expect(afterEdit.histogram).toEqual({ ...beforeProcedure.histogram, 5: beforeProcedure.histogram[5] + 1 });
    expect(await summaryOf(portal, `unit=${unit}`)).toMatchObject({ count: beforeUnit.count + 1, sum: beforeUnit.sum + 5 });

    const mine = await api<RatingView>(portal, `/api/dossiers/${dossier.dossierId}/rating`, 'citizen-an');
    expect(mine.body.rating).toMatchObject({ score: 5 });
  });

  it('locked 7 days after the first rating: 409 rating_locked, nothing changes', async () => {
    const dossier = await finishedDossier(portal);
    expect((await rateDossier(portal, dossier.dossierId, 'citizen-an', { score: 4 })).status).toBe(200);
    await ageRating('dossier', dossier.dossierId, 7 * DAY + 60_000);
    const before = await summaryOf(portal, `procedure=${REISSUE}`);
    const late = await api<{ code: string; title: string }>(portal, `/api/dossiers/${dossier.dossierId}/rating`, 'citizen-an', 'PUT', { score: 1 });
    expect(late).toMatchObject({ status: 409, body: { code: 'rating_locked', title: expect.stringContaining('7 ngày') } });
    expect(await summaryOf(portal, `procedure=${REISSUE}`)).toEqual(before);
    const view = await api<RatingView>(portal, `/api/dossiers/${dossier.dossierId}/rating`, 'citizen-an');
    expect(view.body).toMatchObject({ editable: false, rating: { score: 4 } });
  });

  it('another applicant: 404 as for the dossier itself; an officer: 403 — nothing stored', async () => {
    const dossier = await finishedDossier(portal);
    expect((await rateDossier(portal, dossier.dossierId, 'citizen-binh', { score: 1 })).status).toBe(404);
    expect((await api(portal, `/api/dossiers/${dossier.dossierId}/rating`, 'citizen-binh')).status).toBe(404);
    expect((await rateDossier(portal, dossier.dossierId, 'officer-lan', { score: 1 })).status).toBe(403);
    expect((await rateDossier(portal, dossier.dossierId, undefined, { score: 1 })).status).toBe(401);
    const stored = await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.rating('dossier', dossier.dossierId), ConsistentRead: true }));
    expect(stored.Item).toBeUndefined();
  });

  it('not finished (in review, withdrawn): 409 rating_not_open in Vietnamese and English', async () => {
    for (const state of ['in_review', 'withdrawn'] as const) {
      const dossier = await seedInState(portal, state);
      const vi = await rateDossier(portal, dossier.dossierId, 'citizen-an', { score: 5 });
      expect(vi).toMatchObject({ status: 409, body: { code: 'rating_not_open' } });
      const en = await portal.request(`/api/dossiers/${dossier.dossierId}/rating`, { method: 'PUT', as: 'citizen-an', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify({ score: 5 }) });
      expect(en.headers.get('content-type')).toContain('application/problem+json');
      expect(((await en.json()) as { title: string }).title).toContain('finished dossier');
      expect((await api<RatingView>(portal, `/api/dossiers/${dossier.dossierId}/rating`, 'citizen-an')).body).toMatchObject({ rateable: false, editable: false });
    }
  });

  it('bad input: 400 with field errors, and neither the rating nor the counts change', async () => {
    const dossier = await finishedDossier(portal);
    await rateDossier(portal, dossier.dossierId, 'citizen-an', { score: 3 });
    const before = await summaryOf(portal, `procedure=${REISSUE}`);
    for (const body of [{ score: 0 }, { score: 6 }, { score: 2.5 }, { score: 'năm' }, { score: 4, comment: 'ý'.repeat(501) }, { score: 4, userId: 'citizen-binh' }]) {
      const response = await api<{ code: string; errors: { field: string }[] }>(portal, `/api/dossiers/${dossier.dossierId}/rating`, 'citizen-an', 'PUT', body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(response.body.code).toBe('validation_failed');
    }
    expect(await summaryOf(portal, `procedure=${REISSUE}`)).toEqual(before);
    expect((await api<RatingView>(portal, `/api/dossiers/${dossier.dossierId}/rating`, 'citizen-an')).body.rating).toMatchObject({ score: 3, updatedAt: expect.any(String) });
  });

  it('officers never see a rating: not in the dossier they open, and the public summary has counts only', async () => {
    const dossier = await finishedDossier(portal);
    await rateDossier(portal, dossier.dossierId, 'citizen-an', { score: 1, comment: 'Cán bộ hướng dẫn chưa rõ ràng' });
    const asOfficer = await api(portal, `/api/dossiers/${dossier.dossierId}`, 'officer-lan');
    expect(asOfficer.status).toBe(200);
    expect(JSON.stringify(asOfficer.body)).not.toContain('hướng dẫn chưa rõ');
    const summary = await summaryOf(portal, `procedure=${REISSUE}`);
    expect(Object.keys(summary).sort()).toEqual(['count', 'histogram', 'id', 'mean', 'scope', 'sum']);
    const rating = (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.rating('dossier', dossier.dossierId), ConsistentRead: true }))).Item!;
    expect(Object.keys(rating)).not.toEqual(expect.arrayContaining(['ownerId']));
    expect(JSON.stringify(rating)).not.toMatch(/citizen-an|Nguyễn|079085/);
  });
});

describe('the demo seed', () => {
  it('gives the procedure page counts and the hospital too, and leaves citizen-an one finished dossier to rate', async () => {
    expect(await summaryOf(portal, 'procedure=cap-moi-giay-phep-hanh-nghe')).toMatchObject({ count: 3, sum: 12, mean: 4, histogram: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 } });
    expect((await summaryOf(portal, 'hospital=hosp-cho-ray')).count).toBeGreaterThanOrEqual(2);
    const unrated = await api<RatingView>(portal, `/api/dossiers/${demoDossierId(13)}/rating`, 'citizen-an');
    expect(unrated.body).toMatchObject({ rateable: true, editable: false });
    expect(unrated.body.rating).toBeUndefined();
    // Rated 20 days after submission, 10 days ago: locked.
    expect((await api<RatingView>(portal, `/api/dossiers/${demoDossierId(10)}/rating`, 'citizen-binh')).body).toMatchObject({ editable: false, rating: { score: 5 } });
  });
});

describe('rating a checked-in appointment', () => {
  it('counted per hospital and specialty; a confirmed one is not open; another citizen gets 404', async () => {
    const before = await summaryOf(portal, 'hospital=hosp-cho-ray');
    const appointment = await checkedInAppointment(portal);
    expect((await rateAppointment(portal, appointment.appointmentId, 'citizen-binh', { score: 5 })).status).toBe(404);
    expect((await rateAppointment(portal, appointment.appointmentId, 'citizen-an', { score: 5 })).body).toMatchObject({ rating: { score: 5 } });
    expect(await summaryOf(portal, 'hospital=hosp-cho-ray')).toMatchObject({ count: before.count + 1, sum: before.sum + 5 });
    expect((await summaryOf(portal, 'specialty=hosp-cho-ray.tim-mach')).count).toBeGreaterThanOrEqual(1);
    const confirmed = await checkedInAppointment(portal, 'citizen-an', { status: 'confirmed' });
    expect((await rateAppointment(portal, confirmed.appointmentId, 'citizen-an', { score: 5 })).body).toMatchObject({ code: 'rating_not_open' });
  });

  it('the summary is cacheable and needs exactly one scope', async () => {
    const response = await portal.request('/api/ratings/summary?hospital=hosp-cho-ray');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect((await portal.request('/api/ratings/summary')).status).toBe(400);
    expect((await portal.request(`/api/ratings/summary?procedure=${REISSUE}&unit=unit-nghiep-vu-y`)).status).toBe(400);
    expect(await summaryOf(portal, 'procedure=khong-co-thu-tuc-nay')).toMatchObject({ count: 0, mean: null });
  });
});
