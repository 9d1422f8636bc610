/**
 * The dossier state machine, every action × every state × every actor, against a table written
 * here from the issue's rules (not read from the module), then each check an action makes.
 */
import { describe, expect, it } from 'vitest';
import {
  DOSSIER_STATES, NATIONAL_STATUS_CODES, RULES, applicantMayEdit, availableActions, clockRuns, inInbox, isFinal, planTransition,
  type ActionInput, type Actor, type DossierAction, type DossierFacts, type DossierState,
} from '../../shared/src/dossiers/lifecycle';

const OPEN: DossierState[] = ['awaiting_fee', 'submitted', 'received', 'in_review', 'supplement_requested', 'resubmitted'];

/** action → [who, from which states, to where (per from state)] */
const EXPECTED: Record<DossierAction, { actor: Actor; to: Partial<Record<DossierState, DossierState>> }> = {
  submit: { actor: 'applicant', to: { draft: 'submitted', supplement_requested: 'resubmitted' } },
  withdraw: { actor: 'applicant', to: Object.fromEntries(OPEN.map((s) => [s, 'withdrawn'])) },
  fee_paid: { actor: 'system', to: { awaiting_fee: 'submitted' } },
  issue_result: { actor: 'system', to: { approved: 'result_issued' } },
  receive: { actor: 'officer', to: { submitted: 'received', resubmitted: 'in_review' } },
  refuse: { actor: 'officer', to: { submitted: 'refused' } },
  assign: { actor: 'officer', to: { received: 'in_review', in_review: 'in_review', resubmitted: 'resubmitted', supplement_requested: 'supplement_requested' } },
  request_supplement: { actor: 'officer', to: { received: 'supplement_requested', in_review: 'supplement_requested' } },
  schedule_appraisal: { actor: 'officer', to: { in_review: 'in_review' } },
  record_appraisal: { actor: 'officer', to: { in_review: 'in_review' } },
  approve: { actor: 'officer', to: { in_review: 'approved' } },
  reject: { actor: 'officer', to: { in_review: 'rejected' } },
  stop: { actor: 'officer', to: Object.fromEntries(OPEN.map((s) => [s, 'stopped'])) },
  reschedule: { actor: 'officer', to: { received: 'received', in_review: 'in_review', resubmitted: 'resubmitted', supplement_requested: 'supplement_requested' } },
};

const ACTORS: Actor[] = ['applicant', 'officer', 'system'];
const ACTIONS = Object.keys(EXPECTED) as DossierAction[];

/** Facts under which every action is possible somewhere: fee paid, appraisal passed, nothing used up. */
const permissive = (state: DossierState): DossierFacts => ({
  state, feeDueAtSubmission: true, feePaid: true, requiresAppraisal: true, supplementRequested: false, rescheduled: false,
  appraisal: { scheduled: true, outcome: 'passed' },
});
const fullInput: ActionInput = {
  reason: 'Lý do đầy đủ', missing: ['don-de-nghi'], assignee: 'officer-thao', visit: { date: '2026-12-01', team: ['Tổ 1'] },
  appraisal: { outcome: 'passed', minutes: 'Đạt yêu cầu' }, newDueDate: '2099-12-31', currentDueDate: '2026-12-01',
};

describe('the transition table', () => {
  it('names every action the module knows, and only those', () => {
    expect(Object.keys(RULES).sort()).toEqual([...ACTIONS].sort());
  });

  const cases = ACTIONS.flatMap((action) => DOSSIER_STATES.flatMap((state) => ACTORS.map((actor) => [action, state, actor] as const)));
  it.each(cases)('%s from %s by %s', (action, state, actor) => {
    const plan = planTransition(permissive(state), action, actor, fullInput);
    const expected = EXPECTED[action];
    if (actor !== expected.actor) {
      expect(plan).toEqual({ ok: false, refusal: 'not_your_action' });
    } else if (expected.to[state] === undefined) {
      expect(plan).toEqual({ ok: false, refusal: 'not_allowed_in_state' });
    } else {
      expect(plan).toMatchObject({ ok: true, to: expected.to[state] });
    }
  });

  it(`covers ${cases.length} action × state × actor combinations`, () => {
    expect(cases).toHaveLength(14 * 13 * 3);
  });

  it('sends a submission with an unpaid fee due at submission to awaiting_fee, and restarts the clock on submit, resubmit and payment', () => {
    expect(planTransition({ ...permissive('draft'), feePaid: false }, 'submit', 'applicant')).toEqual({ ok: true, to: 'awaiting_fee', restartClock: true });
    expect(planTransition({ ...permissive('draft'), feeDueAtSubmission: false, feePaid: false }, 'submit', 'applicant')).toMatchObject({ to: 'submitted', restartClock: true });
    expect(planTransition(permissive('supplement_requested'), 'submit', 'applicant')).toMatchObject({ to: 'resubmitted', restartClock: true });
    expect(planTransition(permissive('awaiting_fee'), 'fee_paid', 'system')).toMatchObject({ to: 'submitted', restartClock: true });
    expect(planTransition(permissive('submitted'), 'receive', 'officer')).toMatchObject({ restartClock: false });
  });
});

