import { describe, expect, it } from 'vitest';
import { rateBody, summaryQuery } from '../../shared/src/ratings/api';
import { aggregateDelta, editableUntil, isDossierFinished, isEditable, meanOf, normaliseComment, planRating, scopesOfAppointment, sharesOf } from '../../shared/src/ratings/rules';
import { DOSSIER_STATES } from '../../shared/src/dossiers/lifecycle';

const ratedAt = '2026-12-01T03:00:00.000Z';

describe('who may rate when', () => {
  it('only dossiers the agency finished: result, refusal, rejection, stop — not withdrawn or open ones', () => {
    expect(DOSSIER_STATES.filter(isDossierFinished)).toEqual(['refused', 'rejected', 'result_issued', 'stopped']);
  });

  it('a first rating needs a finished item', () => {
    expect(planRating(false, undefined, new Date(ratedAt))).toEqual({ ok: false, refusal: 'not_finished' });
    expect(planRating(true, undefined, new Date(ratedAt))).toEqual({ ok: true, kind: 'create' });
  });

  it('an edit is allowed for 7 × 24 hours after the first rating, then locked', () => {
    const previous = { score: 3 as const, ratedAt };
    expect(planRating(true, previous, new Date('2026-12-08T02:59:59.999Z'))).toMatchObject({ ok: true, kind: 'edit' });
    expect(planRating(true, previous, new Date('2026-12-08T03:00:00.000Z'))).toEqual({ ok: false, refusal: 'locked' });
    expect(editableUntil(ratedAt)).toBe('2026-12-08T03:00:00.000Z');
    expect(isEditable(ratedAt, new Date('2026-12-05T00:00:00Z'))).toBe(true);
  });
});

describe('aggregate maths', () => {
  it('a first rating counts once; an edit moves the score from one bar to the other; the same score changes nothing', () => {
    expect(aggregateDelta(undefined, 4)).toEqual({ count: 1, sum: 4, histogram: { 4: 1 } });
    expect(aggregateDelta(4, 2)).toEqual({ count: 0, sum: -2, histogram: { 4: -1, 2: 1 } });
    expect(aggregateDelta(5, 5)).toEqual({ count: 0, sum: 0, histogram: {} });
  });

  it('mean to one decimal, none before the first rating; shares in percent', () => {
    expect(meanOf({ count: 0, sum: 0 })).toBeNull();
    expect(meanOf({ count: 3, sum: 13 })).toBe(4.3);
    expect(sharesOf({ count: 4, sum: 15, histogram: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 2 } })).toEqual({ 1: 0, 2: 0, 3: 25, 4: 25, 5: 50 });
  });

  it('a specialty is counted within its hospital', () => {
    expect(scopesOfAppointment({ hospitalId: 'hosp-cho-ray', specialtyId: 'tim-mach' })).toEqual([{ scope: 'hospital', id: 'hosp-cho-ray' }, { scope: 'specialty', id: 'hosp-cho-ray.tim-mach' }]);
  });
});

describe('what is accepted', () => {
  it('score 1–5 as an integer; comment trimmed, at most 500 characters; nothing else', () => {
    expect(rateBody.safeParse({ score: 5, comment: '  Nhanh, đúng hẹn.  ' })).toMatchObject({ success: true, data: { score: 5, comment: 'Nhanh, đúng hẹn.' } });
    for (const bad of [{ score: 0 }, { score: 6 }, { score: 3.5 }, { score: '4' }, {}, { score: 4, comment: 'x'.repeat(501) }, { score: 4, raterId: 'x' }]) {
      expect(rateBody.safeParse(bad).success, JSON.stringify(bad).slice(0, 40)).toBe(false);
    }
    expect(normaliseComment('   ')).toBeUndefined();
  });

  it('the summary takes exactly one scope', () => {
    expect(summaryQuery.safeParse({ procedure: 'cap-moi-giay-phep-hanh-nghe' }).success).toBe(true);
    expect(summaryQuery.safeParse({ specialty: 'hosp-cho-ray.tim-mach' }).success).toBe(true);
    expect(summaryQuery.safeParse({}).success).toBe(false);
    expect(summaryQuery.safeParse({ procedure: 'cap-moi-giay-phep-hanh-nghe', hospital: 'hosp-cho-ray' }).success).toBe(false);
  });
});
