/**
 * Every transition the API offers, from every state, for every role, through HTTP on DynamoDB
 * Local: a dossier is written straight into each state (facts that let every action through where
 * the state machine allows it), then each applicant and officer action is tried on it. Allowed →
 * 200 and the state the machine names; forbidden → 409 and nothing written. Then each action by
 * the wrong people: another applicant 404, officers of another unit 403, roles the route does not
 * admit 403 — the dossier unchanged.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView } from '../../shared/src/dossiers/api';
import { DOSSIER_STATES, OFFICER_ACTIONS, planTransition, type DossierAction, type DossierState } from '../../shared/src/dossiers/lifecycle';
import { keys } from '../../shared/src/table';
import { factsOf } from '../../functions/src/services/dossier-transitions';
import { api, seedInState } from '../helpers/dossiers';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const INPUT = {
  reason: 'Lý do đầy đủ cho thao tác', missing: ['don-de-nghi'], assignee: 'officer-thao',
  visit: { date: '2030-01-10', team: ['Tổ thẩm định số 1'] }, appraisal: { outcome: 'passed', minutes: 'Cơ sở đạt các điều kiện.' }, newDueDate: '2099-12-31',
};

type ApiAction = 'submit' | 'withdraw' | (typeof OFFICER_ACTIONS)[number];
const ACTIONS: ApiAction[] = ['submit', 'withdraw', ...OFFICER_ACTIONS];

function call(action: ApiAction, dossier: { dossierId: string; version: number }, as: string) {
  if (action === 'submit') return api(portal, `/api/dossiers/${dossier.dossierId}/submit`, as, 'POST', { version: dossier.version });
  if (action === 'withdraw') return api(portal, `/api/dossiers/${dossier.dossierId}/withdraw`, as, 'POST', { version: dossier.version, reason: INPUT.reason });
  const { assignee, visit, appraisal, newDueDate, reason, missing } = INPUT;
  const input = { assignee, visit, appraisal, newDueDate, reason, missing };
  return api(portal, `/api/dossiers/${dossier.dossierId}/actions`, as, 'POST', { version: dossier.version, action, ...input });
}

const stored = async (dossierId: string) => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.dossier(dossierId), ConsistentRead: true }))).Item!;

describe('each action from each state, by the role that takes it', () => {
  const cases = DOSSIER_STATES.flatMap((state) => ACTIONS.map((action) => [action, state] as [ApiAction, DossierState]));
  it.each(cases)('%s from %s', async (action, state) => {
    const dossier = await seedInState(portal, state);
    const as = action === 'submit' || action === 'withdraw' ? 'citizen-an' : 'officer-lan';
    const plan = planTransition(factsOf(dossier), action as DossierAction, action === 'submit' || action === 'withdraw' ? 'applicant' : 'officer', { ...INPUT, appraisal: { outcome: 'passed', minutes: INPUT.appraisal.minutes }, currentDueDate: dossier.dueDate });
    const response = await call(action, dossier, as);
    if (plan.ok) {
      // A first submission creates the fee (150.000 ₫, due at submission): it waits for it.
      const to = action === 'submit' && state === 'draft' ? 'awaiting_fee' : plan.to;
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.state).toBe(to);
      expect(response.body.version).toBe(dossier.version + 1);
      expect((await stored(dossier.dossierId)).state).toBe(to);
    } else {
      expect(response.status, JSON.stringify(response.body)).toBe(409);
      expect((response.body as unknown as { code: string }).code).toBe('action_not_allowed');
      expect((response.body as unknown as { current: DossierView }).current.state).toBe(state);
      expect((await stored(dossier.dossierId)).version).toBe(dossier.version);
    }
  });

  it(`tries ${cases.length} state × action pairs, ${DOSSIER_STATES.length} states × ${ACTIONS.length} actions`, () => {
    expect(cases).toHaveLength(13 * 12);
  });
});

describe('each action by the wrong people, on a dossier where its own role would succeed', () => {
  const WHERE: Record<ApiAction, DossierState> = {
    submit: 'supplement_requested', withdraw: 'submitted', receive: 'submitted', refuse: 'submitted', assign: 'received', request_supplement: 'received',
    schedule_appraisal: 'in_review', record_appraisal: 'in_review', approve: 'in_review', reject: 'in_review', stop: 'received', reschedule: 'received',
  };
  const applicantAction = (a: ApiAction) => a === 'submit' || a === 'withdraw';
  const wrong = ACTIONS.flatMap((action) =>
    (applicantAction(action)
      ? [['citizen-binh', 404], ['clinic-owner-hoa', 404], ['officer-lan', 403], ['officer-tuan', 403], ['cashier-cho-ray', 403], ['admin-quang', 403]]
      : [['citizen-an', 403], ['citizen-binh', 403], ['clinic-owner-minh', 403], ['officer-tuan', 403], ['cashier-cho-ray', 403], ['admin-quang', 403]]
    ).map(([who, status]) => [action, who, status] as [ApiAction, string, number]),
  );
  it.each(wrong)('%s by %s → %i, nothing changes', async (action, who, status) => {
    const dossier = await seedInState(portal, WHERE[action]);
    const response = await call(action, dossier, who);
    expect(response.status).toBe(status);
    expect((await stored(dossier.dossierId)).version).toBe(dossier.version);
    // ...and the right role still can.
    expect((await call(action, dossier, applicantAction(action) ? 'citizen-an' : 'officer-lan')).status).toBe(200);
  });

  it('without signing in: 401', async () => {
    const dossier = await seedInState(portal, 'submitted');
    expect((await call('receive', dossier, undefined as unknown as string)).status).toBe(401);
    expect((await call('withdraw', dossier, undefined as unknown as string)).status).toBe(401);
  });
});
