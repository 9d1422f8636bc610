/**
 * The one DynamoDB table (single-table design). CDK, the local stack and the tests all build the
 * table from this definition; repositories build keys with the functions below, never by hand.
 * Every access pattern is listed in docs/access-patterns.md with the function that serves it.
 */
export const table = {
  /** Physical name locally and in tests; CDK lets CloudFormation name it. */
  localName: 'portal',
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes the item some time after. Never used for business deadlines. */
  ttlAttribute: 'expiresAt',
  stream: 'NEW_AND_OLD_IMAGES',
  /** GSIs are named after the access pattern they serve. All project every attribute. */
  indexes: {
    /** A user's own items (dossiers, bookings, payments, profiles), newest first. */
    byOwner: { partitionKey: 'ownerPk', sortKey: 'ownerSk' },
    /** A unit's or hospital's work list (officer inbox, cashier's day), ordered by due time. */
    byWorkQueue: { partitionKey: 'queuePk', sortKey: 'queueSk' },
  },
} as const;

export type IndexName = keyof typeof table.indexes;

export interface Keys {
  pk: string;
  sk: string;
}

/** Key builders, one per entity. Prefixes are upper-case entity names; ids never contain '#'. */
export const keys = {
  catalogue: () => ({ pk: 'CATALOGUE' }),
  procedure: (code: string): Keys => ({ pk: 'CATALOGUE', sk: `PROCEDURE#${code}` }),
  /** Audit entries of one target, in time order; `at` is an ISO instant, `id` breaks ties. */
  auditTarget: (targetType: string, targetId: string) => ({ pk: `AUDIT#${targetType}#${targetId}` }),
  audit: (targetType: string, targetId: string, at: string, id: string): Keys => ({
    pk: `AUDIT#${targetType}#${targetId}`,
    sk: `${at}#${id}`,
  }),
  /**
   * A person's audit entries (what staff read or did with their data; ADR 0025), newest first, on
   * byOwner beside their dossiers and bookings: `ownerSk = AUDIT#<at>#<id>`.
   */
  subjectAudit: (userId: string) => ({ ownerPk: `USER#${userId}`, ownerSkPrefix: 'AUDIT#' }),
  subjectAuditEntry: (userId: string, at: string, id: string) => ({ ownerPk: `USER#${userId}`, ownerSk: `AUDIT#${at}#${id}` }),
  bill: (billId: string): Keys => ({ pk: `BILL#${billId}`, sk: 'BILL' }),
  /** Guard: one bill per hospital and bill code (makes the HIS push idempotent). */
  billCode: (hospitalId: string, billCode: string): Keys => ({ pk: `BILLCODE#${hospitalId}#${billCode}`, sk: 'BILLCODE' }),
  /** A hospital's bills of one Vietnam day (cashier desk), on the byWorkQueue index. */
  hospitalBillsQueue: (hospitalId: string, vietnamDay: string) => ({ queuePk: `HOSPITAL#${hospitalId}#BILLS#${vietnamDay}` }),
  /** A patient's bills at one hospital (cashier search by patient code), newest last. */
  patientBills: (hospitalId: string, patientCode: string) => ({ pk: `PATIENTBILLS#${hospitalId}#${patientCode}` }),
  patientBill: (hospitalId: string, patientCode: string, createdAt: string, billId: string): Keys => ({ pk: `PATIENTBILLS#${hospitalId}#${patientCode}`, sk: `${createdAt}#${billId}` }),
  /** A hospital information system's API key, by the SHA-256 of the key (the key itself is never stored). */
  hisKey: (keyHash: string): Keys => ({ pk: `HISKEY#${keyHash}`, sk: 'HISKEY' }),
  /** A hospital's HIS keys as administrators list them (label, status, the lookup item's hash), newest first by key id. */
  hospitalHisKeys: (hospitalId: string) => ({ pk: `HOSPITAL#${hospitalId}#HISKEYS`, skPrefix: 'KEY#' }),
  hospitalHisKey: (hospitalId: string, keyId: string): Keys => ({ pk: `HOSPITAL#${hospitalId}#HISKEYS`, sk: `KEY#${keyId}` }),
  payment: (paymentId: string): Keys => ({ pk: `PAYMENT#${paymentId}`, sk: 'PAYMENT' }),
  /** A hospital's payment attempts of one Vietnam day (cashier, finance), on byWorkQueue. */
  hospitalPaymentsQueue: (hospitalId: string, vietnamDay: string) => ({ queuePk: `HOSPITAL#${hospitalId}#PAYMENTS#${vietnamDay}` }),
  /** Marker of a pending attempt, ordered by expiry, for the reconciliation sweep. */
  pendingPayment: (expiresAt: string, paymentId: string): Keys => ({ pk: 'SWEEP#PAYMENTS', sk: `${expiresAt}#${paymentId}` }),
  refund: (refundId: string): Keys => ({ pk: `REFUND#${refundId}`, sk: 'REFUND' }),
  /** A hospital's refunds by status (approvals page), on byWorkQueue; queueSk = `<status>#<requestedAt>#<id>`. */
  hospitalRefundsQueue: (hospitalId: string) => ({ queuePk: `HOSPITAL#${hospitalId}#REFUNDS` }),
  /** An issued e-receipt by its number (`HD-2026-000001`): what the public verification reads. */
  receipt: (number: string): Keys => ({ pk: `RECEIPT#${number}`, sk: 'RECEIPT' }),
  /** Guard: one receipt per payment (its number once allocated, then where the PDF is). */
  receiptOfPayment: (paymentId: string): Keys => ({ pk: `RECEIPTOF#${paymentId}`, sk: 'RECEIPTOF' }),
  /** Receipt number counter per prefix and Vietnam year (atomic ADD; numbers restart each year). */
  receiptCounter: (prefix: string, year: number): Keys => ({ pk: `COUNTER#RECEIPT#${prefix}#${year}`, sk: 'COUNTER' }),
  /** A callback to a hospital's information system, by the event it reports. */
  hisCallback: (eventId: string): Keys => ({ pk: `HISCALLBACK#${eventId}`, sk: 'HISCALLBACK' }),
  outbox: (eventId: string): Keys => ({ pk: `OUTBOX#${eventId}`, sk: 'OUTBOX' }),
  /** A message (SMS or e-mail) to deliver; its id derives from the event that caused it. */
  message: (messageId: string): Keys => ({ pk: `MESSAGE#${messageId}`, sk: 'MESSAGE' }),
  /** Messages of one Vietnam day (the local mailbox, delivery monitoring), on byWorkQueue. */
  messagesQueue: (vietnamDay: string) => ({ queuePk: `MESSAGES#${vietnamDay}` }),

  // Dossiers (issue 4; ADR 0014). The dossier's partition holds the dossier, its history, its fee
  // and its attachments, so the whole dossier is one Query.
  /** Everything of one dossier: `sk = DOSSIER`, `FEE`, `HISTORY#…`, `ATTACHMENT#…`. */
  dossierItems: (dossierId: string) => ({ pk: `DOSSIER#${dossierId}` }),
  dossier: (dossierId: string): Keys => ({ pk: `DOSSIER#${dossierId}`, sk: 'DOSSIER' }),
  /** One history entry; `n` is the dossier's version after the change (unique per dossier). */
  dossierHistory: (dossierId: string, at: string, n: number): Keys => ({ pk: `DOSSIER#${dossierId}`, sk: `HISTORY#${at}#${String(n).padStart(6, '0')}` }),
  /** The dossier's fee as a payable (ADR 0008): payment attributes apart from the dossier's version. */
  dossierFee: (dossierId: string): Keys => ({ pk: `DOSSIER#${dossierId}`, sk: 'FEE' }),
  dossierAttachment: (dossierId: string, attachmentId: string): Keys => ({ pk: `DOSSIER#${dossierId}`, sk: `ATTACHMENT#${attachmentId}` }),
  /** An applicant's dossiers, newest first, on byOwner; ownerSk = `DOSSIER#<createdAt>#<id>`. */
  ownerDossiers: (userId: string) => ({ ownerPk: `USER#${userId}` }),
  /** A unit's open dossiers (the inbox), on byWorkQueue; queueSk = `<due date or 9999-12-31>#<id>`. */
  unitDossiersQueue: (unitId: string) => ({ queuePk: `UNIT#${unitId}#DOSSIERS` }),
  /** Dossier codes of one agency and Vietnam day: an atomic ADD; a failed submission leaves a gap, never a duplicate. */
  dossierCodeCounter: (agencyCode: string, vietnamDay: string): Keys => ({ pk: `COUNTER#DOSSIER#${agencyCode}#${vietnamDay}`, sk: 'COUNTER' }),
  /** Guard: one dossier per code (`attribute_not_exists`); also what the public tracking reads, with its lockout. */
  dossierCode: (code: string): Keys => ({ pk: `DOSSIERCODE#${code}`, sk: 'DOSSIERCODE' }),
  /** Officers of a unit (assignment, the inbox's colleague list). */
  unitMembers: (unitId: string) => ({ pk: `UNIT#${unitId}` }),
  unitMember: (unitId: string, userId: string): Keys => ({ pk: `UNIT#${unitId}`, sk: `MEMBER#${userId}` }),
  /** Admin-edited working-day calendars, one item per year; a missing year falls back to the shipped default. */
  calendarYears: () => ({ pk: 'CALENDAR' }),
  calendarYear: (year: number): Keys => ({ pk: 'CALENDAR', sk: `YEAR#${year}` }),

  // Attachments and licences (issue 4, documents; ADR 0015).
  /** The dossier's attachments (`begins_with(sk, ATTACHMENT#)`). */
  dossierAttachments: (dossierId: string) => ({ pk: `DOSSIER#${dossierId}`, skPrefix: 'ATTACHMENT#' }),
  /** Files per required document: an ADD under a limit in the same transaction as the attachment. */
  dossierAttachmentCount: (dossierId: string, documentId: string): Keys => ({ pk: `DOSSIER#${dossierId}`, sk: `ATTACHMENTS#${documentId}` }),
  /** The licence register entry by number (`GPHD-2026-000001`): what the public verification reads. */
  licence: (number: string): Keys => ({ pk: `LICENCE#${number}`, sk: 'LICENCE' }),
  /** Guard: one licence per dossier (its number once allocated, then issued). */
  licenceOfDossier: (dossierId: string): Keys => ({ pk: `LICENCEOF#${dossierId}`, sk: 'LICENCEOF' }),
  /** Licence numbers per prefix and Vietnam year (atomic ADD). */
  licenceCounter: (prefix: string, year: number): Keys => ({ pk: `COUNTER#LICENCE#${prefix}#${year}`, sk: 'COUNTER' }),
  /** Licences by expiry date within one year, on byWorkQueue; queueSk = `<validUntil>#<number>` (renewal reminders). */
  licenceExpiryQueue: (year: number) => ({ queuePk: `LICENCES#EXPIRY#${year}` }),
  /** Guard: one renewal reminder per licence and lead time (60 or 30 days). */
  licenceReminder: (number: string, daysBefore: number): Keys => ({ pk: `LICENCE#${number}`, sk: `REMINDER#${daysBefore}` }),

  // Booking (issue 5; ADR 0016). Session ids are `<hospital>.<specialty>.<date>.<HHMM>`.
  /** Hospitals on the portal with their booking rules. */
  hospitals: () => ({ pk: 'HOSPITALS' }),
  hospital: (hospitalId: string): Keys => ({ pk: 'HOSPITALS', sk: `HOSPITAL#${hospitalId}` }),
  /** A hospital's specialties (`begins_with(sk, SPECIALTY#)`) and weekly templates (`TEMPLATE#`). */
  hospitalItems: (hospitalId: string) => ({ pk: `HOSPITAL#${hospitalId}` }),
  specialty: (hospitalId: string, specialtyId: string): Keys => ({ pk: `HOSPITAL#${hospitalId}`, sk: `SPECIALTY#${specialtyId}` }),
  scheduleTemplate: (hospitalId: string, specialtyId: string): Keys => ({ pk: `HOSPITAL#${hospitalId}`, sk: `TEMPLATE#${specialtyId}` }),
  /** The sessions of one specialty, by date and start: a date range is one Query. Holds the capacity counter. */
  specialtySessions: (hospitalId: string, specialtyId: string) => ({ pk: `SESSIONS#${hospitalId}#${specialtyId}` }),
  session: (hospitalId: string, specialtyId: string, date: string, hhmm: string): Keys => ({ pk: `SESSIONS#${hospitalId}#${specialtyId}`, sk: `${date}#${hhmm}` }),
  /** Every session of a Vietnam day (reminders, no-shows), on byWorkQueue; queueSk = `<hospital>#<start>#<sessionId>`. */
  sessionsOfDayQueue: (date: string) => ({ queuePk: `SESSIONDAY#${date}` }),
  /** Queue numbers of a session: an atomic ADD that never goes back (a cancellation never returns a number). */
  queueCounter: (sessionId: string): Keys => ({ pk: `QUEUE#${sessionId}`, sk: 'QUEUE' }),
  appointment: (appointmentId: string): Keys => ({ pk: `APPT#${appointmentId}`, sk: 'APPT' }),
  /** The bookings of a session (staff list, who is next), on byWorkQueue; queueSk = `<createdAt>#<id>`. */
  sessionAppointmentsQueue: (sessionId: string) => ({ queuePk: `SESSION#${sessionId}` }),
  /** A citizen's bookings, newest first, on byOwner; ownerSk = `APPT#<createdAt>`. */
  userAppointments: (userId: string) => ({ ownerPk: `USER#${userId}` }),
  /** Guard: the booking code typed at reception → the appointment. */
  appointmentCode: (code: string): Keys => ({ pk: `APPTCODE#${code}`, sk: 'APPTCODE' }),
  /** Guard: one active booking per patient (hashed identifier) per hospital, specialty and day. */
  appointmentGuard: (patientHash: string, hospitalId: string, specialtyId: string, date: string): Keys => ({ pk: `APPTGUARD#${patientHash}#${hospitalId}#${specialtyId}#${date}`, sk: 'APPTGUARD' }),
  /** Guard: one booking per citizen and Idempotency-Key (with the request's fingerprint). */
  appointmentIdempotency: (userId: string, key: string): Keys => ({ pk: `IDEM#APPT#${userId}#${key}`, sk: 'IDEM' }),
  /** The exam fee of a held booking: a payable (ADR 0008) whose payment confirms the booking. */
  appointmentFee: (appointmentId: string): Keys => ({ pk: `APPTFEE#${appointmentId}`, sk: 'APPTFEE' }),
  /** Marker of a held place, ordered by hold expiry, for the hold sweep. */
  heldAppointment: (holdExpiresAt: string, appointmentId: string): Keys => ({ pk: 'SWEEP#HOLDS', sk: `${holdExpiresAt}#${appointmentId}` }),
  /** Marker: the reminders for the bookings of a Vietnam date have been sent (the sweep sends them once). */
  bookingRemindersSent: (date: string): Keys => ({ pk: 'JOBRUN#bookingReminders', sk: date }),
  /** A citizen's saved patient profiles (self and family). */
  patientProfiles: (userId: string) => ({ pk: `PATIENTS#${userId}` }),
  patientProfile: (userId: string, profileId: string): Keys => ({ pk: `PATIENTS#${userId}`, sk: `PATIENT#${profileId}` }),

  // Satisfaction ratings (issue 13; ADR 0026). Outside the dossier's partition on purpose: the
  // officers' dossier Query never reads a rating, and a rating carries no dossier data.
  /** One rating per dossier or appointment (`attribute_not_exists` on the first). */
  rating: (subjectType: 'dossier' | 'appointment', subjectId: string): Keys => ({ pk: `RATING#${subjectType.toUpperCase()}#${subjectId}`, sk: 'RATING' }),
  /** Counters of one procedure, unit, hospital or specialty: `sk = TOTAL`, and `DAY#<Vietnam date>` per day of first rating. */
  ratingCounters: (scope: string, id: string) => ({ pk: `RATINGS#${scope.toUpperCase()}#${id}` }),
  ratingTotal: (scope: string, id: string): Keys => ({ pk: `RATINGS#${scope.toUpperCase()}#${id}`, sk: 'TOTAL' }),
  ratingDay: (scope: string, id: string, vietnamDay: string): Keys => ({ pk: `RATINGS#${scope.toUpperCase()}#${id}`, sk: `DAY#${vietnamDay}` }),
};
