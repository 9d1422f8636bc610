/**
 * Appointments (ADR 0016). The capacity guarantee lives in the database: a booking is one
 * TransactWriteItems in which the session counter rises only while below capacity, the booking,
 * its code and idempotency items are new, and a guard item per patient identifier keeps one active
 * booking per patient, specialty and day. Cancel, reschedule, hold release and payment confirmation
 * are transactions too. Queue numbers come from a separate counter item that only ever rises.
 * Sessions themselves are in booking-schedule.ts; the patient's saved profiles are at the end.
 */
import { DeleteCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AppointmentStatus } from '@portal/shared/booking/api';
import type { Insurance } from '@portal/shared/booking/insurance';
import type { Patient, PatientProfile } from '@portal/shared/booking/patients';
import type { Period } from '@portal/shared/booking/sessions';
import { keys, type Keys } from '@portal/shared/table';
import { appointmentTarget, auditEntry, type AuditContext } from './audit';
import { sessionKey, type StoredSession } from './booking-schedule';
import { get, outboxPut, queryAll, type Deps, type TransactItem } from './booking-table';

export type { Deps };

export interface StoredAppointment {
  appointmentId: string;
  code: string;
  userId: string;
  hospitalId: string;
  specialtyId: string;
  sessionId: string;
  date: string;
  period: Period;
  start: string;
  end: string;
  room: string;
  doctorName?: string;
  patient: Patient;
  /** Hashes of the patient's identifiers: the guards this booking holds while it occupies a place. */
  patientHashes: string[];
  insurance: Insurance;
  status: AppointmentStatus;
  version: number;
  createdAt: string;
  queueNumber?: number;
  holdExpiresAt?: string;
  feeVnd?: number;
  checkedInAt?: string;
  cancelledAt?: string;
  cancelledBy?: 'patient' | 'hospital';
  cancelReason?: string;
}

export interface StoredIdempotency {
  appointmentId: string;
  fingerprint: string;
}

export const getAppointment = (deps: Deps, appointmentId: string, consistent = false) => get<StoredAppointment>(deps, keys.appointment(appointmentId), consistent);
export const getIdempotency = (deps: Deps, userId: string, key: string) => get<StoredIdempotency>(deps, keys.appointmentIdempotency(userId, key), true);
export const appointmentIdByCode = async (deps: Deps, code: string) => (await get<{ appointmentId: string }>(deps, keys.appointmentCode(code)))?.appointmentId;

export const appointmentsOfUser = (deps: Deps, userId: string) =>
  queryAll<StoredAppointment>(deps, { IndexName: 'byOwner', KeyConditionExpression: 'ownerPk = :o AND begins_with(ownerSk, :p)', ExpressionAttributeValues: { ':o': keys.userAppointments(userId).ownerPk, ':p': 'APPT#' }, ScanIndexForward: false }, 200);

export const appointmentsOfSession = (deps: Deps, sessionId: string) =>
  queryAll<StoredAppointment>(deps, { IndexName: 'byWorkQueue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': keys.sessionAppointmentsQueue(sessionId).queuePk } });

const guardKeys = (a: Pick<StoredAppointment, 'patientHashes' | 'hospitalId' | 'specialtyId' | 'date'>): Keys[] =>
  a.patientHashes.map((hash) => keys.appointmentGuard(hash, a.hospitalId, a.specialtyId, a.date));

const deleteGuards = (deps: Deps, a: StoredAppointment, date = a.date): TransactItem[] =>
  guardKeys({ ...a, date }).map((Key) => ({
    Delete: { TableName: deps.tableName, Key, ConditionExpression: 'attribute_not_exists(pk) OR appointmentId = :id', ExpressionAttributeValues: { ':id': a.appointmentId } },
  }));

const putGuards = (deps: Deps, a: StoredAppointment): TransactItem[] =>
  guardKeys(a).map((key) => ({ Put: { TableName: deps.tableName, Item: { ...key, type: 'appointmentGuard', appointmentId: a.appointmentId }, ConditionExpression: 'attribute_not_exists(pk)' } }));

const takePlace = (deps: Deps, sessionId: string): TransactItem => ({
  Update: {
    TableName: deps.tableName, Key: sessionKey(sessionId),
    UpdateExpression: 'SET booked = booked + :one',
    ConditionExpression: '#status = :open AND booked < #capacity',
    ExpressionAttributeNames: { '#status': 'status', '#capacity': 'capacity' },
    ExpressionAttributeValues: { ':one': 1, ':open': 'open' },
  },
});

