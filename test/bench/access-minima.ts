/**
 * The documented minimum of DynamoDB calls per request, route by route, as the capacity bench
 * (capacity.ts) compares it: the "Minimum per request" column of docs/access-patterns.md for the
 * happy path of each route (the request test/bench/capacity-requests.ts makes). Keep the two in
 * step: a change here without the doc (or the other way round) is a review finding.
 * `Record<RouteId, …>`: a new route without its minimum is a type error.
 */
import type { RouteId } from '../../shared/src/routes';

/** Calls by DynamoDB operation, e.g. `{ GetItem: 1, TransactWriteItems: 1 }`. */
export type Calls = Partial<Record<'GetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'TransactWriteItems' | 'TransactGetItems' | 'BatchGetItem' | 'BatchWriteItem', number>>;

export interface Minimum {
  /** The row of docs/access-patterns.md ('—': no table access). */
  pattern: string;
  calls: Calls;
  /** Also the minimum while per-container caches are warm (the doc's "cached" reads), warmest last. */
  cached?: Calls[];
}

const none: Minimum = { pattern: '—', calls: {} };

export const ACCESS_MINIMA: Record<RouteId, Minimum> = {
  'health.get': none,
  'openapi.get': none,
  'me.get': none,
  'auth.config': none,
  'auth.token': none,
  'auth.refresh': none,
  'auth.logout': none,
  'procedures.list': { pattern: '1', calls: { Query: 1 }, cached: [{}] },
  'procedures.get': { pattern: '2', calls: { GetItem: 1 } },
  'procedures.update': { pattern: '3', calls: { GetItem: 1, TransactWriteItems: 1 } },
  'audit.list': { pattern: '4', calls: { Query: 1 } },
  'me.dataAccess': { pattern: '4b', calls: { Query: 1 } },
  'his.bills.push': { pattern: '6', calls: { GetItem: 1, TransactWriteItems: 1 } },
  'bills.lookup': { pattern: '7', calls: { GetItem: 2 } },
  'bills.payLink': { pattern: '8', calls: { GetItem: 1 } },
  'payments.create': { pattern: '9', calls: { GetItem: 1, TransactWriteItems: 1 } },
  // A paid payment: + its receipt guard, so the result page learns when the receipt is ready.
  'payments.get': { pattern: '11', calls: { GetItem: 2 } },
  'payments.vnpay.ipn': { pattern: '10', calls: { GetItem: 2, TransactWriteItems: 1 } },
  'payments.vnpay.return': { pattern: '18', calls: {} },
  'refunds.request': { pattern: '14', calls: { GetItem: 1, TransactWriteItems: 1 } },
  'refunds.decide': { pattern: '15', calls: { GetItem: 2, TransactWriteItems: 2 } },
  'refunds.list': { pattern: '16', calls: { Query: 1 } },
  // Desk reads show patients' names: each leaves an audit entry.
  'desk.bills': { pattern: '13', calls: { Query: 1, TransactWriteItems: 1 } },
  'desk.payments': { pattern: '13', calls: { Query: 1, TransactWriteItems: 1 } },
  'desk.reconciliation': { pattern: '13', calls: { Query: 1, TransactWriteItems: 1 } },
  'receipts.pdf': { pattern: '19', calls: { GetItem: 1 } },
  'receipts.verify': { pattern: '20', calls: { GetItem: 2 } },
  'hisKeys.create': { pattern: '21', calls: { TransactWriteItems: 1 } },
  'hisKeys.list': { pattern: '22', calls: { Query: 1 } },
  'hisKeys.revoke': { pattern: '23', calls: { GetItem: 1, TransactWriteItems: 1 } },
  'hospitals.list': { pattern: 'B1', calls: { Query: 1 }, cached: [{}] },
  'hospitals.specialties': { pattern: 'B2', calls: { GetItem: 1, Query: 1 }, cached: [{}] },
  // The hospital (booking window) and the specialty (404 if unknown) are cached 60 s per container.
  'sessions.list': { pattern: 'B3', calls: { GetItem: 2, Query: 1 }, cached: [{ GetItem: 1, Query: 1 }, { Query: 1 }] },
  'appointments.create': { pattern: 'B4', calls: { GetItem: 2, TransactWriteItems: 1, UpdateItem: 2 } },
  'appointments.mine': { pattern: 'B5', calls: { Query: 1 } },
  'appointments.get': { pattern: 'B6', calls: { GetItem: 1 } },
  'appointments.cancel': { pattern: 'B7', calls: { GetItem: 1, TransactWriteItems: 1 } },
  'appointments.reschedule': { pattern: 'B8', calls: { GetItem: 2, TransactWriteItems: 1, UpdateItem: 2 } },
  'patients.list': { pattern: 'B9', calls: { Query: 1 } },
  'patients.create': { pattern: 'B9', calls: { Query: 1, PutItem: 1 } },
  'schedule.template.get': { pattern: 'B10', calls: { GetItem: 1 } },
  'schedule.template.put': { pattern: 'B10', calls: { TransactWriteItems: 1 } },
  'schedule.sessions': { pattern: 'B3', calls: { GetItem: 1, Query: 1 }, cached: [{ Query: 1 }] },
  'schedule.generate': { pattern: 'B11', calls: { GetItem: 1, TransactWriteItems: 1 } },
  'schedule.session.update': { pattern: 'B12', calls: { GetItem: 1, TransactWriteItems: 1 } },
  'schedule.closeDay': { pattern: 'B12', calls: { Query: 1, GetItem: 1, TransactWriteItems: 1 } },
  'schedule.session.appointments': { pattern: 'B13', calls: { GetItem: 1, Query: 1, TransactWriteItems: 1 } },
  'reception.checkIn': { pattern: 'B14', calls: { GetItem: 2, TransactWriteItems: 1 } },
  'reception.noShow': { pattern: 'B18', calls: { GetItem: 1, TransactWriteItems: 1 } },
  'dossiers.create': { pattern: 'D1', calls: { GetItem: 1, Query: 1, TransactWriteItems: 1 }, cached: [{ GetItem: 1, TransactWriteItems: 1 }] },
  'dossiers.list': { pattern: 'D2', calls: { Query: 1 } },
  'dossiers.get': { pattern: 'D3', calls: { Query: 1 } },
  'dossiers.update': { pattern: 'D4', calls: { Query: 1, PutItem: 1 } },
  'dossiers.submit': { pattern: 'D5', calls: { Query: 1, GetItem: 1, UpdateItem: 1, TransactWriteItems: 1 } },
  'dossiers.withdraw': { pattern: 'D6', calls: { Query: 1, TransactWriteItems: 1 } },
  'inbox.list': { pattern: 'D7', calls: { Query: 2, TransactWriteItems: 1 } },
  'inbox.receive': { pattern: 'D9', calls: { GetItem: 1, TransactWriteItems: 1 } },
  'dossiers.act': { pattern: 'D8', calls: { Query: 1, TransactWriteItems: 1 } },
  'public.dossiers.get': { pattern: 'D11', calls: { GetItem: 1, Query: 1 } },
  'calendar.get': { pattern: 'D12', calls: { Query: 1 } },
  'calendar.put': { pattern: 'D13', calls: { TransactWriteItems: 1 } },
  'dossiers.attachments.create': { pattern: 'L1', calls: { GetItem: 1, TransactWriteItems: 1 } },
  'dossiers.attachments.get': { pattern: 'L3', calls: { GetItem: 2 } },
  'dossiers.attachments.delete': { pattern: 'L4', calls: { GetItem: 2, TransactWriteItems: 1 } },
  'dossiers.licence': { pattern: 'L7', calls: { GetItem: 2 } },
  'public.licences.get': { pattern: 'L8', calls: { GetItem: 1 } },
  'licences.status': { pattern: 'L9', calls: { GetItem: 1, TransactWriteItems: 1 } },
  'ratings.dossier.get': { pattern: 'R1', calls: { GetItem: 2 } },
  'ratings.dossier.put': { pattern: 'R2', calls: { GetItem: 2, TransactWriteItems: 1 } },
  'ratings.appointment.get': { pattern: 'R1', calls: { GetItem: 2 } },
  'ratings.appointment.put': { pattern: 'R2', calls: { GetItem: 2, TransactWriteItems: 1 } },
  'ratings.summary': { pattern: 'R3', calls: { GetItem: 1 } },
  'fallback.notFound': none,
};
