/**
 * The route-schema registry (ADR 0024): for every route of the route table, the schemas its handler
 * validates the request with and what it answers. `httpHandler(routeId, fn)` takes its schemas
 * from here and types `fn`'s reply by the responses, and the OpenAPI document is generated from
 * here, so the document cannot say one thing while the handler checks another.
 *
 * A new route in routes.ts needs its entry here (a type error and test/unit/openapi.test.ts say so).
 */
import * as z from 'zod/mini';
import { logoutSchema, REFRESH_COOKIE, SESSION_HEADER, sessionTokenSchema, signedOutSchema, signInConfigSchema, tokenExchangeSchema } from '../auth/api';
import {
  appointmentIdParams, appointmentViewSchema, checkedInSchema, checkInSchema, closeDaySchema, closedDaySchema, createAppointmentSchema, emptyBodySchema,
  generatedSessionsSchema, generateSessionsSchema, hospitalAppointmentParams, hospitalParams, hospitalViewSchema, rescheduleSchema, sessionAppointmentViewSchema,
  sessionBookingsSchema, sessionParams, sessionsQuerySchema, sessionViewSchema, specialtyParams, specialtyViewSchema, staffSessionViewSchema, updateSessionSchema,
} from '../booking/api';
import { patientProfileSchema, saveProfileSchema } from '../booking/patients';
import { weeklyTemplateSchema } from '../booking/sessions';
import { calendarYearViewSchema, yearCalendarSchema } from '../calendar/holidays';
import {
  attachmentDownloadSchema, attachmentParams, bulkReceiveBody, bulkReceiveResultSchema, calendarYearParams, createAttachmentBody, createdAttachmentSchema,
  createDossierBody, dossierActionBody, dossierIdParams, dossierListSchema, dossierViewSchema, inboxQuery, inboxResponseSchema, licenceNumberParams,
  licenceStatusBody, licenceStatusChangeSchema, myDossiersQuery, patchDossierBody, publicDossierParams, publicDossierQuery, publicDossierViewSchema,
  publicLicenceViewSchema, submitDossierBody, withdrawBody,
} from '../dossiers/api';
import { billLookupSchema, billViewSchema, hisBillSchema, payLinkParams, pushedBillSchema } from '../payments/bills';
import { deskBillsQuery, deskBillsSchema, deskPaymentsQuery, deskPaymentsSchema, reconciliationQuery } from '../payments/desk';
import { createPaymentSchema, ipnAnswerSchema, openedPaymentSchema, paymentIdParams, paymentViewSchema } from '../payments/payments';
import {
  decideRefundSchema, hospitalRefundsParams, hospitalRefundsQuery, paymentRefundParams, refundIdParams, refundListSchema, refundViewSchema, requestRefundSchema,
} from '../payments/refunds';
import { listProceduresQuery, procedureCodeParams, procedureListResponse, storedProcedureSchema, updateProcedureBody } from '../procedures/api';
import { receiptNumberParams, receiptVerificationSchema } from '../receipts/receipt';
import { rateBody, ratingSummarySchema, ratingViewSchema, summaryQuery } from '../ratings/api';
import type { RouteId } from '../routes';
import { createHisKeyBody, hisKeyListSchema, hisKeyParams, hisKeyViewSchema, issuedHisKeySchema } from '../his-keys';
import { body, empty, file, json, jsonList, redirect, type HeaderSpec, type RouteContract } from './contract';
import { anyQuery, auditEntriesSchema, auditTargetParams, dataAccessPageSchema, dataAccessQuery, healthSchema, openApiDocumentSchema, principalSchema, unknownPathParams } from './platform';

const session: readonly HeaderSpec[] = [
  { name: SESSION_HEADER, in: 'header', required: true, description: 'Any value: a cross-site form cannot send it' },
  { name: REFRESH_COOKIE, in: 'cookie', required: true, description: 'HttpOnly, SameSite=Strict, set by POST /api/auth/token' },
];
const idempotencyKey: HeaderSpec = { name: 'Idempotency-Key', in: 'header', required: true, description: '8–64 letters, digits, - or _ (a UUID fits), one per booking attempt: a retry gets the same answer' };
const setsCookies = { 'Set-Cookie': 'The refresh cookie (HttpOnly) and the signed-in flag' };
const publicCache = { 'Cache-Control': 'public, max-age=60' };

