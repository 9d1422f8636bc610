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
};
