/**
 * Browser side of the licence verification page (/tra-cuu/giay-phep/<number>, /en/verify/licence/<number>):
 * the register's current view of the licence (GET /api/public/licences/{number}), and a check of a
 * PDF copy the visitor picks, done on the device with WebCrypto (src/lib/licence-check.ts).
 */
import type { LicenceStatus, PublicLicenceView } from '@portal/shared/dossiers/api';
import { required as requiredIn } from './dom';
import { LICENCE_NUMBER_PATTERN, licenceNumberFrom, vietnamDay } from './dossier-format';
import { getPublicLicence } from './dossiers-api';
import type { Lang } from './i18n';
import { carryToCounterpart } from './lang-switch';
import { checkLicenceFile } from './licence-check';
import { verifyPanel } from './verify-panel';

const TEXT = {
  vi: {
    status: {
      valid: { title: 'Giấy phép còn hiệu lực', tag: 'Còn hiệu lực', text: 'Giấy phép này do Sở Y tế cấp và đang có hiệu lực theo sổ đăng ký.' },
      suspended: { title: 'Giấy phép đang bị đình chỉ', tag: 'Đang bị đình chỉ', text: 'Giấy phép này đang bị đình chỉ: người được cấp không được hoạt động theo giấy phép trong thời gian đình chỉ.' },
      revoked: { title: 'Giấy phép đã bị thu hồi', tag: 'Đã bị thu hồi', text: 'Giấy phép này đã bị thu hồi và không còn giá trị.' },
      expired: { title: 'Giấy phép đã hết hạn', tag: 'Đã hết hạn', text: 'Giấy phép này đã hết thời hạn hiệu lực.' },
    } satisfies Record<LicenceStatus, { title: string; tag: string; text: string }>,
    signatureOk: 'Chữ ký số hợp lệ (bản lưu tại Sở Y tế khớp với chữ ký)',
    signatureBad: 'Chữ ký số KHÔNG hợp lệ: bản lưu không khớp với chữ ký. Liên hệ Sở Y tế.',
    reason: 'Lý do:',
    since: 'Từ ngày',
    from: (a: string, b?: string) => (b ? `Từ ${a} đến hết ${b}` : `Từ ${a}, không thời hạn`),
    notFound: { title: 'Không tìm thấy giấy phép', text: 'Sổ đăng ký không có giấy phép nào mang số này. Vui lòng kiểm tra lại số in trên giấy phép.' },
    noNumber: { title: 'Không tìm thấy giấy phép', text: 'Địa chỉ không có số giấy phép hợp lệ (ví dụ GPHD-2026-000001).' },
    fileValid: { title: 'Tệp hợp lệ', text: 'Tệp này đúng là bản giấy phép do Sở Y tế ký: mã băm SHA-256 khớp với sổ đăng ký và chữ ký số được xác minh bằng khóa công khai của Sở.' },
    fileInvalid: { title: 'Tệp đã bị thay đổi hoặc không phải bản gốc', text: 'Tệp này không khớp với giấy phép đã đăng ký: nội dung đã bị sửa, hoặc đây không phải bản PDF do Sở Y tế cấp cho giấy phép này. Đừng sử dụng tệp này làm căn cứ.' },
    statusNote: (tag: string) => `Lưu ý: tình trạng hiện tại của giấy phép là “${tag}”.`,
    hashLine: 'Mã băm SHA-256 của tệp:',
    notPdf: 'Tệp đã chọn không phải tệp PDF. Chọn tệp PDF của giấy phép.',
    tooBig: 'Tệp quá lớn (tối đa 20 MB).',
    noCrypto: 'Trình duyệt này không hỗ trợ kiểm tra chữ ký số (WebCrypto). Hãy dùng phiên bản mới của Chrome, Safari, Firefox hoặc Edge.',
    fallback: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  },
  en: {
    status: {
      valid: { title: 'The licence is valid', tag: 'Valid', text: 'The Department of Health issued this licence and the register shows it in force.' },
      suspended: { title: 'The licence is suspended', tag: 'Suspended', text: 'This licence is suspended: the holder may not operate under it while the suspension lasts.' },
      revoked: { title: 'The licence has been revoked', tag: 'Revoked', text: 'This licence has been revoked and is no longer valid.' },
      expired: { title: 'The licence has expired', tag: 'Expired', text: 'This licence is past its validity period.' },
    } satisfies Record<LicenceStatus, { title: string; tag: string; text: string }>,
    signatureOk: 'Digital signature valid (the Department’s stored copy matches its signature)',
    signatureBad: 'Digital signature NOT valid: the stored copy does not match its signature. Contact the Department of Health.',
    reason: 'Reason:',
    since: 'Since',
    from: (a: string, b?: string) => (b ? `From ${a} to ${b} inclusive` : `From ${a}, no expiry`),
    notFound: { title: 'Licence not found', text: 'The register has no licence with this number. Please check the number printed on the licence.' },
    noNumber: { title: 'Licence not found', text: 'The address has no valid licence number (for example GPHD-2026-000001).' },
    fileValid: { title: 'Valid file', text: 'This file is the licence the Department of Health signed: its SHA-256 hash matches the register and the digital signature verifies with the Department’s public key.' },
    fileInvalid: { title: 'The file has been altered or is not the original', text: 'This file does not match the registered licence: its content was changed, or it is not the PDF the Department of Health issued for this licence. Do not rely on it.' },
    statusNote: (tag: string) => `Note: the licence’s current status is “${tag}”.`,
    hashLine: 'SHA-256 of the file:',
    notPdf: 'The chosen file is not a PDF. Choose the licence PDF.',
    tooBig: 'The file is too large (20 MB at most).',
    noCrypto: 'This browser cannot check digital signatures (WebCrypto). Please use a recent Chrome, Safari, Firefox or Edge.',
    fallback: 'Something went wrong. Please try again.',
  },
} as const;

