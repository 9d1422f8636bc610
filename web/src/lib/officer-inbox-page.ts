/**
 * Browser side of the officer's inbox (views/OfficerInbox.astro): GET /api/inbox with the filters
 * of the address fragment, chips with the unit's counts, rows sorted by due date, bulk intake
 * (POST /api/inbox/receive, one outcome per dossier) and assignment (POST …/actions `assign`).
 */
import type { DossierSummary, InboxResponse, PersonRef } from '@portal/shared/dossiers/api';
import { ApiError } from './api';
import { initDepartmentGate, type DepartmentSession } from './department-gate';
import { carryToCounterpart } from './lang-switch';
import type { Lang } from './i18n';
import { actOnDossier, conflictingDossier, getInbox, receiveMany } from './officer-api';
import {
  DUE_LABELS, FEE_STATUS_LABELS, INBOX_STATES, bulkOutcome, canAssign, canReceive, conflictText, displayDay, dossierCount, filtersHash,
  parseFilters, personText, rememberFilters, sortByDue, stateLabel, toggleFilter, type InboxFilters,
} from './officer-format';
import { cell, columnLabels, errorText, openDialog, required, setFieldError, showResult, wireDialogClose } from './staff-page';
import type { Tone } from './staff-format';
import { OFFICER_INBOX_TEXT } from './officer-inbox-texts';

export function initOfficerInbox(gate: HTMLElement, root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  void initDepartmentGate(gate, root, lang, 'officer').then((session) => {
    if (session) runInbox(root, lang, session);
  });
}

