/**
 * What the applicant hears when their dossier changes: an SMS (Vietnamese, short) to the phone and
 * an e-mail (Vietnamese with full diacritics, then English) to the address given in the form. The
 * outbox consumer (outbox.ts) writes them to the mailbox once per event.
 */
import type { DossierState } from '@portal/shared/dossiers/lifecycle';
import { STATE_LABELS } from '@portal/shared/dossiers/lifecycle';
import { formatVnd } from '@portal/shared/vietnamese';
import { getDossier, type Deps, type StoredDossier } from '../repositories/dossiers';
import { procedureOf } from './dossier-transitions';
import { fieldOfKind } from './dossier-contact';

export interface DossierEvent {
  event: string;
  eventId: string;
  dossierId?: string;
  state?: DossierState;
  version?: number;
  createdAt: string;
}

interface Message {
  channel: 'sms' | 'email';
  to: string;
  text: string;
}

/** `2026-11-24` → `24/11/2026`. */
const dmy = (date: string | undefined): string => (date ? date.slice(0, 10).split('-').reverse().join('/') : '—');

interface Texts {
  vi: string;
  en: string;
}

function textsFor(action: string, d: StoredDossier): Texts | undefined {
  const code = d.code ?? '';
  const due = dmy(d.dueDate);
  const reason = d.decisionReason ? ` Lý do: ${d.decisionReason}.` : '';
  const reasonEn = d.decisionReason ? ` Reason: ${d.decisionReason}.` : '';
  switch (action) {
    case 'submit':
      if (d.state === 'awaiting_fee') {
        return {
          vi: `Hồ sơ ${code} đã được ghi nhận. Vui lòng nộp lệ phí ${formatVnd(d.fee?.amountVnd ?? 0)} để hồ sơ được tiếp nhận; thời hạn giải quyết tính từ khi nộp phí.`,
          en: `Dossier ${code} has been recorded. Please pay the fee of ${formatVnd(d.fee?.amountVnd ?? 0)} so it can be received; the time limit starts once it is paid.`,
        };
      }
      if (d.state === 'resubmitted') {
        return {
          vi: `Hồ sơ ${code} đã được bổ sung. Thời hạn giải quyết được tính lại từ đầu; ngày hẹn trả kết quả mới: ${due}.`,
          en: `The supplemented dossier ${code} is back with the department. The time limit restarts; the new due date is ${due}.`,
        };
      }
      return { vi: `Đã nộp hồ sơ ${code}. Ngày hẹn trả kết quả: ${due}.`, en: `Dossier ${code} has been submitted. Result due on ${due}.` };
    case 'fee_paid':
      return { vi: `Đã nhận lệ phí hồ sơ ${code}. Ngày hẹn trả kết quả: ${due}.`, en: `The fee for dossier ${code} has been received. Result due on ${due}.` };
    case 'fee_received':
      return { vi: `Đã nhận lệ phí hồ sơ ${code}.`, en: `The fee for dossier ${code} has been received.` };
    case 'receive':
      return d.state === 'in_review'
        ? { vi: `Hồ sơ bổ sung ${code} đã được tiếp nhận và đang xử lý. Ngày hẹn trả kết quả: ${due}.`, en: `The supplemented dossier ${code} has been accepted for review. Result due on ${due}.` }
        : { vi: `Hồ sơ ${code} đã được tiếp nhận. Ngày hẹn trả kết quả: ${due}.`, en: `Dossier ${code} has been received. Result due on ${due}.` };
    case 'refuse':
      return { vi: `Hồ sơ ${code} không được tiếp nhận.${reason}`, en: `Dossier ${code} was not accepted at intake.${reasonEn}` };
    case 'request_supplement': {
      // The checklist holds the procedure's document ids and free-text items: name the documents.
      const documents = procedureOf(d.procedureId)?.documents ?? [];
      const named = (lang: 'nameVi' | 'nameEn') => (d.supplement?.missing ?? []).map((item) => documents.find((doc) => doc.id === item)?.[lang] ?? item).join('; ');
      const missing = named('nameVi');
      const missingEn = named('nameEn');
      const note = d.supplement?.note ? ` Ghi chú: ${d.supplement.note}.` : '';
      const noteEn = d.supplement?.note ? ` Note: ${d.supplement.note}.` : '';
      return {
        vi: `Hồ sơ ${code} cần bổ sung: ${missing}.${note} Vui lòng bổ sung một lần đầy đủ; thời hạn giải quyết tính lại từ khi nhận đủ hồ sơ.`,
        en: `Dossier ${code} needs more documents: ${missingEn}.${noteEn} Please add everything at once; the time limit restarts when the complete dossier is back.`,
      };
    }
    case 'schedule_appraisal':
      return {
        vi: `Lịch thẩm định tại cơ sở cho hồ sơ ${code}: ngày ${dmy(d.appraisal?.visit?.date)}.`,
        en: `On-site appraisal for dossier ${code} is scheduled on ${dmy(d.appraisal?.visit?.date)}.`,
      };
    case 'record_appraisal':
      if (d.appraisal?.outcome === 'remediation_required') {
        return {
          vi: `Kết quả thẩm định hồ sơ ${code}: cơ sở cần khắc phục các tồn tại trước ngày ${dmy(d.appraisal.remediationDeadline)}.`,
          en: `Appraisal of dossier ${code}: the premises must be brought into compliance by ${dmy(d.appraisal.remediationDeadline)}.`,
        };
      }
      return d.appraisal?.outcome === 'failed'
        ? { vi: `Kết quả thẩm định hồ sơ ${code}: không đạt.`, en: `Appraisal of dossier ${code}: not passed.` }
        : { vi: `Kết quả thẩm định hồ sơ ${code}: đạt.`, en: `Appraisal of dossier ${code}: passed.` };
    case 'approve':
      return { vi: `Hồ sơ ${code} đã được phê duyệt; kết quả đang được cấp.`, en: `Dossier ${code} has been approved; the result is being issued.` };
    case 'reject':
      return { vi: `Hồ sơ ${code} không được phê duyệt.${reason}`, en: `Dossier ${code} was rejected.${reasonEn}` };
    case 'issue_result':
      return {
        vi: `Đã có kết quả hồ sơ ${code}${d.licenceNumber ? ` (số ${d.licenceNumber})` : ''}. Vui lòng đăng nhập để tải văn bản đã ký số.`,
        en: `The result of dossier ${code}${d.licenceNumber ? ` (no. ${d.licenceNumber})` : ''} is ready. Sign in to download the signed document.`,
      };
    case 'withdraw':
      return { vi: `Hồ sơ ${code} đã được rút theo đề nghị của bạn.`, en: `Dossier ${code} has been withdrawn at your request.` };
    case 'stop':
      return { vi: `Sở Y tế đã dừng xử lý hồ sơ ${code}.${reason}`, en: `The department has stopped processing dossier ${code}.${reasonEn}` };
    case 'reschedule':
      return {
        vi: `Sở Y tế xin lỗi vì hồ sơ ${code} không thể trả kết quả đúng hẹn ngày ${dmy(d.originalDueDate)}. Ngày hẹn trả kết quả mới: ${due}.${d.rescheduleReason ? ` Lý do: ${d.rescheduleReason}.` : ''} Mong ông/bà thông cảm.`,
        en: `We apologise: dossier ${code} cannot be decided by ${dmy(d.originalDueDate)} as promised. The new due date is ${due}.${d.rescheduleReason ? ` Reason: ${d.rescheduleReason}.` : ''}`,
      };
    default:
      return undefined;
  }
}