const TONES: Record<LicenceStatus, string> = { valid: 'success', suspended: 'warning', revoked: 'error', expired: 'warning' };
const MAX_FILE_BYTES = 20 * 1024 * 1024;

const required = <T extends Element>(root: ParentNode, selector: string): T => requiredIn<T>(root, selector, 'licence verification');

export function initLicenceVerify(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const t = TEXT[lang];
  const { loading, facts, show, slot, failed } = verifyPanel(root, 'licence verification', { focusOnShow: false });
  const fileCheck = required<HTMLElement>(root, '[data-file-check]');
  const fileForm = required<HTMLFormElement>(fileCheck, '[data-file-form]');
  const fileInput = required<HTMLInputElement>(fileForm, '[data-field="licenceFile"]');
  const fileError = required<HTMLElement>(fileForm, '[data-error-for="licenceFile"]');
  const fileGroup = required<HTMLElement>(fileForm, '[data-group="licenceFile"]');
  const fileLive = required<HTMLElement>(fileCheck, '[data-file-live]');
  const fileResult = required<HTMLElement>(fileCheck, '[data-file-result]');
  const submit = required<HTMLButtonElement>(fileForm, '[data-file-submit]');
  let licence: PublicLicenceView | undefined;

  function showLicence(l: PublicLicenceView): void {
    licence = l;
    const status = t.status[l.status];
    show(status, TONES[l.status]);
    slot('number', l.number);
    slot('status', status.tag).dataset.status = l.status;
    const detail = [l.statusReason ? `${t.reason} ${l.statusReason}` : '', l.status !== 'valid' && l.statusChangedAt ? `${t.since} ${vietnamDay(l.statusChangedAt)}` : ''].filter(Boolean).join(' · ');
    slot('statusDetail', detail);
    slot('title', lang === 'vi' ? l.titleVi : l.titleEn);
    slot('holder', l.holderName);
    slot('scope', l.scopeVi);
    slot('validity', t.from(vietnamDay(l.validFrom), l.validUntil ? vietnamDay(l.validUntil) : undefined));
    slot('issuedAt', vietnamDay(l.issuedAt));
    slot('issuer', l.issuingUnit);
    slot('signedBy', l.signedBy);
    slot('signature', l.signatureValid ? t.signatureOk : t.signatureBad).dataset.status = l.signatureValid ? 'valid' : 'invalid';
    slot('keyId', l.signature.keyId);
    facts.hidden = false;
    fileCheck.hidden = false;
  }

  function fileProblem(message: string | null): void {
    fileGroup.classList.toggle('form-group-error', message !== null);
    fileError.hidden = message === null;
    fileError.textContent = message ?? '';
    if (message === null) fileInput.removeAttribute('aria-invalid');
    else fileInput.setAttribute('aria-invalid', 'true');
  }

  function fileOutcome(state: { title: string; text: string }, tone: 'success' | 'error', extra: string[]): void {
    fileResult.replaceChildren();
    const title = document.createElement('h3');
    title.className = 'h-small result-title';
    title.textContent = state.title;
    const text = document.createElement('p');
    text.textContent = state.text;
    fileResult.append(title, text);
    for (const line of extra) {
      const p = document.createElement('p');
      p.className = 'muted code';
      p.textContent = line;
      fileResult.append(p);
    }
    fileResult.dataset.tone = tone;
    fileResult.dataset.outcome = tone === 'success' ? 'valid' : 'invalid';
    fileResult.hidden = false;
    fileLive.textContent = state.title;
    fileResult.focus();
  }

  fileForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!licence) return;
    const file = fileInput.files?.[0];
    if (!file) return fileProblem(fileInput.dataset.missing ?? '');
    if (file.type && file.type !== 'application/pdf') return fileProblem(t.notPdf);
    if (file.size > MAX_FILE_BYTES) return fileProblem(t.tooBig);
    if (!globalThis.crypto?.subtle) return fileProblem(t.noCrypto);
    fileProblem(null);
    submit.disabled = true;
    fileLive.textContent = fileResult.dataset.checking ?? '';
    const current = licence;
    file
      .arrayBuffer()
      .then((bytes) => checkLicenceFile(bytes, current.signature))
      .then((check) => {
        const ok = check.hashMatches && check.signatureValid;
        const extra = [`${t.hashLine} ${check.sha256}`];
        if (ok && current.status !== 'valid') extra.unshift(t.statusNote(t.status[current.status].tag));
        fileOutcome(ok ? t.fileValid : t.fileInvalid, ok ? 'success' : 'error', extra);
      })
      .catch(() => fileProblem(t.fallback))
      .finally(() => {
        submit.disabled = false;
      });
  });
  fileInput.addEventListener('change', () => {
    fileProblem(null);
    fileResult.hidden = true;
  });

  const prefix = root.dataset.prefix ?? '/tra-cuu/giay-phep/';
  const number = licenceNumberFrom(location.pathname, location.search, prefix);
  if (!number) {
    // No number in the address: ask for it (a typed number opens /tra-cuu/giay-phep/<number>).
    const form = required<HTMLFormElement>(root, '[data-number-form]');
    const input = required<HTMLInputElement>(form, '[data-field="number"]');
    const error = required<HTMLElement>(form, '[data-error-for="number"]');
    form.hidden = false;
    if (location.pathname.length > prefix.length || location.search) show(t.noNumber, 'warning');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const typed = input.value.replace(/\s+/g, '').toUpperCase();
      const ok = LICENCE_NUMBER_PATTERN.test(typed);
      error.hidden = ok;
      error.textContent = ok ? '' : t.noNumber.text;
      required<HTMLElement>(form, '[data-group="number"]').classList.toggle('form-group-error', !ok);
      if (!ok) {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      location.assign(`${prefix}${encodeURIComponent(typed)}`);
    });
    return;
  }
  carryToCounterpart(number);
  loading.hidden = false;
  getPublicLicence(number, { lang })
    .then(showLicence)
    .catch((error: unknown) => failed(error, t.notFound, t.fallback));
}