function runInbox(root: HTMLElement, lang: Lang, session: DepartmentSession): void {
  const t = OFFICER_INBOX_TEXT[lang];
  const options = { lang, token: session.token };
  const detailPath = root.dataset.detailPath ?? '';
  const form = required<HTMLFormElement>(root, '[data-filter-form]');
  const field = (name: string) => required<HTMLSelectElement>(form, `[data-field="${name}"]`);
  const chipList = required<HTMLElement>(root, '[data-chip-list]');
  const result = required<HTMLElement>(root, '[data-result]');
  const listStatus = required<HTMLElement>(root, '[data-list-status]');
  const listError = required<HTMLElement>(root, '[data-list-error]');
  const bulkCount = required<HTMLElement>(root, '[data-bulk-count]');
  const bulkButton = required<HTMLButtonElement>(root, '[data-bulk-receive]');
  const table = required<HTMLTableElement>(root, '[data-inbox-table]');
  const caption = required<HTMLElement>(table, '[data-caption]');
  const body = required<HTMLElement>(table, '[data-inbox-body]');
  const selectAll = required<HTMLInputElement>(table, '[data-select-all]');
  const cols = columnLabels(table);

  const dialog = required<HTMLDialogElement>(document, '[data-assign-dialog]');
  const assignForm = required<HTMLFormElement>(dialog, '[data-assign-form]');
  const assignHeading = required<HTMLElement>(dialog, '[data-assign-heading]');
  const assignSelect = required<HTMLSelectElement>(dialog, '[data-field="assignee"]');
  const assignSubmit = required<HTMLButtonElement>(dialog, '[data-assign-submit]');
  const assignStatus = required<HTMLElement>(dialog, '[data-assign-status]');
  const assignError = required<HTMLElement>(dialog, '[data-assign-error]');
  const assignErrorMessage = required<HTMLElement>(assignError, '[data-assign-error-message]');
  const codeSlot = required<HTMLElement>(dialog, '[data-slot="code"]');
  wireDialogClose(dialog);

  // Only the officer's own unit's procedures are offered.
  for (const group of form.querySelectorAll<HTMLOptGroupElement>('optgroup[data-unit]')) {
    if (group.dataset.unit !== session.unitId) group.remove();
  }
  const procedureNames = new Map<string, string>();
  for (const option of field('procedure').options) if (option.value) procedureNames.set(option.value, option.textContent ?? option.value);

  let filters: InboxFilters = parseFilters(location.hash);
  let items: DossierSummary[] = [];
  let colleagues: PersonRef[] = [];
  const selected = new Set<string>();

  function showFilters(): void {
    field('state').value = filters.state ?? '';
    field('procedure').value = filters.procedure && procedureNames.has(filters.procedure) ? filters.procedure : '';
    field('due').value = filters.due ?? '';
    field('assignee').value = filters.assignee ?? '';
  }

  function go(next: InboxFilters): void {
    filters = next;
    const hash = filtersHash(next);
    if (hash !== (location.hash === '#' ? '' : location.hash)) history.pushState(null, '', hash || `${location.pathname}${location.search}`);
    showFilters();
    void load();
  }

  const codeOf = (item: DossierSummary) => item.code ?? t.noCode;

  /** Every chip, always (a zero count is news too, and a fixed set never moves the page); no counts yet while loading. */
  function renderChips(counts: InboxResponse['counts'] | null): void {
    const chip = (label: string, count: number | undefined, next: InboxFilters, active: boolean) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.className = 'chip';
      a.href = filtersHash(next) || '#';
      if (active) a.setAttribute('aria-current', 'true');
      const name = document.createElement('span');
      name.textContent = label;
      const number = document.createElement('span');
      number.className = 'chip-count';
      number.textContent = count === undefined ? '' : String(count);
      a.append(name, ' ', number);
      a.addEventListener('click', (event) => {
        event.preventDefault();
        result.replaceChildren();
        go(next);
      });
      li.append(a);
      return li;
    };
    const { state: _s, due: _d, ...rest } = filters;
    const chips = [chip(t.all, counts?.total, rest, !filters.state && !filters.due)];
    for (const state of INBOX_STATES) {
      chips.push(chip(stateLabel(state, lang), counts ? (counts.byState[state] ?? 0) : undefined, toggleFilter(filters, 'state', state), filters.state === state));
    }
    chips.push(chip(t.dueSoon, counts?.dueSoon, toggleFilter(filters, 'due', 'due_soon'), filters.due === 'due_soon'));
    chips.push(chip(t.overdue, counts?.overdue, toggleFilter(filters, 'due', 'overdue'), filters.due === 'overdue'));
    chipList.replaceChildren(...chips);
  }

  function updateBulk(): void {
    const receivable = items.filter((i) => canReceive(i.state));
    for (const id of [...selected]) if (!receivable.some((i) => i.dossierId === id)) selected.delete(id);
    bulkCount.textContent = selected.size === 0 ? t.noneSelected : t.selected(selected.size);
    selectAll.disabled = receivable.length === 0;
    selectAll.checked = receivable.length > 0 && selected.size === receivable.length;
    selectAll.indeterminate = selected.size > 0 && selected.size < receivable.length;
  }

  function dueCell(item: DossierSummary): HTMLTableCellElement {
    const td = cell('', cols.due ?? '');
    const wrap = document.createElement('div');
    if (!item.dueDate) {
      wrap.textContent = '—';
    } else {
      wrap.append(document.createTextNode(`${displayDay(item.dueDate)} `));
      if (item.dueState) {
        const tag = document.createElement('span');
        tag.className = 'due-tag';
        tag.dataset.due = item.dueState;
        const mark = document.createElement('span');
        mark.setAttribute('aria-hidden', 'true');
        mark.className = 'due-mark';
        mark.textContent = item.dueState === 'overdue' ? '!' : item.dueState === 'due_soon' ? '◷' : '✓';
        tag.append(mark, ` ${DUE_LABELS[item.dueState][lang]}`);
        wrap.append(tag);
      }
    }
    td.append(wrap);
    return td;
  }

  function render(): void {
    body.replaceChildren(
      ...items.map((item) => {
        const row = document.createElement('tr');
        row.dataset.dossierId = item.dossierId;
        const code = codeOf(item);
        const select = cell('', '', { className: 'cell-select' });
        if (canReceive(item.state)) {
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.className = 'checkbox';
          box.checked = selected.has(item.dossierId);
          box.setAttribute('aria-label', t.selectOne(code));
          box.dataset.select = item.dossierId;
          box.addEventListener('change', () => {
            // "Select at least one" no longer applies once something is ticked.
            if (result.dataset.tone === 'error') result.replaceChildren();
            if (box.checked) selected.add(item.dossierId);
            else selected.delete(item.dossierId);
            updateBulk();
          });
          select.append(box);
        }
        const codeCell = cell('', cols.code ?? '', { header: true, className: 'code' });
        const link = document.createElement('a');
        link.href = `${detailPath}#${encodeURIComponent(item.dossierId)}`;
        link.textContent = code;
        codeCell.append(link);
        const stateCell = cell('', cols.state ?? '');
        const tag = document.createElement('span');
        tag.className = 'tag';
        tag.dataset.state = item.state;
        tag.textContent = stateLabel(item.state, lang);
        stateCell.append(tag);
        const actions = cell('', cols.actions ?? '', { className: 'cell-actions' });
        if (canAssign(item.state)) {
          if (item.assignee?.userId !== session.me.userId) {
            const mine = document.createElement('button');
            mine.type = 'button';
            mine.className = 'button button-small';
            mine.textContent = t.takeIt;
            mine.setAttribute('aria-label', t.takeItOf(code));
            mine.addEventListener('click', () => void assign(item, session.me.userId, mine));
            actions.append(mine);
          }
          const other = document.createElement('button');
          other.type = 'button';
          other.className = 'button button-secondary button-small';
          other.textContent = t.assignOther;
          other.setAttribute('aria-label', t.assignOtherOf(code));
          other.addEventListener('click', () => openAssign(item, other));
          actions.append(other);
        }
        row.append(
          select,
          codeCell,
          cell(procedureNames.get(item.procedureId) ?? item.procedureId, cols.procedure ?? '', { className: 'cell-text' }),
          cell(item.applicantName, cols.applicant ?? ''),
          stateCell,
          dueCell(item),
          cell(personText(item.assignee, session.me.userId, lang), cols.assignee ?? ''),
          cell(FEE_STATUS_LABELS[item.feeStatus][lang], cols.fee ?? ''),
          actions,
        );
        return row;
      }),
    );
    const filtered = Object.keys(filters).length > 0;
    caption.textContent = t.caption(items.length, filtered);
    table.hidden = items.length === 0;
    updateBulk();
  }

  let request: AbortController | null = null;
  async function load(): Promise<void> {
    request?.abort();
    const controller = new AbortController();
    request = controller;
    listStatus.textContent = t.loading;
    listError.hidden = true;
    rememberFilters(filters);
    carryToCounterpart(filtersHash(filters));
    try {
      const inbox = await getInbox(filters, { ...options, signal: controller.signal });
      items = sortByDue(inbox.items);
      colleagues = inbox.colleagues;
      renderChips(inbox.counts);
      render();
      listStatus.textContent = dossierCount(items.length, lang);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      listStatus.textContent = '';
      table.hidden = true;
      listError.replaceChildren(Object.assign(document.createElement('p'), { textContent: errorText(error, lang) }));
      listError.hidden = false;
    }
  }

  /* ---- Bulk intake ---- */

  function showBulkOutcome(tone: Tone, summary: string, lines: { ok: boolean; text: string }[]): void {
    result.replaceChildren();
    result.dataset.tone = tone;
    const p = document.createElement('p');
    p.textContent = summary;
    const list = document.createElement('ul');
    list.className = 'outcome-list';
    for (const line of lines) {
      const li = document.createElement('li');
      li.dataset.ok = String(line.ok);
      li.textContent = line.text;
      list.append(li);
    }
    result.append(p, list);
    result.focus();
  }

  bulkButton.addEventListener('click', () => {
    if (bulkButton.getAttribute('aria-busy') === 'true') return;
    const chosen = items.filter((i) => selected.has(i.dossierId) && canReceive(i.state));
    if (chosen.length === 0) {
      showResult(result, 'error', t.pickFirst, { focus: true });
      return;
    }
    bulkButton.setAttribute('aria-busy', 'true');
    listStatus.textContent = t.receiving(chosen.length);
    const codes = new Map(chosen.map((i) => [i.dossierId, codeOf(i)]));
    receiveMany(chosen.map((i) => ({ dossierId: i.dossierId, version: i.version })), options)
      .then((outcome) => {
        const { tone, summary, lines } = bulkOutcome(outcome, codes, lang);
        for (const r of outcome.results) if (r.ok) selected.delete(r.dossierId);
        showBulkOutcome(tone, summary, lines);
      })
      .catch((error: unknown) => showResult(result, 'error', errorText(error, lang), { focus: true }))
      .finally(() => {
        bulkButton.removeAttribute('aria-busy');
        void load();
      });
  });

  selectAll.addEventListener('change', () => {
    for (const item of items) {
      if (!canReceive(item.state)) continue;
      if (selectAll.checked) selected.add(item.dossierId);
      else selected.delete(item.dossierId);
    }
    for (const box of body.querySelectorAll<HTMLInputElement>('[data-select]')) box.checked = selectAll.checked;
    updateBulk();
  });

  /* ---- Assignment ---- */

  const whoName = (userId: string) => (userId === session.me.userId ? t.you : (colleagues.find((c) => c.userId === userId)?.name ?? userId));

  async function assign(item: DossierSummary, assignee: string, opener: HTMLElement | null, fromDialog = false): Promise<void> {
    const code = codeOf(item);
    if (fromDialog) {
      assignSubmit.disabled = true;
      assignStatus.textContent = t.assigning;
    } else if (opener instanceof HTMLButtonElement) opener.disabled = true;
    try {
      await actOnDossier(item.dossierId, { action: 'assign', version: item.version, assignee }, options);
      if (fromDialog) dialog.close();
      showResult(result, 'success', t.assigned(code, whoName(assignee)), { focus: true });
      void load();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        if (fromDialog) dialog.close();
        showResult(result, 'warning', `${code}: ${conflictText(conflictingDossier(error), session.me.userId, lang)}`, { focus: true });
        void load();
        return;
      }
      if (fromDialog) {
        assignErrorMessage.textContent = errorText(error, lang);
        assignError.hidden = false;
        assignError.focus();
      } else showResult(result, 'error', `${code}: ${errorText(error, lang)}`, { focus: true });
    } finally {
      assignSubmit.disabled = false;
      assignStatus.textContent = '';
      if (opener instanceof HTMLButtonElement && opener.isConnected) opener.disabled = false;
    }
  }

  let assigning: DossierSummary | null = null;
  function openAssign(item: DossierSummary, opener: HTMLElement): void {
    assigning = item;
    codeSlot.textContent = codeOf(item);
    const people = colleagues.some((c) => c.userId === session.me.userId) ? colleagues : [{ userId: session.me.userId, name: session.me.name }, ...colleagues];
    assignSelect.replaceChildren(
      ...people.map((p) => {
        const option = document.createElement('option');
        option.value = p.userId;
        option.textContent = personText(p, session.me.userId, lang);
        option.selected = item.assignee ? p.userId === item.assignee.userId : p.userId === session.me.userId;
        return option;
      }),
    );
    setFieldError(assignForm, 'assignee', null);
    assignError.hidden = true;
    assignStatus.textContent = '';
    openDialog(dialog, opener, assignHeading);
  }

  assignForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!assigning || assignSubmit.disabled) return;
    if (!assignSelect.value) {
      setFieldError(assignForm, 'assignee', lang === 'vi' ? 'Chọn người xử lý' : 'Choose who handles the dossier');
      assignSelect.focus();
      return;
    }
    void assign(assigning, assignSelect.value, null, true);
  });

  /* ---- Filters ---- */

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    result.replaceChildren();
    const next: InboxFilters = parseFilters(
      filtersHash({
        ...(field('state').value ? { state: field('state').value as InboxFilters['state'] } : {}),
        ...(field('procedure').value ? { procedure: field('procedure').value } : {}),
        ...(field('due').value ? { due: field('due').value as InboxFilters['due'] } : {}),
        ...(field('assignee').value ? { assignee: field('assignee').value as InboxFilters['assignee'] } : {}),
      }),
    );
    go(next);
  });
  required<HTMLAnchorElement>(form, '[data-clear-filters]').addEventListener('click', (event) => {
    event.preventDefault();
    result.replaceChildren();
    go({});
  });
  const fromAddress = () => {
    filters = parseFilters(location.hash);
    showFilters();
    void load();
  };
  window.addEventListener('popstate', fromAddress);
  window.addEventListener('hashchange', fromAddress);

  showFilters();
  // The chips work (and show the address's filter) before the counts arrive.
  renderChips(null);
  void load();
}