export async function dossierMessages(deps: Deps & { publicBaseUrl: string }, event: DossierEvent): Promise<Message[]> {
  if (!event.dossierId) return [];
  const d = await getDossier(deps, event.dossierId);
  const procedure = d && procedureOf(d.procedureId);
  if (!d || !procedure) return [];
  // The dossier as it was when the event happened is what the event reports; a later change has its own event.
  const action = event.event.replace(/^dossier\./, '');
  const link = `${deps.publicBaseUrl}/tra-cuu/ho-so/?ma=${encodeURIComponent(d.code ?? '')}`;
  const texts = textsFor(action, event.state ? { ...d, state: event.state } : d);
  if (!texts) return [];
  const state = STATE_LABELS[event.state ?? d.state];
  const phone = fieldOfKind(procedure, d.data, 'phone');
  const email = fieldOfKind(procedure, d.data, 'email');
  const messages: Message[] = [];
  if (phone) messages.push({ channel: 'sms', to: phone, text: `${texts.vi} Tra cứu: ${link}` });
  if (email) {
    messages.push({
      channel: 'email',
      to: email,
      text: [
        `[Sở Y tế] Hồ sơ ${d.code ?? ''}: ${state.vi}`,
        '',
        texts.vi,
        `Theo dõi hồ sơ: ${link}`,
        '',
        '---',
        `[Department of Health] Dossier ${d.code ?? ''}: ${state.en}`,
        '',
        texts.en,
        `Track the dossier: ${link}`,
      ].join('\n'),
    });
  }
  return messages;
}
