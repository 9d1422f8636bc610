/**
 * The documents of a dossier, one block per document of the procedure: name, whether it is
 * required (in words), accepted types and size, the files already attached (with "Xóa"), and a file
 * control. A picked file is checked here first (type, size), then POST …/attachments gives a
 * presigned PUT and the file goes straight to storage with a progress bar (src/lib/uploads.ts).
 * Used by the apply wizard and by the dossier page for a supplement.
 */
import type { AttachmentView, DossierView } from '@portal/shared/dossiers/api';
import type { Procedure, ProcedureDocument } from '@portal/shared/procedures/catalogue';
import { ApiError } from './api';
import { TYPE_NAMES, checkFile, documentRequired, fileType, formatBytes } from './dossier-format';
import { createAttachment, deleteAttachment } from './dossiers-api';
import type { Lang } from './i18n';
import { UploadError, putFile } from './uploads';

const TEXT = {
  vi: {
    required: 'Bắt buộc',
    optional: 'Không bắt buộc',
    needed: 'Cần bổ sung',
    accepts: (types: string, max: string) => `Định dạng ${types}; tối đa ${max} mỗi tệp.`,
    choose: (name: string) => `Chọn tệp: ${name}`,
    chooseAnother: (name: string) => `Thêm tệp khác: ${name}`,
    none: 'Chưa có tệp nào.',
    uploading: (name: string, pct: number) => `Đang tải lên “${name}”: ${pct}%`,
    uploaded: (name: string) => `Đã tải lên “${name}”.`,
    remove: (name: string) => `Xóa tệp ${name}`,
    removeShort: 'Xóa',
    removed: (name: string) => `Đã xóa tệp “${name}”.`,
    failed: (name: string) => `Không tải lên được “${name}”. Kiểm tra kết nối mạng và thử lại.`,
    expired: 'Liên kết tải lên đã hết hạn. Vui lòng chọn lại tệp.',
    missing: 'Chưa có tệp cho giấy tờ bắt buộc này.',
    fallback: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  },
  en: {
    required: 'Required',
    optional: 'Optional',
    needed: 'Needed for the supplement',
    accepts: (types: string, max: string) => `${types}; up to ${max} per file.`,
    choose: (name: string) => `Choose a file: ${name}`,
    chooseAnother: (name: string) => `Add another file: ${name}`,
    none: 'No file yet.',
    uploading: (name: string, pct: number) => `Uploading “${name}”: ${pct}%`,
    uploaded: (name: string) => `“${name}” uploaded.`,
    remove: (name: string) => `Remove file ${name}`,
    removeShort: 'Remove',
    removed: (name: string) => `“${name}” removed.`,
    failed: (name: string) => `“${name}” could not be uploaded. Check your connection and try again.`,
    expired: 'The upload link has expired. Please choose the file again.',
    missing: 'No file yet for this required document.',
    fallback: 'Something went wrong. Please try again.',
  },
} as const;

export interface DocumentsOptions {
  lang: Lang;
  token: string;
  /** Ids of documents an officer asked for (supplement): marked "Cần bổ sung". */
  highlight?: readonly string[];
  /** Announces progress and outcomes politely (a role=status element). */
  announce: (text: string) => void;
  /** After every upload or removal, with the dossier's attachments as they are now. */
  onChange?: (attachments: AttachmentView[]) => void;
}

