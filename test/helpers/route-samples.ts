/**
 * One valid-looking request per route: a value for every path parameter name of the route table,
 * the query a route needs and a sample body. Shared by the authorization matrix, the fuzz suite
 * (near-miss bodies start from these) and the bench; a new route adds its entries here.
 */
export const SAMPLE_PARAMS: Record<string, string> = {
  code: 'cap-moi-giay-phep-hanh-nghe',
  targetType: 'procedure',
  targetId: 'cap-moi-giay-phep-hanh-nghe',
  proxy: 'khong-co-dia-chi-nay',
  token: '01JDEMO0000000000000000000.not-a-valid-signature-000000',
  paymentId: '01JDEMQ0000000000000000000',
  refundId: '01JDEMR0000000000000000000',
  hospitalId: 'hosp-cho-ray',
  number: 'HD-2026-000001',
  appointmentId: '01JDEMQ0000000000000000000',
  specialtyId: 'tim-mach',
  sessionId: 'hosp-cho-ray.tim-mach.2030-01-07.0700',
  dossierId: '01JDEMDSR00000000000000001',
  attachmentId: '01JDEMATT00000000000000001',
  year: '2031',
  keyId: '01JDEMK0000000000000000000',
};
export const SAMPLE_QUERY: Record<string, string> = {
  'desk.reconciliation': '?day=2026-11-22',
  'sessions.list': '?specialty=tim-mach',
  'schedule.sessions': '?specialty=tim-mach',
  'public.dossiers.get': '?check=1234',
  'dossiers.list': '?mine=1',
  'ratings.summary': '?procedure=cap-moi-giay-phep-hanh-nghe',
};
export const SAMPLE_BODIES: Record<string, unknown> = {
  'procedures.update': { available: false },
  'his.bills.push': {
    hospitalId: 'hosp-cho-ray', billCode: 'MATRIX-1', patientCode: 'BN-MATRIX', patientName: 'Nguyễn Văn Ma Trận', patientPhone: '0900000001', patientDob: '1990-01-01',
    items: [{ code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: 100_000, insuranceCovered: 0 }], amountDue: 100_000,
  },
  'bills.lookup': { hospitalId: 'hosp-cho-ray', patientCode: 'BN-X', billCode: 'HD-X', phoneLast4: '0000' },
  'payments.create': { payLinkToken: 'x' },
  'refunds.request': { amountVnd: 1000, reason: 'Bệnh nhân không sử dụng dịch vụ' },
  'refunds.decide': { decision: 'reject', note: 'Không đủ căn cứ hoàn tiền' },
  'appointments.create': { sessionId: 'hosp-cho-ray.tim-mach.2030-01-07.0700', patientProfileId: '01JDEMP0000000000000000001', insurance: { category: 'bhyt_registered' } },
  'appointments.reschedule': { sessionId: 'hosp-cho-ray.tim-mach.2030-01-07.1300' },
  'patients.create': { relation: 'child', patient: { fullName: 'Ma Trận Nhỏ', dateOfBirth: '2018-01-01', sex: 'female', phone: '0900000002', cccd: '079318000001' } },
  'schedule.template.put': { entries: [{ weekday: 1, period: 'morning', capacity: 10, room: 'P.1' }] },
  'schedule.generate': { specialtyId: 'tim-mach', from: '2030-01-07', to: '2030-01-08' },
  'schedule.session.update': { capacity: 40 },
  'schedule.closeDay': { date: '2030-01-07', reason: 'Kiểm tra ma trận quyền' },
  'reception.checkIn': { code: 'ZZZZ-ZZZZ' },
  'dossiers.create': { procedureId: 'cap-lai-giay-phep-hanh-nghe', data: {} },
  'dossiers.update': { version: 1, data: { fullName: 'Ma Trận' } },
  'dossiers.submit': { version: 1 },
  'dossiers.withdraw': { version: 1 },
  'dossiers.act': { action: 'receive', version: 1 },
  'inbox.receive': { items: [{ dossierId: '01JDEMDSR00000000000000001', version: 1 }] },
  'calendar.put': { year: 2031, holidays: [], makeUpDays: [] },
  'dossiers.attachments.create': { documentId: 'don-de-nghi', fileName: 'don.pdf', contentType: 'application/pdf', sizeBytes: 1000 },
  'licences.status': { status: 'suspended', reason: 'Kiểm tra ma trận quyền' },
  'hisKeys.create': { label: 'HIS kiểm tra ma trận quyền' },
  'ratings.dossier.put': { score: 4, comment: 'Kiểm tra ma trận quyền' },
  'ratings.appointment.put': { score: 4 },
};

/**
 * Routes whose session is the HttpOnly refresh cookie, not the bearer token (ADR 0021): without the
 * cookie they answer 401/403 to everyone alike, so the matrix checks that a token changes nothing.
 */
export const COOKIE_SESSION_ROUTES: ReadonlySet<string> = new Set(['auth.refresh', 'auth.logout']);
