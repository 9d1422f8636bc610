/**
 * Personal-data canaries (issue 6, section 2): a citizen (citizen-an) types marker values — a
 * personal ID, a mobile number and a full name (personal-data-capture.ts) — into a dossier, a saved
 * patient profile, a booking and a hospital bill; the dossier fee and the bill are paid through the
 * VNPay IPN; an officer of the dossier's unit receives it and asks for a supplement; hospital staff
 * see, check in and close sessions; the jobs send receipts, SMS, e-mails and HIS callbacks; bodies
 * carrying the canaries are refused; other people try to read all of it. Then everything is scanned:
 *
 *  - every log line the process wrote (the logger at DEBUG, the local server and job runner);
 *  - every error body (status ≥ 400), whoever received it;
 *  - every 2xx/3xx body given to anyone but the owner or authorised staff: another citizen, staff of
 *    another unit or hospital, anonymous public pages' calls, VNPay;
 *  - every URL: each request that reached the portal (from the test or from the jobs), each fetch the
 *    process made, each Location header and each address a response hands to a browser;
 *  - every outbox, audit, message and HIS-callback item left in the table, and the key attributes
 *    of every item (personal data may only be hashed into keys).
 *
 * Allowed = responses to the owner (citizen-an, or whoever proves the bill is theirs with its codes
 * and the phone's last 4 digits) and to staff authorised for that resource (officers of the
 * dossier's unit, staff of the bill's or session's hospital). Two parts of otherwise scanned places
 * are the owner's too and are set aside explicitly: the `current` dossier a 409 sends back to the
 * owner who wrote with a stale version, and a message's `to` — the owner's own phone or address it
 * is delivered to. Expected: 0 canary hits in all the rest, and > 0 hits in the owner's responses
 * (proof the canaries were really used).
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bookableDate, makeSession } from '../helpers/booking';
import { assertValid, markUploaded, reissueData, REISSUE, requiredDocumentIds } from '../helpers/dossiers';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { resultFields, signedResultQuery } from '../helpers/vnpay';
import { assertCanariesValid, CANARY, canariesIn, captureLogs, type LogCapture } from './personal-data-capture';

type Audience = 'owner' | 'staff' | 'other';
type Json = Record<string, unknown>;
interface Answer { status: number; body: Json }

const OWNER = 'citizen-an';
const CR = 'hosp-cho-ray';

let portal: TestPortal;
let logs: LogCapture;
const urls: string[] = [];
const realFetch = globalThis.fetch;
const violations: string[] = [];
const tally = { errorBodies: 0, foreignBodies: 0, ownerBodies: 0, ownerHits: 0, items: 0, keys: 0, messagesToOwner: 0 };

beforeAll(async () => {
  assertCanariesValid();
  // Debug sampling at rate 1: every invocation logs at DEBUG (the portal's own level is SILENT in
  // tests), so every line any handler or job can write is written, and scanned.
  vi.stubEnv('POWERTOOLS_LOGGER_SAMPLE_RATE', '1');
  logs = captureLogs();
  portal = await startTestPortal({ jobs: true });
  // Every request that reaches the portal, the test's and the jobs' (HIS callbacks, the VNPay double).
  portal.server.server.prependListener('request', (req) => urls.push(req.url ?? ''));
  // Every fetch the process makes, to the portal or anywhere else.
  globalThis.fetch = (input, init) => {
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return realFetch(input, init);
  };
});

afterAll(async () => {
  logs?.stop();
  globalThis.fetch = realFetch;
  vi.unstubAllEnvs();
  await portal?.close();
});

// ---- calling and judging -----------------------------------------------------------------------------

/** Addresses a response hands to a browser (payment, upload, download, result pages). */
function addressesIn(value: unknown): string[] {
  if (typeof value === 'string') return /^(https?:\/\/|\/)/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(addressesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(addressesIn);
  return [];
}

function judge(audience: Audience, label: string, status: number, text: string, body: Json): void {
  urls.push(...addressesIn(body));
  if (status >= 400) {
    tally.errorBodies++;
    let scanned = text;
    // A stale write gets the dossier as it is now: the owner's own view, not an echo of the request.
    if (status === 409 && audience !== 'other' && body.current) {
      tally.ownerHits += canariesIn(JSON.stringify(body.current)).length;
      scanned = JSON.stringify({ ...body, current: undefined });
    }
    const hits = canariesIn(scanned);
    if (hits.length) violations.push(`error body of ${label} (HTTP ${status}) carries ${hits.join(', ')}: ${scanned.slice(0, 200)}`);
  } else if (audience === 'other') {
    tally.foreignBodies++;
    const hits = canariesIn(text);
    if (hits.length) violations.push(`${label} (HTTP ${status}) to a non-owner carries ${hits.join(', ')}: ${text.slice(0, 200)}`);
  } else {
    tally.ownerBodies++;
    tally.ownerHits += canariesIn(text).length;
  }
}

async function call(audience: Audience, label: string, path: string, init: { as?: string; method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await portal.request(path, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'), as: init.as, redirect: 'manual',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers }, body,
  });
  const location = response.headers.get('location');
  if (location) urls.push(location);
  const isText = /json|text|html|csv/.test(response.headers.get('content-type') ?? '');
  const text = isText ? await response.text() : Buffer.from(await response.arrayBuffer()).toString('latin1');
  let parsed: Json = {};
  try {
    parsed = text.startsWith('{') ? (JSON.parse(text) as Json) : {};
  } catch { /* a non-JSON body is judged as text */ }
  judge(audience, label, response.status, text, parsed);
  return { status: response.status, body: parsed };
}

const drainJobs = () => portal.server.jobs!.drain();

async function payByIpnJudged(paymentId: string, amountVnd: number): Promise<void> {
  const query = signedResultQuery(resultFields({ txnRef: paymentId, amountVnd }));
  const ipn = await call('other', 'VNPay IPN', `/api/payments/vnpay/ipn?${query}`);
  expect(ipn.body.RspCode).toBe('00');
  // The payer's browser comes back through the return URL; its redirect is scanned as a URL.
  await call('other', 'VNPay return', `/api/payments/vnpay/return?${query}`);
  await drainJobs();
  await call('other', 'payment status (the id is the capability)', `/api/payments/${paymentId}`);
}

// ---- the flows -----------------------------------------------------------------------------------------

const dossierData = reissueData({ fullName: CANARY.fullName, dateOfBirth: CANARY.dateOfBirth, gender: 'nu', cccd: CANARY.cccd, phone: CANARY.phone, email: 'ho.so.canary@example.vn' });
let dossierId = '';
let dossierCode = '';

it('the matcher finds each canary however it is written (so a clean scan means something)', () => {
  const renderings = [CANARY.cccd, `+84${CANARY.phone.slice(1)}`, '0386 915 274', 'KHUC THI CANARY ANH', encodeURIComponent(CANARY.fullName), CANARY.fullName.normalize('NFD')];
  expect(renderings.map((r) => canariesIn(`x ${r} y`))).toEqual([['cccd'], ['phone'], ['phone'], ['name'], ['name'], ['name']]);
  expect(canariesIn('Nguyễn Văn An 0901234567 079085001234')).toEqual([]);
});

describe('flows with the canary citizen', () => {
  it('a dossier: drafted step by step, submitted, its fee paid, received by the unit and sent back for a supplement', async () => {
    assertValid(REISSUE, dossierData);
    const created = await call('owner', 'dossiers.create', '/api/dossiers', { as: OWNER, body: { procedureId: REISSUE, data: { fullName: CANARY.fullName, phone: CANARY.phone } } });
    expect(created.status).toBe(201);
    dossierId = String(created.body.dossierId);
    const saved = await call('owner', 'dossiers.update', `/api/dossiers/${dossierId}`, { as: OWNER, method: 'PATCH', body: { version: 1, data: dossierData } });
    expect(saved.status).toBe(200);
    expect((await call('owner', 'stale dossiers.update', `/api/dossiers/${dossierId}`, { as: OWNER, method: 'PATCH', body: { version: 1, data: { cccd: CANARY.cccd } } })).status).toBe(409);
    // A citizen names the scan after herself: the upload address must not carry the file name.
    const upload = await call('owner', 'dossiers.attachments.create', `/api/dossiers/${dossierId}/attachments`, { as: OWNER, body: { documentId: 'don-de-nghi', fileName: `CCCD ${CANARY.fullName} ${CANARY.cccd}.pdf`, contentType: 'application/pdf', sizeBytes: 1000 } });
    expect(upload.status).toBe(201);
    await markUploaded(portal, dossierId, requiredDocumentIds(REISSUE, dossierData));
    const submitted = await call('owner', 'dossiers.submit', `/api/dossiers/${dossierId}/submit`, { as: OWNER, body: { version: saved.body.version } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    dossierCode = String(submitted.body.code);

    const payment = await call('owner', 'payments.create (fee)', '/api/payments', { as: OWNER, body: { payable: { kind: 'fee', id: dossierId } } });
    expect(payment.status).toBe(201);
    await payByIpnJudged(String(payment.body.paymentId), 150_000);
    const paid = await call('owner', 'payments.get by the owner', `/api/payments/${String(payment.body.paymentId)}`, { as: OWNER });
    if (paid.body.receiptNumber) await call('other', 'receipts.verify', `/api/receipts/${String(paid.body.receiptNumber)}`);
    await call('owner', 'receipts.pdf', `/api/payments/${String(payment.body.paymentId)}/receipt`);

    await call('owner', 'dossiers.get', `/api/dossiers/${dossierId}`, { as: OWNER });
    await call('owner', 'dossiers.list', '/api/dossiers?mine=1', { as: OWNER });
    await call('other', 'public.dossiers.get (code + last 4 digits)', `/api/public/dossiers/${encodeURIComponent(dossierCode)}?check=${CANARY.phone.slice(-4)}`);

    await call('staff', 'inbox.list', '/api/inbox', { as: 'officer-lan' });
    const seen = await call('staff', 'dossiers.get by the unit', `/api/dossiers/${dossierId}`, { as: 'officer-lan' });
    const received = await call('staff', 'dossiers.act receive', `/api/dossiers/${dossierId}/actions`, { as: 'officer-lan', body: { action: 'receive', version: seen.body.version } });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    const asked = await call('staff', 'dossiers.act request_supplement', `/api/dossiers/${dossierId}/actions`, { as: 'officer-lan', body: { action: 'request_supplement', version: received.body.version, missing: ['don-de-nghi'], reason: 'Đơn chưa có chữ ký' } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    await call('staff', 'audit.list by an admin', `/api/audit/dossier/${dossierId}`, { as: 'admin-quang' });
    await drainJobs();
  });

  let profileId = '';
  let appointmentCode = '';
  it('a saved patient profile, two bookings with it, a check-in, and a session closed by the hospital', async () => {
    const [first, second] = [await makeSession(portal, 20, { hospitalId: CR, specialtyId: 'tim-mach' }), await makeSession(portal, 20, { hospitalId: CR, specialtyId: 'tim-mach', date: bookableDate(5) })];
    const patient = { fullName: CANARY.fullName, dateOfBirth: CANARY.dateOfBirth, sex: CANARY.sex, phone: CANARY.phone, cccd: CANARY.cccd };
    const profile = await call('owner', 'patients.create', '/api/me/patients', { as: OWNER, body: { relation: 'self', patient } });
    expect(profile.status, JSON.stringify(profile.body)).toBe(201);
    profileId = String(profile.body.patientProfileId ?? profile.body.profileId);
    await call('owner', 'patients.list', '/api/me/patients', { as: OWNER });
    const booked = [];
    for (const session of [first, second]) {
      const answer = await call('owner', 'appointments.create', '/api/appointments', { as: OWNER, headers: { 'idempotency-key': crypto.randomUUID() }, body: { sessionId: session.sessionId, patientProfileId: profileId, insurance: { category: 'bhyt_registered' } } });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      booked.push(answer.body);
    }
    appointmentCode = String(booked[0]!.code);
    await call('owner', 'appointments.mine', '/api/appointments', { as: OWNER });
    await call('owner', 'appointments.get', `/api/appointments/${String(booked[0]!.appointmentId)}`, { as: OWNER });
    await call('other', 'sessions.list (public)', `/api/hospitals/${CR}/sessions?specialty=tim-mach`);

    await call('staff', 'schedule.session.appointments', `/api/hospitals/${CR}/sessions/${encodeURIComponent(first.sessionId)}/appointments`, { as: 'scheduler-cho-ray' });
    const checkedIn = await call('staff', 'reception.checkIn', `/api/hospitals/${CR}/check-ins`, { as: 'reception-cho-ray', body: { code: appointmentCode } });
    // The session is days ahead, so reception refuses (409 not_session_day): its answer is scanned all the same.
    expect([200, 409], JSON.stringify(checkedIn.body)).toContain(checkedIn.status);
    const closed = await call('staff', 'schedule.session.update close', `/api/hospitals/${CR}/sessions/${encodeURIComponent(second.sessionId)}`, { as: 'scheduler-cho-ray', method: 'PATCH', body: { status: 'closed', reason: 'Bác sĩ đi công tác đột xuất' } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    await drainJobs();

    // Other people: another citizen and another hospital's staff.
    await call('other', 'appointments.get by another citizen', `/api/appointments/${String(booked[0]!.appointmentId)}`, { as: 'citizen-binh' });
    await call('other', 'appointments.cancel by another citizen', `/api/appointments/${String(booked[0]!.appointmentId)}/cancel`, { as: 'citizen-binh', body: {} });
    await call('other', 'patients.list of another citizen', '/api/me/patients', { as: 'citizen-binh' });
    await call('other', 'appointments.mine of another citizen', '/api/appointments', { as: 'citizen-binh' });
    await call('other', 'session list by another hospital', `/api/hospitals/${CR}/sessions/${encodeURIComponent(first.sessionId)}/appointments`, { as: 'staff-nhi-dong-1' });
    await call('other', 'check-in by another hospital', `/api/hospitals/${CR}/check-ins`, { as: 'reception-nhi-dong-1', body: { code: appointmentCode } });
  });

  it('a hospital bill in the canary\'s name: pushed by the HIS, found by the patient, paid by pay link, seen at the desk', async () => {
    const billCode = `HD-CANARY-${Date.now()}`;
    const pushed = await call('staff', 'his.bills.push', '/api/his/bills', {
      as: 'cashier-cho-ray',
      body: { hospitalId: CR, billCode, patientCode: 'BN-CANARY-1', patientName: CANARY.fullName, patientPhone: CANARY.phone, patientDob: CANARY.dateOfBirth, items: [{ code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: 180_000, insuranceCovered: 0 }], amountDue: 180_000 },
    });
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
    const found = await call('owner', 'bills.lookup with the right last 4 digits', '/api/bills/lookup', { body: { hospitalId: CR, patientCode: 'BN-CANARY-1', billCode, phoneLast4: CANARY.phone.slice(-4) } });
    expect(found.status).toBe(200);
    await call('other', 'bills.lookup with wrong digits', '/api/bills/lookup', { body: { hospitalId: CR, patientCode: 'BN-CANARY-1', billCode, phoneLast4: '0000' } });
    const token = String(pushed.body.payLinkToken);
    await call('other', 'bills.payLink (shareable)', `/api/bills/pay-link/${token}`);
    const payment = await call('other', 'payments.create by pay link', '/api/payments', { body: { payLinkToken: token } });
    expect(payment.status).toBe(201);
    await payByIpnJudged(String(payment.body.paymentId), 180_000);
    await call('staff', 'desk.bills search', `/api/hospitals/${CR}/bills?billCode=${billCode}`, { as: 'cashier-cho-ray' });
    await call('staff', 'desk.payments', `/api/hospitals/${CR}/payments`, { as: 'cashier-cho-ray' });
    const refund = await call('staff', 'refunds.request', `/api/payments/${String(payment.body.paymentId)}/refunds`, { as: 'cashier-cho-ray', body: { amountVnd: 30_000, reason: 'Bệnh nhân không sử dụng dịch vụ' } });
    await call('staff', 'refunds.decide', `/api/refunds/${String(refund.body.refundId)}/decision`, { as: 'cashier2-cho-ray', body: { decision: 'approve' } });
    await call('other', 'desk.bills by another hospital', `/api/hospitals/${CR}/bills?billCode=${billCode}`, { as: 'cashier-nhi-dong-1' });
    await drainJobs();
  });

  it('others asking for the dossier get nothing of it', async () => {
    for (const as of ['citizen-binh', 'clinic-owner-minh', 'officer-tuan', 'reception-cho-ray', undefined]) {
      await call('other', `dossiers.get as ${as ?? 'anonymous'}`, `/api/dossiers/${dossierId}`, { as });
      await call('other', `dossiers.licence as ${as ?? 'anonymous'}`, `/api/dossiers/${dossierId}/licence`, { as });
    }
    await call('other', 'dossiers.list of another citizen', '/api/dossiers?mine=1', { as: 'citizen-binh' });
    await call('other', 'inbox of another unit', '/api/inbox', { as: 'officer-tuan' });
    await call('other', 'public.dossiers.get with wrong digits', `/api/public/dossiers/${encodeURIComponent(dossierCode)}?check=0000`);
  });

  it('"who read my data" tells the owner who saw her dossier and booking, with none of her personal data in it', async () => {
    // Judged as 'other': the list names actions, units and codes, never the subject's own data.
    const mine = await call('other', 'me.dataAccess of the owner', '/api/me/data-access', { as: OWNER });
    expect(mine.status).toBe(200);
    const items = mine.body.items as { action: string; target: { id: string } }[];
    expect(items.filter((i) => i.target.id === dossierId).map((i) => i.action)).toEqual(expect.arrayContaining(['dossier.read', 'dossier.receive', 'dossier.request_supplement']));
    expect(items.map((i) => i.action)).toContain('session.appointments.list');
    const binh = await call('other', 'me.dataAccess of another citizen', '/api/me/data-access', { as: 'citizen-binh' });
    expect((binh.body.items as { target: { id: string } }[]).map((i) => i.target.id)).not.toContain(dossierId);
    await call('other', 'me.dataAccess anonymous', '/api/me/data-access');
  });

  it('bodies carrying the canaries are refused without echoing them', async () => {
    const canaryJson = `{"procedureId":"${REISSUE}","data":{"fullName":"${CANARY.fullName}","cccd":"${CANARY.cccd}","phone":"${CANARY.phone}"`;
    const bad: [string, string, Parameters<typeof call>[3]][] = [
      ['truncated JSON', '/api/dossiers', { as: OWNER, raw: canaryJson }],
      ['wrong content type', '/api/dossiers', { as: OWNER, raw: `${canaryJson}}}`, headers: { 'content-type': 'text/plain' } }],
      ['anonymous', '/api/dossiers', { raw: `${canaryJson}}}` }],
      ['wrong field types', `/api/dossiers/${dossierId}`, { as: OWNER, method: 'PATCH', body: { version: 'hai', data: { cccd: `${CANARY.cccd}9`, phone: `${CANARY.phone}x`, fullName: 42 } } }],
      ['unknown fields', `/api/dossiers/${dossierId}`, { as: OWNER, method: 'PATCH', body: { version: 1, data: { ghiChu: CANARY.fullName, soDienThoai: CANARY.phone }, cccd: CANARY.cccd } }],
      ['ID not matching the birth year', '/api/me/patients', { as: OWNER, body: { relation: 'self', patient: { fullName: CANARY.fullName, dateOfBirth: '2001-01-01', sex: 'male', phone: CANARY.phone, cccd: CANARY.cccd } } }],
      ['malformed phone and name', '/api/me/patients', { as: OWNER, body: { relation: 'me', patient: { fullName: `${CANARY.fullName} 1`, dateOfBirth: CANARY.dateOfBirth, sex: 'nu', phone: `+${CANARY.phone}`, cccd: `${CANARY.cccd}0`, note: CANARY.fullName } } }],
      ['booking without a session', '/api/appointments', { as: OWNER, headers: { 'idempotency-key': crypto.randomUUID() }, body: { sessionId: CANARY.cccd, patient: { fullName: CANARY.fullName, dateOfBirth: CANARY.dateOfBirth, sex: CANARY.sex, phone: CANARY.phone, cccd: CANARY.cccd }, insurance: { category: 'bhyt_registered' } } }],
      ['bill lookup with the wrong fields', '/api/bills/lookup', { body: { hospitalId: CR, patientCode: CANARY.cccd, billCode: CANARY.fullName, phoneLast4: CANARY.phone } }],
      ['HIS bill with a bad phone', '/api/his/bills', { as: 'cashier-cho-ray', body: { hospitalId: CR, billCode: 'HD-BAD', patientCode: CANARY.cccd, patientName: CANARY.fullName, patientPhone: `${CANARY.phone}99`, patientDob: CANARY.dateOfBirth, items: [], amountDue: -1 } }],
      ['no such route', '/api/ho-so/moi', { as: OWNER, body: { fullName: CANARY.fullName, cccd: CANARY.cccd, phone: CANARY.phone } }],
    ];
    for (const [label, path, init] of bad) {
      const answer = await call('owner', `refused: ${label}`, path, init);
      expect(answer.status, label).toBeGreaterThanOrEqual(400);
    }
  });

  it('the jobs run: stream consumers drained, sweeps and HIS callbacks', async () => {
    await drainJobs();
    await portal.server.jobs!.runNow('paymentsSweep', {});
    await portal.server.jobs!.runNow('hisCallbacks', {});
    await portal.server.jobs!.runNow('bookingSweep', { only: 'holds' });
    await drainJobs();
  });
});

// ---- scanning -------------------------------------------------------------------------------------------

async function scanAll(): Promise<Json[]> {
  const items: Json[] = [];
  let start: Json | undefined;
  do {
    const page = await portal.db.send(new ScanCommand({ TableName: portal.tableName, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as Json[]));
    start = page.LastEvaluatedKey as Json | undefined;
  } while (start);
  return items;
}

const SIDE_EFFECTS = /^(OUTBOX|AUDIT|MESSAGE|HISCALLBACK)#/;

describe('personal data outside the owner\'s responses', () => {
  it('is nowhere: logs, error bodies, foreign responses, URLs, outbox/audit/message items, keys', async () => {
    logs.stop();
    for (const line of logs.lines) {
      const hits = canariesIn(line);
      if (hits.length) violations.push(`log line carries ${hits.join(', ')}: ${line.slice(0, 200)}`);
    }
    for (const url of urls) {
      const hits = canariesIn(url);
      if (hits.length) violations.push(`URL carries ${hits.join(', ')}: ${url.slice(0, 200)}`);
    }
    for (const item of await scanAll()) {
      for (const [name, value] of Object.entries(item).filter(([name]) => /(pk|sk)$/i.test(name))) {
        tally.keys++;
        const hits = canariesIn(String(value));
        if (hits.length) violations.push(`key ${name} of ${String(item.pk)} carries ${hits.join(', ')}`);
      }
      if (!SIDE_EFFECTS.test(String(item.pk))) continue;
      tally.items++;
      // A message is delivered to the owner's own phone or address: its `to` is theirs; its text is scanned.
      const { to, ...rest } = item;
      if (item.type === 'message' && to === CANARY.phone) tally.messagesToOwner++;
      const hits = canariesIn(JSON.stringify(item.type === 'message' ? rest : item));
      if (hits.length) violations.push(`${String(item.pk)} carries ${hits.join(', ')}: ${JSON.stringify(item).slice(0, 200)}`);
    }
    console.info(`personal data: ${logs.lines.length} log lines, ${tally.errorBodies} error bodies, ${tally.items} outbox/audit items, ${urls.length} URLs scanned; canary hits outside the owner's responses: ${violations.length}`);
    console.info(`personal data: also ${tally.foreignBodies} responses to others and ${tally.keys} key attributes scanned; ${tally.ownerHits} canary hits in ${tally.ownerBodies} owner/staff responses, ${tally.messagesToOwner} messages to the canary phone`);
    expect(violations).toEqual([]);
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(tally.ownerHits).toBeGreaterThan(0);
    expect(tally.messagesToOwner).toBeGreaterThan(0);
  });
});