export interface DocumentsPanel {
  /** Re-reads the dossier (attachments, form data for conditional documents) and redraws. */
  update(dossier: DossierView): void;
  attachments(): AttachmentView[];
  /** Required documents with no file. */
  missing(): ProcedureDocument[];
  /** Marks these documents as missing (message + aria-invalid) and returns the first control. */
  showMissing(ids: readonly string[]): HTMLElement | null;
  focusDocument(id: string): void;
  /** True while a file is on its way. */
  busy(): boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderDocuments(container: HTMLElement, procedure: Procedure, dossier: DossierView, options: DocumentsOptions): DocumentsPanel {
  const t = TEXT[options.lang];
  const lang = options.lang;
  let current = dossier;
  let attachments = [...dossier.attachments];
  let inFlight = 0;
  const docName = (d: ProcedureDocument) => (lang === 'vi' ? d.nameVi : d.nameEn);
  const hint = (d: ProcedureDocument) => (lang === 'vi' ? d.hintVi : d.hintEn);
  const list = el('ul', { class: 'documents-list' });
  container.replaceChildren(list);

  const changed = () => options.onChange?.([...attachments]);

  function fileRow(doc: ProcedureDocument, a: AttachmentView): HTMLLIElement {
    const li = el('li', { class: 'document-file', 'data-attachment': a.attachmentId });
    li.append(el('span', { class: 'file-name' }, a.fileName), el('span', { class: 'muted' }, `${TYPE_NAMES[a.contentType] ?? a.contentType}, ${formatBytes(a.sizeBytes, lang)}`));
    const remove = el('button', { type: 'button', class: 'link-button', 'aria-label': t.remove(a.fileName), 'data-remove': '' }, t.removeShort);
    remove.addEventListener('click', () => {
      remove.disabled = true;
      deleteAttachment(current.dossierId, a.attachmentId, { lang, token: options.token })
        .then(() => {
          attachments = attachments.filter((x) => x.attachmentId !== a.attachmentId);
          options.announce(t.removed(a.fileName));
          draw();
          changed();
          focusDocument(doc.id);
        })
        .catch((error: unknown) => {
          remove.disabled = false;
          // Already gone (another device): drop it here too.
          if (error instanceof ApiError && error.status === 404) {
            attachments = attachments.filter((x) => x.attachmentId !== a.attachmentId);
            draw();
            changed();
            return;
          }
          showError(doc.id, error instanceof ApiError ? error.title : t.fallback);
        });
    });
    li.append(remove);
    return li;
  }

  function showError(docId: string, message: string | null): void {
    const item = list.querySelector<HTMLElement>(`[data-document="${CSS.escape(docId)}"]`);
    if (!item) return;
    const error = item.querySelector<HTMLElement>('.error-message')!;
    const input = item.querySelector<HTMLInputElement>('input[type="file"]')!;
    error.hidden = message === null;
    error.textContent = message ?? '';
    item.classList.toggle('form-group-error', message !== null);
    if (message === null) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  }

  function upload(doc: ProcedureDocument, file: File, item: HTMLElement, input: HTMLInputElement): void {
    const problem = checkFile(file, doc, lang);
    if (problem) {
      showError(doc.id, problem);
      input.value = '';
      return;
    }
    showError(doc.id, null);
    const progressRow = item.querySelector<HTMLElement>('[data-progress]')!;
    const bar = progressRow.querySelector('progress')!;
    const label = progressRow.querySelector<HTMLElement>('[data-progress-text]')!;
    const setProgress = (fraction: number) => {
      const pct = Math.round(fraction * 100);
      bar.value = pct;
      label.textContent = t.uploading(file.name, pct);
    };
    progressRow.hidden = false;
    setProgress(0);
    input.disabled = true;
    inFlight++;
    let announced = 0;
    const contentType = fileType(file) as 'application/pdf' | 'image/jpeg' | 'image/png';
    createAttachment(current.dossierId, { documentId: doc.id, fileName: file.name, contentType, sizeBytes: file.size }, { lang, token: options.token })
      .then(async (target) => {
        await putFile(target, file, (fraction) => {
          setProgress(fraction);
          // Screen readers hear every quarter, not every event.
          const quarter = Math.floor(fraction * 4);
          if (quarter > announced && quarter < 4) {
            announced = quarter;
            options.announce(t.uploading(file.name, quarter * 25));
          }
        }).catch(async (error: unknown) => {
          // The record exists but the file never arrived: remove it so it does not linger.
          await deleteAttachment(current.dossierId, target.attachment.attachmentId, { lang, token: options.token }).catch(() => undefined);
          throw error;
        });
        attachments = [...attachments.filter((x) => x.attachmentId !== target.attachment.attachmentId), { ...target.attachment, status: 'uploaded' }];
        options.announce(t.uploaded(file.name));
        inFlight--;
        draw();
        changed();
        focusDocument(doc.id);
      })
      .catch((error: unknown) => {
        inFlight--;
        input.disabled = false;
        input.value = '';
        progressRow.hidden = true;
        const message = error instanceof ApiError ? error.title : error instanceof UploadError && error.status === 403 ? t.expired : t.failed(file.name);
        showError(doc.id, message);
        options.announce(message);
      });
  }

  function draw(): void {
    const required = new Set(procedure.documents.filter((d) => documentRequired(d, current.data)).map((d) => d.id));
    const highlight = new Set(options.highlight ?? []);
    list.replaceChildren(
      ...procedure.documents.map((doc) => {
        const inputId = `doc-${doc.id}`;
        const files = attachments.filter((a) => a.documentId === doc.id);
        const item = el('li', { class: 'document-item', 'data-document': doc.id, 'data-required': String(required.has(doc.id)) });
        const heading = el('h3', { id: `${inputId}-name` }, docName(doc));
        item.append(heading);
        const tags = el('p', { class: 'document-tags' });
        tags.append(el('span', { class: required.has(doc.id) ? 'mandatory' : 'muted' }, required.has(doc.id) ? t.required : t.optional));
        if (highlight.has(doc.id)) tags.append(' · ', el('strong', { class: 'tag', 'data-tone': 'warning' }, t.needed));
        item.append(tags);
        const hintId = `${inputId}-hint`;
        const hintText = [hint(doc), t.accepts(doc.accept.map((a) => TYPE_NAMES[a] ?? a).join(', '), formatBytes(doc.maxBytes, lang))].filter(Boolean).join(' ');
        item.append(el('p', { class: 'hint', id: hintId }, hintText));
        const fileList = el('ul', { class: 'document-files', 'aria-labelledby': `${inputId}-name` });
        if (files.length) fileList.append(...files.map((a) => fileRow(doc, a)));
        else fileList.append(el('li', { class: 'muted' }, t.none));
        item.append(fileList);
        const error = el('p', { class: 'error-message', id: `${inputId}-error`, hidden: '' });
        item.append(error);
        const label = el('label', { class: 'label', for: inputId }, files.length ? t.chooseAnother(docName(doc)) : t.choose(docName(doc)));
        const accept = [...doc.accept, ...doc.accept.flatMap((a) => (a === 'application/pdf' ? ['.pdf'] : a === 'image/jpeg' ? ['.jpg', '.jpeg'] : ['.png']))].join(',');
        const input = el('input', { class: 'file-input', type: 'file', id: inputId, accept, 'aria-describedby': `${hintId} ${inputId}-error`, 'data-document-input': doc.id });
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (file) upload(doc, file, item, input);
        });
        const progress = el('div', { class: 'upload-progress', hidden: '', 'data-progress': '' });
        const bar = el('progress', { max: '100', value: '0', 'aria-labelledby': `${inputId}-progress` });
        progress.append(bar, el('span', { id: `${inputId}-progress`, 'data-progress-text': '' }));
        item.append(label, input, progress);
        return item;
      }),
    );
  }

  function focusDocument(id: string): void {
    list.querySelector<HTMLElement>(`[data-document="${CSS.escape(id)}"] input[type="file"]`)?.focus();
  }

  draw();
  return {
    update(next) {
      current = next;
      attachments = [...next.attachments];
      draw();
    },
    attachments: () => [...attachments],
    missing: () => procedure.documents.filter((d) => documentRequired(d, current.data) && !attachments.some((a) => a.documentId === d.id)),
    showMissing(ids) {
      for (const id of ids) showError(id, t.missing);
      const first = ids[0];
      return first ? list.querySelector<HTMLElement>(`[data-document="${CSS.escape(first)}"] input[type="file"]`) : null;
    },
    focusDocument,
    busy: () => inFlight > 0,
  };
}
