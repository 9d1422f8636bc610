/**
 * Functions that no HTTP route invokes: consumers of the table's stream and scheduled sweeps.
 * Plain data, like the route table: CDK creates one Lambda per job with the event source or
 * EventBridge Scheduler schedule it names and exactly the table access it declares; the local
 * stack's job runner feeds the same handlers from DynamoDB Local's stream and a timer.
 * Entry module: `functions/src/jobs/<id>.ts`, exporting `handler`.
 */
import type { DocumentsGrant, LicenceKeyUse, TableAccess } from './routes';

export type JobTrigger = { kind: 'stream' } | { kind: 'schedule'; /** EventBridge Scheduler expression */ expression: string; /** Local runner period. */ localEveryMs: number };

export interface Job {
  id: string;
  description: string;
  trigger: JobTrigger;
  access: TableAccess;
  /** Reads the VNPay/pay-link secret. */
  portalSecret?: true;
  /** Access to prefixes of the documents bucket. */
  documents?: DocumentsGrant;
  /** Use of the licence-signing key (ADR 0015). */
  licenceKey?: LicenceKeyUse;
}

export const jobs = [
  {
    id: 'outbox',
    description: "Side effects of committed changes (SMS/e-mail messages, callbacks to hospitals' information systems), from outbox items on the stream",
    trigger: { kind: 'stream' },
    access: 'write',
    portalSecret: true,
  },
  {
    id: 'receipts',
    description: 'Issues the e-receipt PDF of each paid payment (outbox items payment.paid on the stream) and stores it in the documents bucket',
    trigger: { kind: 'stream' },
    access: 'write',
    documents: { receipts: 'write' },
  },
  {
    id: 'paymentsSweep',
    description: 'Settles payment attempts still pending after expiry with VNPay QueryDR (dropped IPNs), or expires them',
    trigger: { kind: 'schedule', expression: 'rate(5 minutes)', localEveryMs: 60_000 },
    access: 'write',
    portalSecret: true,
  },
  {
    id: 'hisCallbacks',
    description: "Retries callbacks to hospitals' information systems that are due (ADR 0010)",
    trigger: { kind: 'schedule', expression: 'rate(1 minute)', localEveryMs: 30_000 },
    access: 'write',
    portalSecret: true,
  },
  {
    id: 'bookingSweep',
    description: "Booking's timed work (ADR 0016): each minute releases unpaid holds past their time (conditional writes, never TTL); every 10 minutes marks unattended bookings of ended sessions no-shows; from 18:00 Vietnam time, once a day, reminds tomorrow's patients",
    trigger: { kind: 'schedule', expression: 'rate(1 minute)', localEveryMs: 30_000 },
    access: 'write',
  },
  {
    id: 'licences',
    // A schedule, not a third reader of the table's stream (at most two per shard, ADR 0009): the
    // approved dossiers are in the units' inbox index already; the job issues each one's licence.
    description: 'Issues the signed licence or certificate of every approved dossier (PDF, KMS signature, register), then marks the result issued (ADR 0015)',
    trigger: { kind: 'schedule', expression: 'rate(1 minute)', localEveryMs: 5_000 },
    access: 'write',
    documents: { licences: 'write' },
    licenceKey: 'sign',
  },
  {
    id: 'licenceReminders',
    description: 'Renewal reminders 60 and 30 days before a licence expires, once each (outbox messages), at 08:00 Vietnam time',
    trigger: { kind: 'schedule', expression: 'cron(0 1 * * ? *)', localEveryMs: 3_600_000 },
    access: 'write',
  },
] as const satisfies readonly Job[];

export type JobId = (typeof jobs)[number]['id'];
