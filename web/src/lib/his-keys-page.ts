/**
 * Browser side of the HIS key page (views/HisKeysAdmin.astro): administrators only (the department
 * gate); a hospital's keys as a table, issuing one (the key shown once in a read-only field, then
 * hidden on request), revoking one after a confirmation dialog that gives focus back.
 */
import { hospitalName } from '@portal/shared/hospitals';
import type { HisKeyView } from '@portal/shared/his-keys';
import { initDepartmentGate, type DepartmentSession } from './department-gate';
import { issueHisKey, listHisKeys, revokeHisKey } from './his-keys-api';
import { HIS_KEYS_TEXT } from './his-keys-texts';
import type { Lang } from './i18n';
import { vietnamDateTime } from './payments-format';
import { cell, errorText, openDialog, required, showResult, wireDialogClose } from './staff-page';

export function initHisKeys(gate: HTMLElement, root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  void initDepartmentGate(gate, root, lang, 'admin').then((session) => {
    if (session) run(root, lang, session);
  });
}

function run(root: HTMLElement, lang: Lang, session: DepartmentSession): void {
  const t = HIS_KEYS_TEXT[lang];
  const options = { lang, token: session.token };
  const hospitalForm = required<HTMLFormElement>(root, '[data-hospital-form]');
  const hospitalSelect = required<HTMLSelectElement>(hospitalForm, '[data-field="hospital"]');
  const result = required<HTMLElement>(root, '[data-keys-result]');
  const status = required<HTMLElement>(root, '[data-keys-status]');
  const keysSection = required<HTMLElement>(root, '[data-keys-section]');
  const heading = required<HTMLElement>(keysSection, '[data-keys-heading]');
  const empty = required<HTMLElement>(keysSection, '[data-keys-empty]');
  const table = required<HTMLTableElement>(keysSection, '[data-keys-table]');
  const rows = required<HTMLTableSectionElement>(keysSection, '[data-keys-rows]');
  const issueSection = required<HTMLElement>(root, '[data-issue-section]');
  const issueForm = required<HTMLFormElement>(issueSection, '[data-issue-form]');
  const labelInput = required<HTMLInputElement>(issueForm, '[data-field="label"]');
  const issueSubmit = required<HTMLButtonElement>(issueForm, '[data-issue-submit]');
  const issued = required<HTMLElement>(issueSection, '[data-issued]');
  const issuedHeading = required<HTMLElement>(issued, '[data-issued-heading]');
  const issuedKey = required<HTMLInputElement>(issued, '[data-issued-key]');
  const dialog = required<HTMLDialogElement>(document, '[data-revoke-dialog]');
  const revokeForm = required<HTMLFormElement>(dialog, '[data-revoke-form]');
  const revokeExplain = required<HTMLElement>(dialog, '[data-revoke-explain]');
  const revokeError = required<HTMLElement>(dialog, '[data-revoke-error]');
  const revokeErrorMessage = required<HTMLElement>(dialog, '[data-revoke-error-message]');
  const revokeConfirm = required<HTMLButtonElement>(dialog, '[data-revoke-confirm]');
  wireDialogClose(dialog);

  let hospitalId = hospitalSelect.value;
  let pending: HisKeyView | undefined;
  const hospital = () => hospitalName(hospitalId);

  const hideKey = () => {
    issuedKey.value = '';
    issued.hidden = true;
  };

  function render(keys: HisKeyView[]): void {
    rows.replaceChildren();
    for (const key of keys) {
      const tr = document.createElement('tr');
      const state = key.status === 'active' ? t.active : t.revoked(vietnamDateTime(key.revokedAt ?? ''), key.revokedBy ?? '');
      tr.append(
        cell(key.label, t.label, { header: true }),
        cell(key.keyId, t.keyId, { className: 'code' }),
        cell(`…${key.lastFour}`, t.lastFour, { className: 'code' }),
        cell(t.issuedBy(vietnamDateTime(key.createdAt), key.createdBy), t.issued),
        cell(state, t.status),
      );
      const actions = cell('', t.actions, { className: 'cell-actions' });
      if (key.status === 'active') {
        const button = Object.assign(document.createElement('button'), { type: 'button', className: 'button button-warning button-small', textContent: t.revokeButton });
        button.setAttribute('aria-label', t.revokeButtonLabel(key.label, key.lastFour));
        button.dataset.revokeKey = key.keyId;
        button.addEventListener('click', () => askRevoke(key, button));
        actions.append(button);
      }
      tr.append(actions);
      rows.append(tr);
    }
    table.hidden = keys.length === 0;
    empty.hidden = keys.length > 0;
  }

  async function load(focusResult: boolean): Promise<void> {
    status.textContent = t.loading(hospital());
    try {
      const list = await listHisKeys(hospitalId, options);
      heading.textContent = t.heading(hospital());
      render(list.keys);
      keysSection.hidden = false;
      issueSection.hidden = false;
      status.textContent = t.loaded(list.keys.length, list.keys.filter((k) => k.status === 'active').length);
      if (focusResult) heading.focus();
    } catch (error) {
      status.textContent = '';
      showResult(result, 'error', errorText(error, lang), { focus: true });
    }
  }

  function askRevoke(key: HisKeyView, opener: HTMLElement): void {
    pending = key;
    revokeExplain.textContent = t.revokeExplain(key.label, key.lastFour, hospital());
    revokeError.hidden = true;
    revokeConfirm.disabled = false;
    revokeConfirm.textContent = t.revokeConfirm;
    openDialog(dialog, opener, revokeConfirm);
  }

  revokeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = pending;
    if (!key) return;
    revokeConfirm.disabled = true;
    revokeConfirm.textContent = t.revoking;
    void revokeHisKey(hospitalId, key.keyId, options).then(
      async (revoked) => {
        dialog.close();
        showResult(result, 'success', t.revokedResult(revoked.label, revoked.lastFour), { focus: true });
        await load(false);
      },
      (error: unknown) => {
        revokeConfirm.disabled = false;
        revokeConfirm.textContent = t.revokeConfirm;
        revokeErrorMessage.textContent = errorText(error, lang);
        revokeError.hidden = false;
        revokeError.focus();
      },
    );
  });

  hospitalForm.addEventListener('submit', (event) => {
    event.preventDefault();
    hospitalId = hospitalSelect.value;
    hideKey();
    result.replaceChildren();
    void load(true);
  });

  issueForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const label = labelInput.value.trim();
    issueSubmit.disabled = true;
    status.textContent = t.issuing;
    void issueHisKey(hospitalId, label || undefined, options)
      .then(async (key) => {
        labelInput.value = '';
        issuedKey.value = key.apiKey;
        issued.hidden = false;
        showResult(result, 'success', t.issuedResult(key.label));
        await load(false);
        issuedHeading.focus();
        issuedKey.select();
      })
      .catch((error: unknown) => {
        status.textContent = '';
        showResult(result, 'error', errorText(error, lang), { focus: true });
      })
      .finally(() => {
        issueSubmit.disabled = false;
      });
  });

  issuedKey.addEventListener('focus', () => issuedKey.select());
  required<HTMLButtonElement>(issued, '[data-issued-hide]').addEventListener('click', () => {
    hideKey();
    status.textContent = t.hidden;
    labelInput.focus();
  });

  void load(false);
}