const returnPlace = (deps: Deps, sessionId: string): TransactItem => ({
  Update: { TableName: deps.tableName, Key: sessionKey(sessionId), UpdateExpression: 'SET booked = booked - :one', ConditionExpression: 'booked > :zero', ExpressionAttributeValues: { ':one': 1, ':zero': 0 } },
});

export function appointmentItem(a: StoredAppointment): Record<string, unknown> {
  return {
    ...keys.appointment(a.appointmentId), type: 'appointment', ...a,
    ...keys.userAppointments(a.userId), ownerSk: `APPT#${a.createdAt}`,
    ...keys.sessionAppointmentsQueue(a.sessionId), queueSk: `${a.createdAt}#${a.appointmentId}`,
  };
}

/** Where each part of a booking transaction sits, to read CancellationReasons. */
export const BOOK_ITEMS = { session: 0, idempotency: 1, appointment: 2, code: 3, firstGuard: 4 } as const;

/**
 * One transaction: the place, the idempotency item, the booking, its code, its guards — and, for a
 * held place, the fee payable and the hold marker; for a confirmed one, the outbox event.
 */
export async function insertAppointment(deps: Deps, a: StoredAppointment, idempotency: { userId: string; key: string; fingerprint: string; expiresAt: number }): Promise<void> {
  const items: TransactItem[] = [
    takePlace(deps, a.sessionId),
    { Put: { TableName: deps.tableName, Item: { ...keys.appointmentIdempotency(idempotency.userId, idempotency.key), type: 'idempotency', appointmentId: a.appointmentId, fingerprint: idempotency.fingerprint, expiresAt: idempotency.expiresAt }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: deps.tableName, Item: appointmentItem(a), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: deps.tableName, Item: { ...keys.appointmentCode(a.code), type: 'appointmentCode', appointmentId: a.appointmentId }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...putGuards(deps, a),
  ];
  if (a.status === 'held' && a.holdExpiresAt) {
    items.push(
      { Put: { TableName: deps.tableName, Item: { ...keys.appointmentFee(a.appointmentId), type: 'appointmentFee', appointmentId: a.appointmentId, hospitalId: a.hospitalId, ownerId: a.userId, amountDue: a.feeVnd ?? 0, status: 'unpaid', version: 1 }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: deps.tableName, Item: { ...keys.heldAppointment(a.holdExpiresAt, a.appointmentId), type: 'heldAppointment', appointmentId: a.appointmentId } } },
    );
  } else {
    items.push(outboxPut(deps, `appointment.confirmed#${a.appointmentId}`, { event: 'appointment.confirmed', appointmentId: a.appointmentId, createdAt: a.createdAt }));
  }
  await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
}

/** The next queue number of a session (atomic ADD; numbers are never handed out twice). */
export async function nextQueueNumber(deps: Deps, sessionId: string): Promise<number> {
  const { Attributes } = await deps.db.send(new UpdateCommand({
    TableName: deps.tableName, Key: keys.queueCounter(sessionId), UpdateExpression: 'ADD issued :one SET #type = :type', ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':one': 1, ':type': 'queueCounter' }, ReturnValues: 'UPDATED_NEW',
  }));
  return Number(Attributes?.issued);
}

/** Stores the number on the booking if it is still in that session and has none; false when it already had one. */
export async function setQueueNumber(deps: Deps, appointmentId: string, sessionId: string, queueNumber: number): Promise<boolean> {
  try {
    await deps.db.send(new UpdateCommand({
      TableName: deps.tableName, Key: keys.appointment(appointmentId), UpdateExpression: 'SET queueNumber = :n',
      ConditionExpression: 'sessionId = :s AND attribute_not_exists(queueNumber)', ExpressionAttributeValues: { ':n': queueNumber, ':s': sessionId },
    }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Cancels (by the patient, or by the hospital when it closes a session): the place and the guards are released with it. */
export async function cancelAppointment(deps: Deps, a: StoredAppointment, by: 'patient' | 'hospital', at: string, reason?: string): Promise<void> {
  const items: TransactItem[] = [
    {
      Update: {
        TableName: deps.tableName, Key: keys.appointment(a.appointmentId),
        UpdateExpression: `SET #status = :cancelled, cancelledAt = :at, cancelledBy = :by, version = version + :one${reason ? ', cancelReason = :reason' : ''} REMOVE holdExpiresAt`,
        ConditionExpression: 'version = :v AND #status IN (:held, :confirmed)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':cancelled': 'cancelled', ':at': at, ':by': by, ':one': 1, ':v': a.version, ':held': 'held', ':confirmed': 'confirmed', ...(reason ? { ':reason': reason } : {}) },
      },
    },
    returnPlace(deps, a.sessionId),
    ...deleteGuards(deps, a),
    outboxPut(deps, `appointment.cancelled#${a.appointmentId}`, { event: 'appointment.cancelled', appointmentId: a.appointmentId, by, createdAt: at }),
  ];
  if (a.status === 'held' && a.holdExpiresAt) items.push({ Delete: { TableName: deps.tableName, Key: keys.heldAppointment(a.holdExpiresAt, a.appointmentId) } });
  await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
}

/** Index of the new session's update in a reschedule transaction (a full session fails there). */
export const RESCHEDULE_NEW_SESSION = 2;

/** Moves a confirmed booking: the old place returned and the new one taken in one step, or nothing changes. */
export async function moveAppointment(deps: Deps, a: StoredAppointment, to: StoredSession, at: string): Promise<void> {
  const dateChanges = to.date !== a.date;
  const moved: StoredAppointment = { ...a, sessionId: to.sessionId, date: to.date };
  const items: TransactItem[] = [
    {
      Update: {
        TableName: deps.tableName, Key: keys.appointment(a.appointmentId),
        UpdateExpression: 'SET sessionId = :s, #date = :d, #period = :p, #start = :st, #end = :en, room = :room, version = version + :one, queuePk = :qpk, rescheduledAt = :at'
          + `${to.doctorName ? ', doctorName = :doc' : ''} REMOVE queueNumber${to.doctorName ? '' : ', doctorName'}`,
        ConditionExpression: 'version = :v AND #status = :confirmed',
        ExpressionAttributeNames: { '#status': 'status', '#date': 'date', '#start': 'start', '#end': 'end', '#period': 'period' },
        ExpressionAttributeValues: {
          ':s': to.sessionId, ':d': to.date, ':p': to.period, ':st': to.start, ':en': to.end, ':room': to.room, ':one': 1, ':v': a.version, ':confirmed': 'confirmed',
          ':qpk': keys.sessionAppointmentsQueue(to.sessionId).queuePk, ':at': at, ...(to.doctorName ? { ':doc': to.doctorName } : {}),
        },
      },
    },
    returnPlace(deps, a.sessionId),
    takePlace(deps, to.sessionId),
    ...(dateChanges ? [...deleteGuards(deps, a), ...putGuards(deps, moved)] : []),
    outboxPut(deps, `appointment.rescheduled#${a.appointmentId}#${a.version}`, { event: 'appointment.rescheduled', appointmentId: a.appointmentId, createdAt: at }),
  ];
  await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
}

/** Held places past their expiry, oldest first: the hold sweep's work list. */
export async function expiredHolds(deps: Deps, asOf: string, limit: number): Promise<{ appointmentId: string; holdExpiresAt: string }[]> {
  const { Items } = await deps.db.send(new QueryCommand({
    TableName: deps.tableName, KeyConditionExpression: 'pk = :pk AND sk < :cutoff', ExpressionAttributeValues: { ':pk': keys.heldAppointment('', '').pk, ':cutoff': asOf }, Limit: limit,
  }));
  return (Items ?? []).map((i) => ({ appointmentId: String(i.appointmentId), holdExpiresAt: String(i.sk).split('#')[0] ?? '' }));
}

/** Releases an unpaid hold — only if it is still held and its time is up (a payment that just confirmed it wins). */
export async function releaseHold(deps: Deps, a: StoredAppointment, asOf: string): Promise<void> {
  await deps.db.send(new TransactWriteCommand({
    TransactItems: [
      {
        Update: {
          TableName: deps.tableName, Key: keys.appointment(a.appointmentId),
          UpdateExpression: 'SET #status = :released, releasedAt = :at, version = version + :one',
          ConditionExpression: '#status = :held AND holdExpiresAt <= :at',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':released': 'released', ':held': 'held', ':at': asOf, ':one': 1 },
        },
      },
      returnPlace(deps, a.sessionId),
      ...deleteGuards(deps, a),
      { Delete: { TableName: deps.tableName, Key: keys.heldAppointment(a.holdExpiresAt ?? '', a.appointmentId) } },
      outboxPut(deps, `appointment.released#${a.appointmentId}`, { event: 'appointment.released', appointmentId: a.appointmentId, createdAt: asOf }),
    ],
  }));
}

export const deleteHoldMarker = (deps: Deps, m: { holdExpiresAt: string; appointmentId: string }) =>
  deps.db.send(new DeleteCommand({ TableName: deps.tableName, Key: keys.heldAppointment(m.holdExpiresAt, m.appointmentId) }));

/**
 * The part of a payment settlement that confirms a held booking (the payments hook, ADR 0008):
 * the booking becomes confirmed only while still held; its hold marker goes; the patient is told.
 */
export function confirmHeldItems(deps: Deps, a: StoredAppointment, at: string): TransactItem[] {
  return [
    {
      Update: {
        TableName: deps.tableName, Key: keys.appointment(a.appointmentId),
        UpdateExpression: 'SET #status = :confirmed, confirmedAt = :at, version = version + :one REMOVE holdExpiresAt',
        ConditionExpression: '#status = :held',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':confirmed': 'confirmed', ':held': 'held', ':at': at, ':one': 1 },
      },
    },
    { Delete: { TableName: deps.tableName, Key: keys.heldAppointment(a.holdExpiresAt ?? '', a.appointmentId) } },
    outboxPut(deps, `appointment.confirmed#${a.appointmentId}`, { event: 'appointment.confirmed', appointmentId: a.appointmentId, createdAt: at }),
  ];
}

/** A payment that arrived after its hold was released or cancelled: an incident for a refund. */
export const paidAfterReleaseItems = (deps: Deps, a: StoredAppointment, paymentId: string, at: string): TransactItem[] => [
  outboxPut(deps, `appointment.paidAfterRelease#${paymentId}`, { event: 'appointment.paidAfterRelease', appointmentId: a.appointmentId, paymentId, createdAt: at }),
];

/** Reception marks arrival (confirmed → checked_in) with its audit entry. */
export async function checkInAppointment(deps: Deps, a: StoredAppointment, ctx: AuditContext): Promise<void> {
  await deps.db.send(new TransactWriteCommand({
    TransactItems: [
      {
        Update: {
          TableName: deps.tableName, Key: keys.appointment(a.appointmentId),
          UpdateExpression: 'SET #status = :in, checkedInAt = :at, checkedInBy = :by, version = version + :one',
          ConditionExpression: '#status = :confirmed AND hospitalId = :h',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':in': 'checked_in', ':confirmed': 'confirmed', ':at': ctx.now.toISOString(), ':by': ctx.principal.userId, ':one': 1, ':h': a.hospitalId },
        },
      },
      auditEntry(deps.tableName, ctx, 'appointment.checkIn', appointmentTarget(a), { sessionId: a.sessionId }),
    ],
  }));
}

/** Confirmed but never came: by reception (audited) or by the no-show job after the session (ctx undefined). */
export async function markNoShow(deps: Deps, a: StoredAppointment, at: string, ctx?: AuditContext): Promise<void> {
  const update: TransactItem = {
    Update: {
      TableName: deps.tableName, Key: keys.appointment(a.appointmentId),
      UpdateExpression: 'SET #status = :noshow, noShowAt = :at, version = version + :one',
      ConditionExpression: '#status = :confirmed',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':noshow': 'no_show', ':confirmed': 'confirmed', ':at': at, ':one': 1 },
    },
  };
  const items = ctx ? [update, auditEntry(deps.tableName, ctx, 'appointment.noShow', appointmentTarget(a), { sessionId: a.sessionId })] : [update];
  await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
}

/** The reminder of a booking, once per booking and date (the outbox event id says so). */
export async function putReminder(deps: Deps, a: StoredAppointment, at: string): Promise<boolean> {
  try {
    await deps.db.send(new PutCommand({
      TableName: deps.tableName, Item: { ...keys.outbox(`appointment.reminder#${a.appointmentId}#${a.date}`), type: 'outbox', event: 'appointment.reminder', appointmentId: a.appointmentId, createdAt: at },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

// ---- Saved patient profiles ------------------------------------------------------------------

export const listProfiles = (deps: Deps, userId: string) =>
  queryAll<PatientProfile>(deps, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': keys.patientProfiles(userId).pk, ':p': 'PATIENT#' } }, 50);

export const getProfile = (deps: Deps, userId: string, profileId: string) => get<PatientProfile>(deps, keys.patientProfile(userId, profileId));

export async function insertProfile(deps: Deps, userId: string, profile: PatientProfile): Promise<void> {
  await deps.db.send(new PutCommand({ TableName: deps.tableName, Item: { ...keys.patientProfile(userId, profile.profileId), type: 'patientProfile', ...profile }, ConditionExpression: 'attribute_not_exists(pk)' }));
}
