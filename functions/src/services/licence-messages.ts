/**
 * What a licence holder hears (ADR 0015): a change of the licence's status by the department
 * (suspended, revoked, reinstated) and the renewal reminders 60 and 30 days before expiry. SMS and
 * e-mail to the contacts of the dossier the licence was issued on; the outbox consumer writes them
 * once per event.
 */
import { licenceVerifyUrl } from '@portal/shared/licences/licence';
import { getDossier } from '../repositories/dossiers';
import { getLicence, type Deps } from '../repositories/licences';
import { procedureOf } from './dossier-transitions';
import { fieldOfKind } from './dossier-contact';

export interface LicenceEvent {
  event: string;
  eventId: string;
  licenceNumber?: string;
  status?: 'valid' | 'suspended' | 'revoked';
  daysBefore?: number;
  createdAt: string;
}

interface Message {
  channel: 'sms' | 'email';
  to: string;
  text: string;
}

const dmy = (date: string | undefined): string => (date ? date.slice(0, 10).split('-').reverse().join('/') : '—');

export async function licenceMessages(deps: Deps & { publicBaseUrl: string }, event: LicenceEvent): Promise<Message[]> {
  if (!event.licenceNumber) return [];
  const licence = await getLicence(deps, event.licenceNumber, true);
  const dossier = licence && (await getDossier(deps, licence.dossierId));
  const procedure = dossier && procedureOf(dossier.procedureId);
  if (!licence || !dossier || !procedure) return [];
  const n = licence.number;
  const link = licenceVerifyUrl(deps.publicBaseUrl, n);
  let texts: { vi: string; en: string; subjectVi: string; subjectEn: string };
  if (event.event === 'licence.status_changed') {
    const reason = licence.statusReason ? ` Lý do: ${licence.statusReason}.` : '';
    const reasonEn = licence.statusReason ? ` Reason: ${licence.statusReason}.` : '';
    const status = event.status ?? licence.status;
    texts =
      status === 'suspended'
        ? { subjectVi: `${licence.titleVi} số ${n} bị tạm đình chỉ`, subjectEn: `Licence ${n} suspended`, vi: `Sở Y tế đã tạm đình chỉ ${licence.titleVi.toLowerCase()} số ${n}.${reason}`, en: `The department has suspended licence ${n}.${reasonEn}` }
        : status === 'revoked'
          ? { subjectVi: `${licence.titleVi} số ${n} bị thu hồi`, subjectEn: `Licence ${n} revoked`, vi: `Sở Y tế đã thu hồi ${licence.titleVi.toLowerCase()} số ${n}.${reason}`, en: `The department has revoked licence ${n}.${reasonEn}` }
          : { subjectVi: `${licence.titleVi} số ${n} có hiệu lực trở lại`, subjectEn: `Licence ${n} reinstated`, vi: `${licence.titleVi} số ${n} đã có hiệu lực trở lại.${reason}`, en: `Licence ${n} is valid again.${reasonEn}` };
  } else if (event.event === 'licence.renewal_due') {
    texts = {
      subjectVi: `${licence.titleVi} số ${n} sắp hết hạn`,
      subjectEn: `Licence ${n} expires soon`,
      vi: `${licence.titleVi} số ${n} hết hiệu lực sau ngày ${dmy(licence.validUntil)} (còn khoảng ${event.daysBefore ?? ''} ngày). Vui lòng nộp hồ sơ gia hạn hoặc cấp lại trước thời hạn.`,
      en: `Licence ${n} is valid until ${dmy(licence.validUntil)} (about ${event.daysBefore ?? ''} days left). Please apply for its renewal in time.`,
    };
  } else return [];
  const phone = fieldOfKind(procedure, dossier.data, 'phone');
  const email = fieldOfKind(procedure, dossier.data, 'email');
  const messages: Message[] = [];
  if (phone) messages.push({ channel: 'sms', to: phone, text: `${texts.vi} Tra cứu: ${link}` });
  if (email) {
    messages.push({
      channel: 'email',
      to: email,
      text: [`[Sở Y tế] ${texts.subjectVi}`, '', texts.vi, `Kiểm tra giấy phép: ${link}`, '', '---', `[Department of Health] ${texts.subjectEn}`, '', texts.en, `Check the licence: ${link}`].join('\n'),
    });
  }
  return messages;
}
