/**
 * The dossier (hồ sơ) lifecycle as a pure state machine: which action moves a dossier from which
 * state to which, who may take it, and what it needs. The service asks `planTransition` before
 * every write and writes the result under a condition on the state and version it read, so the
 * table enforces what this module decides.
 *
 * Each state maps to one of the ten status codes one-stop systems use to sync with the National
 * Public Service Portal (research/eservices.md §2.3), so that sync is a mapping, not a redesign.
 */

export const DOSSIER_STATES = [
  'draft',
  'awaiting_fee',
  'submitted',
  'received',
  'refused',
  'in_review',
  'supplement_requested',
  'resubmitted',
  'approved',
  'rejected',
  'result_issued',
  'withdrawn',
  'stopped',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

/** States with no way out: the dossier leaves the officers' inbox. */
export const FINAL_STATES: readonly DossierState[] = ['refused', 'rejected', 'result_issued', 'withdrawn', 'stopped'];

/**
 * National Portal status codes (1 Mới đăng ký … 10 Đã trả kết quả). A draft is not a dossier yet
 * (no code, never synced), so it has none.
 */
export const NATIONAL_STATUS_CODES = {
  awaiting_fee: 6, // Yêu cầu thực hiện nghĩa vụ tài chính
  submitted: 1, // Mới đăng ký
  received: 2, // Được tiếp nhận
  refused: 3, // Không được tiếp nhận
  in_review: 4, // Đang xử lý
  supplement_requested: 5, // Yêu cầu bổ sung giấy tờ
  resubmitted: 4, // the supplemented dossier is back with the handling unit
  approved: 9, // Đã xử lý xong (result being issued)
  rejected: 9, // Đã xử lý xong (the decision is a refusal with reasons)
  result_issued: 10, // Đã trả kết quả
  withdrawn: 7, // Công dân yêu cầu rút hồ sơ
  stopped: 8, // Dừng xử lý
} as const satisfies Record<Exclude<DossierState, 'draft'>, 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10>;

export const STATE_LABELS: Record<DossierState, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  awaiting_fee: { vi: 'Chờ nộp phí', en: 'Awaiting fee payment' },
  submitted: { vi: 'Mới nộp, chờ tiếp nhận', en: 'Submitted, awaiting intake' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  refused: { vi: 'Không được tiếp nhận', en: 'Refused at intake' },
  in_review: { vi: 'Đang xử lý', en: 'In review' },
  supplement_requested: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested' },
  resubmitted: { vi: 'Đã bổ sung, chờ xử lý', en: 'Supplemented, awaiting review' },
  approved: { vi: 'Đã phê duyệt, đang cấp kết quả', en: 'Approved, result being issued' },
  rejected: { vi: 'Không phê duyệt', en: 'Rejected' },
  result_issued: { vi: 'Đã trả kết quả', en: 'Result issued' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  stopped: { vi: 'Dừng xử lý', en: 'Stopped by the agency' },
};

/** Who takes an action: the dossier's applicant, an officer of its unit, or the system (IPN, jobs). */
export type Actor = 'applicant' | 'officer' | 'system';

export const APPLICANT_ACTIONS = ['submit', 'withdraw'] as const;
export const OFFICER_ACTIONS = [
  'receive',
  'refuse',
  'assign',
  'request_supplement',
  'schedule_appraisal',
  'record_appraisal',
  'approve',
  'reject',
  'stop',
  'reschedule',
] as const;
export const SYSTEM_ACTIONS = ['fee_paid', 'issue_result'] as const;
export type ApplicantAction = (typeof APPLICANT_ACTIONS)[number];
export type OfficerAction = (typeof OFFICER_ACTIONS)[number];
export type SystemAction = (typeof SYSTEM_ACTIONS)[number];
export type DossierAction = ApplicantAction | OfficerAction | SystemAction;

/** What the state machine needs to know about a dossier besides its state. */
export interface DossierFacts {
  state: DossierState;
  /** The procedure's fee is due at submission and has not been paid yet. */
  feeDueAtSubmission: boolean;
  feePaid: boolean;
  requiresAppraisal: boolean;
  /** A supplement may be requested once, with every reason at once. */
  supplementRequested: boolean;
  /** The due date may be moved once, with an apology. */
  rescheduled: boolean;
  appraisal?: { scheduled: boolean; outcome?: AppraisalOutcome };
  assignee?: string;
}

export const APPRAISAL_OUTCOMES = ['passed', 'remediation_required', 'failed'] as const;
export type AppraisalOutcome = (typeof APPRAISAL_OUTCOMES)[number];

/** What an action carries; the wire schema (api.ts) checks the shapes, this module the rules. */
export interface ActionInput {
  reason?: string;
  missing?: readonly string[];
  assignee?: string;
  visit?: { date: string; team: readonly string[] };
  appraisal?: { outcome: AppraisalOutcome; minutes: string; remediationDeadline?: string };
  newDueDate?: string;
  /** The current due date, to check that a reschedule moves it later. */
  currentDueDate?: string;
}

/** Why a transition is refused, as a stable code the API turns into problem+json. */
export type TransitionRefusal =
  | 'not_allowed_in_state'
  | 'not_your_action'
  | 'reason_required'
  | 'missing_required'
  | 'assignee_required'
  | 'visit_required'
  | 'appraisal_required'
  | 'appraisal_not_scheduled'
  | 'appraisal_not_passed'
  | 'no_appraisal_for_procedure'
  | 'supplement_already_requested'
  | 'already_rescheduled'
  | 'due_date_not_later'
  | 'fee_unpaid';

export type TransitionPlan =
  | { ok: true; to: DossierState; /** Restart the statutory clock from now (intake, return of the complete dossier). */ restartClock: boolean }
  | { ok: false; refusal: TransitionRefusal };

interface Rule {
  actor: Actor;
  from: readonly DossierState[];
  /** Target state; `same` keeps the state (assignment, appraisal, reschedule). */
  to: DossierState | 'same' | ((facts: DossierFacts) => DossierState);
  check?: (facts: DossierFacts, input: ActionInput) => TransitionRefusal | undefined;
  restartClock?: boolean;
}

const OPEN_AFTER_SUBMIT: readonly DossierState[] = ['awaiting_fee', 'submitted', 'received', 'in_review', 'supplement_requested', 'resubmitted'];
const WORKING: readonly DossierState[] = ['received', 'in_review', 'resubmitted', 'supplement_requested'];

const needsReason = (_: DossierFacts, input: ActionInput): TransitionRefusal | undefined =>
  input.reason && input.reason.trim().length >= 5 ? undefined : 'reason_required';

/** The transition table. Tests walk every action × state × actor through it. */
export const RULES: Record<DossierAction, Rule> = {
  // Applicant. `submit` also returns a supplemented dossier (same dossier, same code).
  submit: {
    actor: 'applicant',
    from: ['draft', 'supplement_requested'],
    to: (f) => (f.state === 'supplement_requested' ? 'resubmitted' : f.feeDueAtSubmission && !f.feePaid ? 'awaiting_fee' : 'submitted'),
    // The time limit restarts from zero when the complete dossier comes back (Decree 61/2018).
    restartClock: true,
  },
  withdraw: { actor: 'applicant', from: OPEN_AFTER_SUBMIT, to: 'withdrawn' },
  // System.
  fee_paid: { actor: 'system', from: ['awaiting_fee'], to: 'submitted', restartClock: true },
  issue_result: { actor: 'system', from: ['approved'], to: 'result_issued' },
  // Officers of the dossier's unit.
  receive: {
    actor: 'officer',
    from: ['submitted', 'resubmitted'],
    to: (f) => (f.state === 'resubmitted' ? 'in_review' : 'received'),
    check: (f) => (f.feeDueAtSubmission && !f.feePaid ? 'fee_unpaid' : undefined),
  },
  refuse: { actor: 'officer', from: ['submitted'], to: 'refused', check: needsReason },
  // Assigning a handler starts the review of a received dossier; reassigning keeps the state.
  assign: {
    actor: 'officer',
    from: ['received', 'in_review', 'resubmitted', 'supplement_requested'],
    to: (f) => (f.state === 'received' ? 'in_review' : f.state),
    check: (_, input) => (input.assignee ? undefined : 'assignee_required'),
  },
  request_supplement: {
    actor: 'officer',
    from: ['received', 'in_review'],
    to: 'supplement_requested',
    check: (f, input) => (f.supplementRequested ? 'supplement_already_requested' : input.missing && input.missing.length > 0 ? undefined : 'missing_required'),
  },
  schedule_appraisal: {
    actor: 'officer',
    from: ['in_review'],
    to: 'same',
    check: (f, input) => (!f.requiresAppraisal ? 'no_appraisal_for_procedure' : input.visit ? undefined : 'visit_required'),
  },
  record_appraisal: {
    actor: 'officer',
    from: ['in_review'],
    to: 'same',
    check: (f, input) =>
      !f.requiresAppraisal ? 'no_appraisal_for_procedure' : !f.appraisal?.scheduled ? 'appraisal_not_scheduled' : input.appraisal ? undefined : 'appraisal_required',
  },
  approve: {
    actor: 'officer',
    from: ['in_review'],
    to: 'approved',
    check: (f) => (f.feeDueAtSubmission && !f.feePaid ? 'fee_unpaid' : f.requiresAppraisal && f.appraisal?.outcome !== 'passed' ? 'appraisal_not_passed' : undefined),
  },
  reject: { actor: 'officer', from: ['in_review'], to: 'rejected', check: needsReason },
  stop: { actor: 'officer', from: OPEN_AFTER_SUBMIT, to: 'stopped', check: needsReason },
  reschedule: {
    actor: 'officer',
    from: WORKING,
    to: 'same',
    check: (f, input) =>
      f.rescheduled
        ? 'already_rescheduled'
        : needsReason(f, input) ??
          (!input.newDueDate || (input.currentDueDate !== undefined && input.newDueDate <= input.currentDueDate) ? 'due_date_not_later' : undefined),
  },
};

export function actorOf(action: DossierAction): Actor {
  return RULES[action].actor;
}

/** Can `actor` take `action` on a dossier with these facts, and where does it lead? */
export function planTransition(facts: DossierFacts, action: DossierAction, actor: Actor, input: ActionInput = {}): TransitionPlan {
  const rule = RULES[action];
  if (rule.actor !== actor) return { ok: false, refusal: 'not_your_action' };
  if (!rule.from.includes(facts.state)) return { ok: false, refusal: 'not_allowed_in_state' };
  const refusal = rule.check?.(facts, input);
  if (refusal) return { ok: false, refusal };
  const to = rule.to === 'same' ? facts.state : typeof rule.to === 'function' ? rule.to(facts) : rule.to;
  return { ok: true, to, restartClock: rule.restartClock ?? false };
}

/** Actions this actor could take now (the pages show only these buttons). Input-dependent checks are left to the attempt. */
export function availableActions(facts: DossierFacts, actor: Actor): DossierAction[] {
  return (Object.keys(RULES) as DossierAction[]).filter((action) => {
    const rule = RULES[action];
    if (rule.actor !== actor || !rule.from.includes(facts.state)) return false;
    const refusal = rule.check?.(facts, { reason: 'xxxxx', missing: ['x'], assignee: 'x', visit: { date: '', team: [] }, appraisal: { outcome: 'passed', minutes: '' }, newDueDate: '9999-12-31' });
    return refusal === undefined;
  });
}

export const isFinal = (state: DossierState): boolean => FINAL_STATES.includes(state);
/** States the officers' inbox holds (everything after submission that is not final). */
export const inInbox = (state: DossierState): boolean => state !== 'draft' && !isFinal(state);
/** The applicant may change form data and attachments only in these states. */
export const applicantMayEdit = (state: DossierState): boolean => state === 'draft' || state === 'supplement_requested';
/** The statutory clock runs only while the agency holds the dossier. */
export const clockRuns = (state: DossierState): boolean => ['submitted', 'received', 'in_review', 'resubmitted', 'approved'].includes(state);