describe('what each action needs', () => {
  const refusal = (facts: DossierFacts, action: DossierAction, actor: Actor, input: ActionInput) => {
    const plan = planTransition(facts, action, actor, input);
    return plan.ok ? undefined : plan.refusal;
  };

  it('a reason of at least 5 characters to refuse, reject or stop', () => {
    for (const [action, state] of [['refuse', 'submitted'], ['reject', 'in_review'], ['stop', 'received']] as const) {
      expect(refusal(permissive(state), action, 'officer', {})).toBe('reason_required');
      expect(refusal(permissive(state), action, 'officer', { reason: '  ab ' })).toBe('reason_required');
      expect(refusal(permissive(state), action, 'officer', { reason: 'Thiếu điều kiện' })).toBeUndefined();
    }
  });

  it('the fee paid before intake and approval when it is due at submission', () => {
    const unpaid = { ...permissive('submitted'), feePaid: false };
    expect(refusal(unpaid, 'receive', 'officer', {})).toBe('fee_unpaid');
    expect(refusal({ ...unpaid, state: 'in_review' }, 'approve', 'officer', {})).toBe('fee_unpaid');
    expect(refusal({ ...unpaid, feeDueAtSubmission: false }, 'receive', 'officer', {})).toBeUndefined();
  });

  it('a checklist, once, for a supplement', () => {
    expect(refusal(permissive('in_review'), 'request_supplement', 'officer', {})).toBe('missing_required');
    expect(refusal(permissive('in_review'), 'request_supplement', 'officer', { missing: [] })).toBe('missing_required');
    expect(refusal({ ...permissive('in_review'), supplementRequested: true }, 'request_supplement', 'officer', { missing: ['x'] })).toBe('supplement_already_requested');
  });

  it('an assignee to assign', () => {
    expect(refusal(permissive('received'), 'assign', 'officer', {})).toBe('assignee_required');
  });

  it('an appraisal only where the procedure has one: scheduled before recorded, passed before approval', () => {
    const none = { ...permissive('in_review'), requiresAppraisal: false, appraisal: undefined };
    expect(refusal(none, 'schedule_appraisal', 'officer', fullInput)).toBe('no_appraisal_for_procedure');
    expect(refusal(none, 'record_appraisal', 'officer', fullInput)).toBe('no_appraisal_for_procedure');
    expect(refusal(none, 'approve', 'officer', {})).toBeUndefined();
    const fresh = { ...permissive('in_review'), appraisal: undefined };
    expect(refusal(fresh, 'schedule_appraisal', 'officer', {})).toBe('visit_required');
    expect(refusal(fresh, 'record_appraisal', 'officer', fullInput)).toBe('appraisal_not_scheduled');
    expect(refusal({ ...fresh, appraisal: { scheduled: true } }, 'record_appraisal', 'officer', {})).toBe('appraisal_required');
    expect(refusal(fresh, 'approve', 'officer', {})).toBe('appraisal_not_passed');
    expect(refusal({ ...fresh, appraisal: { scheduled: true, outcome: 'remediation_required' } }, 'approve', 'officer', {})).toBe('appraisal_not_passed');
  });

  it('a reason and a later date to move the due date, once', () => {
    const f = permissive('in_review');
    expect(refusal(f, 'reschedule', 'officer', { newDueDate: '2099-01-01', currentDueDate: '2026-01-01' })).toBe('reason_required');
    expect(refusal(f, 'reschedule', 'officer', { reason: 'Chờ xác minh', currentDueDate: '2026-01-01' })).toBe('due_date_not_later');
    expect(refusal(f, 'reschedule', 'officer', { reason: 'Chờ xác minh', newDueDate: '2026-01-01', currentDueDate: '2026-01-01' })).toBe('due_date_not_later');
    expect(refusal({ ...f, rescheduled: true }, 'reschedule', 'officer', fullInput)).toBe('already_rescheduled');
  });
});

describe('states', () => {
  it('map to the National Portal status codes, all ten used', () => {
    expect(new Set(Object.values(NATIONAL_STATUS_CODES))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(Object.keys(NATIONAL_STATUS_CODES).sort()).toEqual(DOSSIER_STATES.filter((s) => s !== 'draft').sort());
  });

  it('say where a dossier is: final, in the inbox, editable by the applicant, on the clock', () => {
    expect(DOSSIER_STATES.filter(isFinal).sort()).toEqual(['refused', 'rejected', 'result_issued', 'stopped', 'withdrawn']);
    expect(DOSSIER_STATES.filter(inInbox).sort()).toEqual([...OPEN, 'approved'].sort());
    expect(DOSSIER_STATES.filter(applicantMayEdit)).toEqual(['draft', 'supplement_requested']);
    expect(DOSSIER_STATES.filter(clockRuns).sort()).toEqual(['approved', 'in_review', 'received', 'resubmitted', 'submitted']);
  });

  it('offer each actor only actions that could succeed now', () => {
    expect(availableActions(permissive('draft'), 'applicant')).toEqual(['submit']);
    expect(availableActions(permissive('supplement_requested'), 'applicant')).toEqual(['submit', 'withdraw']);
    expect(availableActions({ ...permissive('submitted'), feePaid: false }, 'officer')).toEqual(['refuse', 'stop']);
    expect(availableActions(permissive('in_review'), 'officer').sort()).toEqual(['approve', 'assign', 'record_appraisal', 'reject', 'request_supplement', 'reschedule', 'schedule_appraisal', 'stop']);
    for (const state of DOSSIER_STATES.filter(isFinal)) for (const actor of ACTORS) expect(availableActions(permissive(state), actor)).toEqual([]);
  });
});