const dossier = json(dossierViewSchema, 'Dossier', 'The dossier as the caller may see it, with the actions open to them');
const appointment = json(appointmentViewSchema, 'Appointment', 'The booking');
const procedure = json(storedProcedureSchema, 'Procedure', 'The procedure: form, documents, fee, time limit', publicCache);
const refund = json(refundViewSchema, 'Refund', 'The refund');
const billView = json(billViewSchema, 'BillView', 'The bill, without phone or date of birth');
const staffSession = json(staffSessionViewSchema, 'StaffSession', 'The session as staff see it');
const template = json(weeklyTemplateSchema, 'WeeklyTemplate', "The specialty's weekly template");
const calendarYear = json(calendarYearViewSchema, 'CalendarYear', "The year's holidays and make-up working days");
const pdf = (what: string) => file('application/pdf', what);

export const ROUTE_CONTRACTS = {
  'health.get': { responses: { 200: json(healthSchema, 'Health', 'The function starts and its configuration parsed') } },
  'openapi.get': {
    headers: [{ name: 'If-None-Match', in: 'header', required: false, description: 'The ETag of a copy you hold: 304 when it is still current' }],
    responses: {
      200: json(openApiDocumentSchema, 'OpenApiDocument', 'This document (OpenAPI 3.1), generated from the route table and the schemas the handlers validate with', { ETag: 'Hash of the document', 'Cache-Control': 'public, max-age=300' }),
      304: empty('Your copy is current', { ETag: 'Hash of the document' }),
    },
  },
  'me.get': { responses: { 200: json(principalSchema, 'Principal', 'Role and bindings, nothing else') } },
  'auth.config': { responses: { 200: json(signInConfigSchema, 'SignInConfig', 'Each trusted issuer that answered its discovery', { 'Cache-Control': 'public, max-age=300' }) } },
  'auth.token': { body: body(tokenExchangeSchema, 'TokenExchange'), responses: { 200: json(sessionTokenSchema, 'SessionToken', 'The ID token for the tab', setsCookies) }, errors: ['sign_in_failed'] },
  'auth.refresh': { headers: session, responses: { 200: json(sessionTokenSchema, 'SessionToken', 'A new ID token', setsCookies) } },
  'auth.logout': { body: body(logoutSchema, 'Logout'), headers: session, responses: { 200: json(signedOutSchema, 'SignedOut', "Where the issuer's session ends", setsCookies) } },
  'procedures.list': { query: listProceduresQuery, responses: { 200: json(procedureListResponse, 'ProcedureList', 'Matching procedures, without forms and documents', publicCache) } },
  'procedures.get': { path: procedureCodeParams, responses: { 200: procedure } },
  'procedures.update': { path: procedureCodeParams, body: body(updateProcedureBody, 'ProcedureAvailability'), responses: { 200: procedure } },
  'audit.list': { path: auditTargetParams, responses: { 200: json(auditEntriesSchema, 'AuditEntries', 'Entries of the target, newest first') } },
  'his.bills.push': {
    body: body(hisBillSchema, 'HisBill'),
    responses: { 201: json(pushedBillSchema, 'PushedBill', 'Bill recorded'), 200: json(pushedBillSchema, 'PushedBill', 'The same bill again: the same answer') },
    description: 'Amounts must add up: each line is quantity × unit price − insurance, their sum the amount due (400 otherwise).',
  },
  'bills.lookup': { body: body(billLookupSchema, 'BillLookup'), responses: { 200: billView }, errors: ['lookup_locked'] },
  'bills.payLink': { path: payLinkParams, responses: { 200: billView } },
  'payments.create': {
    body: body(createPaymentSchema, 'CreatePayment'),
    responses: { 201: json(openedPaymentSchema, 'OpenedPayment', 'A new payment attempt'), 200: json(openedPaymentSchema, 'OpenedPayment', 'The attempt already open for this payable') },
    errors: ['already_paid', 'nothing_to_pay'],
  },
  'payments.get': { path: paymentIdParams, responses: { 200: json(paymentViewSchema, 'PaymentView', 'Status from our records, never from the browser redirect') } },
  'payments.vnpay.ipn': {
    responses: { 200: json(ipnAnswerSchema, 'IpnAnswer', 'Always 200: VNPay reads RspCode (00 confirmed, 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature, 99 other)') },
    description: "VNPay's signed vnp_* query (protocol 2.1.0); the signature is checked over the query exactly as sent.",
  },
  'payments.vnpay.return': { responses: { 303: redirect("To the portal's payment result page; changes nothing") }, description: "VNPay's signed vnp_* query, as the browser brings it back." },
  'refunds.request': { path: paymentRefundParams, body: body(requestRefundSchema, 'RefundRequest'), responses: { 201: refund }, errors: ['refund_exceeds_available', 'not_refundable'] },
  'refunds.decide': { path: refundIdParams, body: body(decideRefundSchema, 'RefundDecision'), responses: { 200: refund }, errors: ['same_person', 'conflict'] },
  'refunds.list': { path: hospitalRefundsParams, query: hospitalRefundsQuery, responses: { 200: json(refundListSchema, 'RefundList', 'Newest first') } },
  'desk.bills': { path: hospitalParams, query: deskBillsQuery, responses: { 200: json(deskBillsSchema, 'DeskBillList', 'Bills of the day, or those matching the code (audited read)') } },
  'desk.payments': { path: hospitalParams, query: deskPaymentsQuery, responses: { 200: json(deskPaymentsSchema, 'DeskPaymentList', 'Payment attempts of the day (audited read)') } },
  'desk.reconciliation': { path: hospitalParams, query: reconciliationQuery, responses: { 200: file('text/csv', 'UTF-8 with BOM, one line per payment attempt, times GMT+7') } },
  'receipts.pdf': { path: paymentIdParams, responses: { 200: pdf('The e-receipt') } },
  'receipts.verify': { path: receiptNumberParams, responses: { 200: json(receiptVerificationSchema, 'ReceiptVerification', 'The receipt and its standing, without personal data') } },
  'me.dataAccess': { query: dataAccessQuery, responses: { 200: json(dataAccessPageSchema, 'DataAccessPage', 'Staff reads and actions on my dossiers and bookings, newest first (ADR 0025)') } },
  'hisKeys.create': { path: hospitalParams, body: body(createHisKeyBody, 'NewHisKey'), responses: { 201: json(issuedHisKeySchema, 'IssuedHisKey', 'The key, shown this once') } },
  'hisKeys.list': { path: hospitalParams, responses: { 200: json(hisKeyListSchema, 'HisKeyList', "The hospital's keys, newest first: label, issued when and by whom, last 4 characters, status; never a key") } },
  'hisKeys.revoke': { path: hisKeyParams, responses: { 200: json(hisKeyViewSchema, 'HisKey', 'The key, revoked: the very next request with it is refused') } },
  'hospitals.list': { responses: { 200: jsonList(z.array(hospitalViewSchema), 'Hospital', 'Hospitals that take bookings') } },
  'hospitals.specialties': { path: hospitalParams, responses: { 200: jsonList(z.array(specialtyViewSchema), 'Specialty', "The hospital's specialties") } },
  'sessions.list': { path: hospitalParams, query: sessionsQuerySchema, responses: { 200: jsonList(z.array(sessionViewSchema), 'Session', 'Open sessions with places left (a hint; never cached)') } },
  'appointments.create': {
    body: body(createAppointmentSchema, 'NewAppointment'), headers: [idempotencyKey], responses: { 201: appointment },
    errors: ['session_full', 'session_closed', 'already_booked', 'booking_closed', 'idempotency_key_reused'],
    description: 'A full session answers 409 `session_full` with `nextSessions`: the next sessions of the specialty with places.',
  },
  'appointments.mine': { responses: { 200: jsonList(z.array(appointmentViewSchema), 'Appointment', 'Newest first') } },
  'appointments.get': { path: appointmentIdParams, responses: { 200: appointment } },
  'appointments.cancel': { path: appointmentIdParams, body: body(emptyBodySchema, 'Empty'), responses: { 200: appointment }, errors: ['booking_closed'] },
  'appointments.reschedule': { path: appointmentIdParams, body: body(rescheduleSchema, 'Reschedule'), responses: { 200: appointment }, errors: ['session_full', 'session_closed', 'booking_closed', 'already_booked'] },
  'patients.list': { responses: { 200: jsonList(z.array(patientProfileSchema), 'PatientProfile', 'Self and family') } },
  'patients.create': { body: body(saveProfileSchema, 'SavePatientProfile'), responses: { 201: json(patientProfileSchema, 'PatientProfile', 'The saved profile') } },
  'schedule.template.get': { path: specialtyParams, responses: { 200: template } },
  'schedule.template.put': { path: specialtyParams, body: body(weeklyTemplateSchema, 'WeeklyTemplate'), responses: { 200: template } },
  'schedule.sessions': { path: hospitalParams, query: sessionsQuerySchema, responses: { 200: jsonList(z.array(staffSessionViewSchema), 'StaffSession', 'Sessions, closed ones included') } },
  'schedule.generate': { path: hospitalParams, body: body(generateSessionsSchema, 'GenerateSessions'), responses: { 201: json(generatedSessionsSchema, 'GeneratedSessions', 'Sessions made and those already there') } },
  'schedule.session.update': { path: sessionParams, body: body(updateSessionSchema, 'SessionChange'), responses: { 200: staffSession }, errors: ['conflict'] },
  'schedule.closeDay': { path: hospitalParams, body: body(closeDaySchema, 'DayClosure'), responses: { 200: json(closedDaySchema, 'ClosedDay', 'How many sessions closed') } },
  'schedule.session.appointments': { path: sessionParams, responses: { 200: json(sessionBookingsSchema, 'SessionBookings', 'The session and its bookings in queue order') } },
  'reception.checkIn': { path: hospitalParams, body: body(checkInSchema, 'CheckIn'), responses: { 200: json(checkedInSchema, 'CheckedIn', 'The booking and where the patient goes') }, errors: ['not_session_day', 'appointment_not_paid', 'conflict'] },
  'reception.noShow': { path: hospitalAppointmentParams, body: body(emptyBodySchema, 'Empty'), responses: { 200: json(sessionAppointmentViewSchema, 'SessionBooking', 'The booking, marked not attended') }, errors: ['conflict'] },
  'dossiers.create': { body: body(createDossierBody, 'NewDossier'), responses: { 201: dossier }, errors: ['procedure_unavailable'] },
  'dossiers.list': { query: myDossiersQuery, responses: { 200: json(dossierListSchema, 'DossierList', 'Newest first') } },
  'dossiers.get': { path: dossierIdParams, responses: { 200: dossier } },
  'dossiers.update': { path: dossierIdParams, body: body(patchDossierBody, 'DossierPatch'), responses: { 200: dossier }, errors: ['conflict', 'action_not_allowed'] },
  'dossiers.submit': { path: dossierIdParams, body: body(submitDossierBody, 'DossierVersion'), responses: { 200: dossier }, errors: ['dossier_incomplete', 'conflict', 'action_not_allowed', 'procedure_unavailable'] },
  'dossiers.withdraw': { path: dossierIdParams, body: body(withdrawBody, 'Withdrawal'), responses: { 200: dossier }, errors: ['conflict', 'action_not_allowed'] },
  'inbox.list': { query: inboxQuery, responses: { 200: json(inboxResponseSchema, 'Inbox', 'Dossiers by due date, counts and colleagues') } },
  'inbox.receive': { body: body(bulkReceiveBody, 'BulkReceive'), responses: { 200: json(bulkReceiveResultSchema, 'BulkReceiveResult', 'One result per dossier') } },
  'dossiers.act': { path: dossierIdParams, body: body(dossierActionBody, 'OfficerAction'), responses: { 200: dossier }, errors: ['conflict', 'action_not_allowed', 'action_incomplete', 'fee_unpaid'] },
  'public.dossiers.get': { path: publicDossierParams, query: publicDossierQuery, responses: { 200: json(publicDossierViewSchema, 'PublicDossier', 'Status and dates, no personal data') }, errors: ['lookup_locked'] },
  'calendar.get': { path: calendarYearParams, responses: { 200: calendarYear } },
  'calendar.put': { path: calendarYearParams, body: body(yearCalendarSchema, 'YearCalendar'), responses: { 200: calendarYear } },
  'dossiers.attachments.create': {
    path: dossierIdParams, body: body(createAttachmentBody, 'NewAttachment'),
    responses: { 201: json(createdAttachmentSchema, 'CreatedAttachment', 'The attachment (pending) and the presigned PUT the browser sends the file with') },
    errors: ['attachment_type_not_accepted', 'attachment_too_large', 'attachment_limit_reached', 'action_not_allowed'],
  },
  'dossiers.attachments.get': { path: attachmentParams, responses: { 200: json(attachmentDownloadSchema, 'AttachmentDownload', 'A presigned GET of the file, valid 5 minutes') } },
  'dossiers.attachments.delete': { path: attachmentParams, responses: { 204: empty('Removed') }, errors: ['action_not_allowed'] },
  'dossiers.licence': { path: dossierIdParams, responses: { 200: pdf('The signed licence or certificate') } },
  'public.licences.get': { path: licenceNumberParams, responses: { 200: json(publicLicenceViewSchema, 'PublicLicence', 'The licence, its status and the signature check') } },
  'licences.status': { path: licenceNumberParams, body: body(licenceStatusBody, 'LicenceStatusChange'), responses: { 200: json(licenceStatusChangeSchema, 'LicenceStatus', 'The status now published') }, errors: ['licence_status_not_allowed'] },
  'ratings.dossier.get': { path: dossierIdParams, responses: { 200: json(ratingViewSchema, 'RatingView', 'My rating of the dossier (or none yet) and whether it can be rated or changed', { 'Cache-Control': 'no-store' }) } },
  'ratings.dossier.put': { path: dossierIdParams, body: body(rateBody, 'Rating'), responses: { 200: json(ratingViewSchema, 'RatingView', 'The rating as stored') }, errors: ['rating_not_open', 'rating_locked'] },
  'ratings.appointment.get': { path: appointmentIdParams, responses: { 200: json(ratingViewSchema, 'RatingView', 'My rating of the visit (or none yet) and whether it can be rated or changed', { 'Cache-Control': 'no-store' }) } },
  'ratings.appointment.put': { path: appointmentIdParams, body: body(rateBody, 'Rating'), responses: { 200: json(ratingViewSchema, 'RatingView', 'The rating as stored') }, errors: ['rating_not_open', 'rating_locked'] },
  'ratings.summary': { query: summaryQuery, responses: { 200: json(ratingSummarySchema, 'RatingSummary', 'Anonymous counts of one procedure, unit, hospital or specialty', { 'Cache-Control': 'public, max-age=300' }) } },
  'fallback.notFound': { path: unknownPathParams, query: anyQuery, responses: {}, errors: ['not_found', 'method_not_allowed'] },
} satisfies Record<RouteId, RouteContract>;

export type RouteContracts = typeof ROUTE_CONTRACTS;
export type ContractOf<Id extends RouteId> = RouteContracts[Id];

export function contractOf(id: RouteId): RouteContract {
  const contract: RouteContract | undefined = ROUTE_CONTRACTS[id];
  if (!contract) throw new Error(`Route ${id} has no contract in ROUTE_CONTRACTS (shared/src/api/registry.ts); test/unit/openapi.test.ts says what to add`);
  return contract;
}
