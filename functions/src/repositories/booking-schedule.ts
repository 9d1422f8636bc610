/**
 * Hospitals, specialties, weekly templates and sessions (ADR 0016): what can be booked. A session
 * carries its capacity and the places taken (`booked`); the appointment transactions
 * (appointments.ts) move that counter, this module creates, resizes and closes sessions.
 */
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { HospitalBooking, SpecialtyRecord } from '@portal/shared/booking/catalogue';
import type { PlannedSession, SessionStatus, WeeklyTemplate } from '@portal/shared/booking/sessions';
import { parseSessionId } from '@portal/shared/booking/sessions';
import { keys, type Keys } from '@portal/shared/table';
import { auditEntry, type AuditContext } from './audit';
import { get, outboxPut, queryAll, type Deps, type TransactItem } from './booking-table';

export type { Deps };

export interface StoredHospital extends HospitalBooking {
  name: string;
  shortName: string;
}

export interface StoredSession extends PlannedSession {
  booked: number;
  status: SessionStatus;
  closedReason?: string;
  version: number;
  /** Set by the no-show job once every unattended booking of the ended session is marked. */
  attendanceClosed?: boolean;
}

// ---- Hospitals, specialties, templates -------------------------------------------------------

export const listHospitals = (deps: Deps) =>
  queryAll<StoredHospital>(deps, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': keys.hospitals().pk, ':p': 'HOSPITAL#' } });

export const getHospital = (deps: Deps, hospitalId: string) => get<StoredHospital>(deps, keys.hospital(hospitalId));

export const listSpecialties = (deps: Deps, hospitalId: string) =>
  queryAll<SpecialtyRecord>(deps, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': keys.hospitalItems(hospitalId).pk, ':p': 'SPECIALTY#' } });

export const getSpecialty = (deps: Deps, hospitalId: string, specialtyId: string) => get<SpecialtyRecord>(deps, keys.specialty(hospitalId, specialtyId));

export const getTemplate = async (deps: Deps, hospitalId: string, specialtyId: string) =>
  (await get<{ template: WeeklyTemplate }>(deps, keys.scheduleTemplate(hospitalId, specialtyId)))?.template;

export async function putTemplate(deps: Deps, hospitalId: string, specialtyId: string, template: WeeklyTemplate, ctx: AuditContext): Promise<void> {
  await deps.db.send(new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: deps.tableName, Item: { ...keys.scheduleTemplate(hospitalId, specialtyId), type: 'scheduleTemplate', hospitalId, specialtyId, template, updatedAt: ctx.now.toISOString(), updatedBy: ctx.principal.userId } } },
      auditEntry(deps.tableName, ctx, 'schedule.template.put', { type: 'specialty', id: `${hospitalId}.${specialtyId}` }, { entries: template.entries.length }),
    ],
  }));
}

// ---- Sessions --------------------------------------------------------------------------------

export function sessionKey(sessionId: string): Keys {
  const p = parseSessionId(sessionId);
  if (!p) throw new Error('Invalid session id');
  return keys.session(p.hospitalId, p.specialtyId, p.date, p.start.replace(':', ''));
}

export const getSession = (deps: Deps, sessionId: string, consistent = false) => get<StoredSession>(deps, sessionKey(sessionId), consistent);

/** Sessions of one specialty with dates in [from, to], in date and start order. */
export const sessionsBetween = (deps: Deps, hospitalId: string, specialtyId: string, from: string, to: string) =>
  queryAll<StoredSession>(deps, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.specialtySessions(hospitalId, specialtyId).pk, ':from': `${from}#`, ':to': `${to}#~` },
  }, 500);

export const sessionsOfDay = (deps: Deps, date: string) =>
  queryAll<StoredSession>(deps, { IndexName: 'byWorkQueue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': keys.sessionsOfDayQueue(date).queuePk } });

export function sessionItem(session: PlannedSession): Record<string, unknown> {
  return {
    ...sessionKey(session.sessionId), type: 'session', ...session, booked: 0, status: 'open', version: 1,
    ...keys.sessionsOfDayQueue(session.date), queueSk: `${session.hospitalId}#${session.start}#${session.sessionId}`,
  };
}

/** A new session with its audit entry; false when it exists already (generation leaves it alone). */
export async function insertSession(deps: Deps, session: PlannedSession, ctx: AuditContext | undefined): Promise<boolean> {
  try {
    const put = { Put: { TableName: deps.tableName, Item: sessionItem(session), ConditionExpression: 'attribute_not_exists(pk)' } };
    if (ctx) {
      await deps.db.send(new TransactWriteCommand({ TransactItems: [put, auditEntry(deps.tableName, ctx, 'session.create', { type: 'session', id: session.sessionId }, { capacity: session.capacity })] }));
    } else {
      await deps.db.send(new PutCommand(put.Put));
    }
    return true;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'ConditionalCheckFailedException') return false;
    if (name === 'TransactionCanceledException' && (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

/** New capacity (never below the places taken) and/or closing, with the scheduler's audit entry and, on closing, the outbox event that cancels and notifies. */
export async function updateSession(deps: Deps, session: StoredSession, change: { capacity?: number; close?: string }, ctx: AuditContext): Promise<void> {
  const sets = ['version = version + :one'];
  const values: Record<string, unknown> = { ':one': 1, ':v': session.version };
  const conditions = ['version = :v'];
  if (change.capacity !== undefined) {
    sets.push('#capacity = :cap');
    conditions.push('booked <= :cap');
    values[':cap'] = change.capacity;
  }
  if (change.close) {
    sets.push('#status = :closed', 'closedReason = :reason');
    conditions.push('#status = :open');
    Object.assign(values, { ':closed': 'closed', ':open': 'open', ':reason': change.close });
  }
  const items: TransactItem[] = [
    {
      Update: {
        TableName: deps.tableName, Key: sessionKey(session.sessionId), UpdateExpression: `SET ${sets.join(', ')}`, ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeValues: values,
        ExpressionAttributeNames: { ...(change.capacity !== undefined ? { '#capacity': 'capacity' } : {}), ...(change.close ? { '#status': 'status' } : {}) },
      },
    },
    auditEntry(deps.tableName, ctx, change.close ? 'session.close' : 'session.capacity', { type: 'session', id: session.sessionId }, { capacity: change.capacity, closed: Boolean(change.close) }),
  ];
  if (change.close) items.push(outboxPut(deps, `session.closed#${session.sessionId}`, { event: 'session.closed', sessionId: session.sessionId, reason: change.close, createdAt: ctx.now.toISOString() }));
  await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
}

export const closeAttendance = (deps: Deps, sessionId: string) =>
  deps.db.send(new UpdateCommand({ TableName: deps.tableName, Key: sessionKey(sessionId), UpdateExpression: 'SET attendanceClosed = :t', ExpressionAttributeValues: { ':t': true } }));
