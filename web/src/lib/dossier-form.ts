/**
 * Renders one step of a procedure's form (shared/src/procedures/forms.ts) into a container.
 *
 * Plain DOM, no framework and nothing inline (CSP): classes only, styles in styles/site.css. Every
 * control has a <label>/<legend>, its hint and error tied by aria-describedby, autocomplete and
 * inputmode where they help (CCCD: numeric; phone: tel, which keeps "+" for +84). Repeatable groups
 * get add/remove buttons with a polite announcement; conditional fields show and hide as the
 * controlling field changes, also when the controller is on an earlier step (`context`).
 *
 * Reading the values back is dossier-form-values.ts, showing issues dossier-form-issues.ts; the pure
 * helpers live in dossier-form-spec.ts (unit-tested in Node); the DOM parts run in the browser test
 * (test/e2e/dossier-form.test.ts).
 */
import type { FormField, FormSchema, GroupField, LeafField } from '@portal/shared/procedures/forms';
import { hasWardList } from '@portal/shared/geography';
import { vietnamDate } from '@portal/shared/vietnamese';
import { controlSpec, elementId, hcmcWardOptions, hintOf, labelOf, pick, provinceOptions, shown, visibleTopIds } from './dossier-form-spec';
import { readAll, readGroup, readItem, states, type State } from './dossier-form-values';
import type { Lang } from './i18n';

export { controlSpec, elementId, hcmcWardOptions, labelOf, parseNumberInput, provinceOptions, visibleTopIds } from './dossier-form-spec';

export interface RenderOptions {
  lang: Lang;
  /** The dossier's saved data (all steps, flat): fills the controls and drives conditions on earlier steps. */
  data?: Record<string, unknown>;
  /** Prefix of element ids, unique on the page (default `df`). */
  idPrefix?: string;
  /** Vietnam date for date limits (default today). */
  today?: string;
}

const TEXT = {
  vi: {
    optional: '(không bắt buộc)', choose: '— Chọn —', province: 'Tỉnh/thành phố', chooseProvince: '— Chọn tỉnh/thành phố —',
    ward: 'Phường/xã/đặc khu', chooseWard: '— Chọn phường/xã —', street: 'Số nhà, tên đường', add: (item: string) => `Thêm ${item.toLowerCase()}`,
    remove: (item: string) => `Xóa ${item}`, added: (item: string) => `Đã thêm ${item}.`, removed: (item: string) => `Đã xóa ${item}.`,
    count: (n: number, max: number) => `Tối thiểu ${n}, tối đa ${max} mục.`,
  },
  en: {
    optional: '(optional)', choose: '— Choose —', province: 'Province/city', chooseProvince: '— Choose a province/city —',
    ward: 'Ward/commune', chooseWard: '— Choose a ward/commune —', street: 'House number and street', add: (item: string) => `Add ${item.toLowerCase()}`,
    remove: (item: string) => `Remove ${item}`, added: (item: string) => `${item} added.`, removed: (item: string) => `${item} removed.`,
    count: (n: number, max: number) => `At least ${n}, at most ${max} items.`,
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function describedBy(...ids: (string | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

/** Label text with "(không bắt buộc)" for optional fields (required ones carry aria-required). */
function labelText(field: FormField, lang: Lang): string {
  const unit = field.kind === 'number' ? pick(lang, field.unitVi, field.unitEn) : undefined;
  const base = unit ? `${labelOf(field, lang)} (${unit})` : labelOf(field, lang);
  const optional = !field.required && field.kind !== 'checkbox' && !(field.kind === 'group' && field.minItems > 0);
  return optional ? `${base} ${TEXT[lang].optional}` : base;
}

function hintAndError(wrapper: HTMLElement, id: string, field: FormField, lang: Lang): { hintId?: string; errorId: string } {
  const hint = hintOf(field, lang);
  let hintId: string | undefined;
  if (hint) {
    hintId = `${id}-hint`;
    wrapper.append(el('p', { class: 'hint', id: hintId }, hint));
  }
  const errorId = `${id}-error`;
  wrapper.append(el('p', { class: 'error-message', id: errorId, hidden: '' }));
  return { hintId, errorId };
}

function fillSelect(select: HTMLSelectElement, placeholder: string, options: { value: string; label: string }[], value: unknown): void {
  select.append(el('option', { value: '' }, placeholder));
  for (const o of options) select.append(el('option', { value: o.value }, o.label));
  select.value = typeof value === 'string' && options.some((o) => o.value === value) ? value : '';
}

function renderAddress(field: LeafField, path: string, value: unknown, s: State): HTMLElement {
  const t = TEXT[s.lang];
  const id = elementId(s.prefix, path);
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const fieldset = el('fieldset', { class: 'fieldset address', id, 'data-kind': 'address', 'aria-describedby': undefined });
  fieldset.append(el('legend', { class: 'label' }, labelText(field, s.lang)));
  const { hintId, errorId } = hintAndError(fieldset, id, field, s.lang);
  fieldset.setAttribute('aria-describedby', describedBy(hintId, errorId)!);
  const required = field.required ? 'true' : undefined;

  const part = (name: string, label: string) => {
    const group = el('div', { class: 'form-group' });
    const partId = `${id}-${name}`;
    group.append(el('label', { class: 'label label-secondary', for: partId }, label));
    group.append(el('p', { class: 'error-message', id: `${partId}-error`, hidden: '' }));
    return { group, partId };
  };

  const p = part('province', t.province);
  const province = el('select', { class: 'select', id: p.partId, 'data-part': 'province', autocomplete: 'address-level1', 'aria-required': required, 'aria-describedby': `${p.partId}-error` });
  fillSelect(province, t.chooseProvince, provinceOptions(s.lang), v.province);
  p.group.append(province);

  const w = part('ward', t.ward);
  const wardSelect = el('select', { class: 'select', id: w.partId, 'data-part': 'ward', 'data-ward': 'list', 'aria-required': required, 'aria-describedby': `${w.partId}-error` });
  fillSelect(wardSelect, t.chooseWard, hcmcWardOptions(), v.ward);
  const wardText = el('input', {
    class: 'input', type: 'text', id: `${w.partId}-text`, 'data-part': 'ward', 'data-ward': 'text', maxlength: '100', autocomplete: 'address-level2',
    'aria-required': required, 'aria-describedby': `${w.partId}-error`,
  });
  if (typeof v.ward === 'string' && !hasWardList(String(v.province ?? ''))) wardText.value = v.ward;
  w.group.append(wardSelect, wardText);

  const st = part('street', t.street);
  const street = el('input', { class: 'input', type: 'text', id: st.partId, 'data-part': 'street', maxlength: '200', autocomplete: 'address-line1', 'aria-required': required, 'aria-describedby': `${st.partId}-error` });
  if (typeof v.street === 'string') street.value = v.street;
  st.group.append(street);

  fieldset.append(p.group, w.group, st.group);
  syncWardControl(fieldset);
  return fieldset;
}

/** Hồ Chí Minh City picks its ward from the list; elsewhere the ward is typed. The unused control is hidden and disabled. */
function syncWardControl(fieldset: HTMLElement): void {
  const province = fieldset.querySelector<HTMLSelectElement>('[data-part="province"]')!;
  const list = fieldset.querySelector<HTMLSelectElement>('[data-ward="list"]')!;
  const text = fieldset.querySelector<HTMLInputElement>('[data-ward="text"]')!;
  const useList = hasWardList(province.value);
  list.hidden = !useList;
  list.disabled = !useList;
  text.hidden = useList;
  text.disabled = useList;
  // The label points at the control in use.
  const label = fieldset.querySelector<HTMLLabelElement>(`label[for="${list.id}"], label[for="${text.id}"]`);
  if (label) label.htmlFor = useList ? list.id : text.id;
}

function renderLeaf(field: LeafField, path: string, value: unknown, s: State): HTMLElement {
  if (field.kind === 'address') {
    const wrapper = el('div', { class: 'form-group', 'data-field': field.id, 'data-path': path });
    wrapper.append(renderAddress(field, path, value, s));
    return wrapper;
  }
  const id = elementId(s.prefix, path);
  const wrapper = el('div', { class: field.kind === 'checkbox' ? 'form-group checkbox-group' : 'form-group', 'data-field': field.id, 'data-path': path });
  const spec = controlSpec(field, s.today);
  const control = el(spec.tag, {
    id, name: path, class: spec.tag === 'select' ? 'select' : field.kind === 'checkbox' ? 'checkbox-input' : `input${spec.width ? ` ${spec.width}` : ''}`,
    type: spec.type, inputmode: spec.inputmode, autocomplete: spec.autocomplete, maxlength: spec.maxlength?.toString(), min: spec.min, max: spec.max,
    spellcheck: spec.spellcheck === false ? 'false' : undefined, 'aria-required': field.required ? 'true' : undefined, 'data-kind': field.kind,
    rows: spec.tag === 'textarea' ? '4' : undefined,
  }) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  const label = el('label', { class: field.kind === 'checkbox' ? 'checkbox-label' : 'label', for: id }, labelText(field, s.lang));
  if (field.kind === 'checkbox') {
    const row = el('div', { class: 'checkbox' });
    row.append(control, label);
    wrapper.append(row);
    const { hintId, errorId } = hintAndError(wrapper, id, field, s.lang);
    control.setAttribute('aria-describedby', describedBy(hintId, errorId)!);
    (control as HTMLInputElement).checked = value === true;
    return wrapper;
  }
  wrapper.append(label);
  const { hintId, errorId } = hintAndError(wrapper, id, field, s.lang);
  control.setAttribute('aria-describedby', describedBy(hintId, errorId)!);
  if (field.kind === 'select') {
    fillSelect(control as HTMLSelectElement, TEXT[s.lang].choose, field.options.map((o) => ({ value: o.value, label: labelOf(o, s.lang) })), value);
  } else if (typeof value === 'string' || typeof value === 'number') {
    (control as HTMLInputElement).value = field.kind === 'number' && typeof value === 'number' && s.lang === 'vi' ? String(value).replace('.', ',') : String(value);
  }
  wrapper.append(control);
  return wrapper;
}

function itemLabel(group: GroupField, index: number, lang: Lang): string {
  return `${pick(lang, group.itemLabelVi, group.itemLabelEn)} ${index + 1}`;
}

function renderGroupItem(group: GroupField, index: number, item: Record<string, unknown>, s: State): HTMLElement {
  const path = `${group.id}.${index}`;
  const fieldset = el('fieldset', { class: 'fieldset group-item', id: elementId(s.prefix, path), 'data-group-item': String(index) });
  fieldset.append(el('legend', { class: 'label group-item-title' }, itemLabel(group, index, s.lang)));
  for (const sub of group.fields) fieldset.append(renderLeaf(sub, `${path}.${sub.id}`, item[sub.id], s));
  const remove = el('button', { type: 'button', class: 'button button-secondary button-small', 'data-remove-item': String(index) }, TEXT[s.lang].remove(itemLabel(group, index, s.lang)));
  fieldset.append(remove);
  return fieldset;
}

function renderGroup(group: GroupField, value: unknown, s: State): HTMLElement {
  const id = elementId(s.prefix, group.id);
  const wrapper = el('div', { class: 'form-group repeatable', 'data-field': group.id, 'data-path': group.id, 'data-kind': 'group' });
  const fieldset = el('fieldset', { class: 'fieldset', id });
  fieldset.append(el('legend', { class: 'label' }, labelText(group, s.lang)));
  const hint = [hintOf(group, s.lang), TEXT[s.lang].count(group.minItems, group.maxItems)].filter(Boolean).join(' ');
  const hintId = `${id}-hint`;
  fieldset.append(el('p', { class: 'hint', id: hintId }, hint));
  fieldset.append(el('p', { class: 'error-message', id: `${id}-error`, hidden: '' }));
  fieldset.setAttribute('aria-describedby', `${hintId} ${id}-error`);
  const list = el('div', { class: 'group-items', 'data-items': '' });
  const items = Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
  const count = Math.min(group.maxItems, Math.max(group.minItems, items.length, group.required ? 1 : 0));
  for (let i = 0; i < count; i++) list.append(renderGroupItem(group, i, items[i] ?? {}, s));
  const add = el('button', { type: 'button', class: 'button button-secondary', 'data-add-item': '' }, TEXT[s.lang].add(pick(s.lang, group.itemLabelVi, group.itemLabelEn)));
  const live = el('p', { class: 'visually-hidden', 'aria-live': 'polite', 'data-group-status': '' });
  fieldset.append(list, add, live);
  wrapper.append(fieldset);
  syncGroupButtons(wrapper, group);
  return wrapper;
}

function syncGroupButtons(wrapper: HTMLElement, group: GroupField): void {
  const items = wrapper.querySelectorAll('[data-group-item]').length;
  wrapper.querySelector<HTMLButtonElement>('[data-add-item]')!.disabled = items >= group.maxItems;
  for (const b of wrapper.querySelectorAll<HTMLButtonElement>('[data-remove-item]')) b.disabled = items <= group.minItems;
}

function findGroup(s: State, id: string): GroupField | undefined {
  const f = s.step.fields.find((x) => x.id === id);
  return f?.kind === 'group' ? f : undefined;
}

/** Re-renders a group's items from the given values (after an add or a remove, so ids and legends stay in order). */
function rerenderItems(wrapper: HTMLElement, group: GroupField, items: Record<string, unknown>[], s: State): void {
  const list = wrapper.querySelector<HTMLElement>('[data-items]')!;
  list.replaceChildren(...items.map((item, i) => renderGroupItem(group, i, item, s)));
  syncGroupButtons(wrapper, group);
}

function onClick(container: HTMLElement, event: Event): void {
  const s = states.get(container);
  const target = event.target as HTMLElement | null;
  if (!s || !target) return;
  const button = target.closest<HTMLButtonElement>('[data-add-item], [data-remove-item]');
  if (!button) return;
  const wrapper = button.closest<HTMLElement>('[data-kind="group"]')!;
  const group = findGroup(s, wrapper.dataset.field!);
  if (!group) return;
  const items = readGroup(wrapper, group, s);
  const status = wrapper.querySelector<HTMLElement>('[data-group-status]')!;
  if (button.hasAttribute('data-add-item')) {
    if (items.length >= group.maxItems) return;
    items.push({});
    rerenderItems(wrapper, group, items, s);
    status.textContent = TEXT[s.lang].added(itemLabel(group, items.length - 1, s.lang));
    wrapper.querySelector<HTMLElement>(`[data-group-item="${items.length - 1}"] input, [data-group-item="${items.length - 1}"] select, [data-group-item="${items.length - 1}"] textarea`)?.focus();
  } else {
    const index = Number(button.dataset.removeItem);
    if (items.length <= group.minItems) return;
    const removed = itemLabel(group, index, s.lang);
    items.splice(index, 1);
    rerenderItems(wrapper, group, items, s);
    status.textContent = TEXT[s.lang].removed(removed);
    wrapper.querySelector<HTMLButtonElement>('[data-add-item]')!.focus();
  }
  updateVisibility(container);
}

/** Shows and hides conditional fields for the current values (this step's controls over the saved context). */
export function updateVisibility(container: HTMLElement): void {
  const s = states.get(container);
  if (!s) return;
  const values = { ...s.context, ...readAll(container, s) };
  const visible = visibleTopIds(s.form, values);
  for (const field of s.step.fields) {
    const wrapper = container.querySelector<HTMLElement>(`[data-path="${field.id}"]`);
    if (wrapper) wrapper.hidden = !visible.has(field.id);
    if (field.kind !== 'group' || !wrapper) continue;
    const siblings = new Set(field.fields.map((f) => f.id));
    for (const item of wrapper.querySelectorAll<HTMLElement>('[data-group-item]')) {
      const itemValues = readItem(item, field, s);
      const seen = new Set<string>();
      for (const sub of field.fields) {
        const ctrl = sub.visibleWhen?.field;
        const isShown = !ctrl || (siblings.has(ctrl) ? shown(sub, itemValues, seen) : shown(sub, values, visible));
        if (isShown) seen.add(sub.id);
        const subWrapper = item.querySelector<HTMLElement>(`[data-field="${sub.id}"]`);
        if (subWrapper) subWrapper.hidden = !isShown;
      }
    }
  }
}

/**
 * Renders `stepId` of `form` into `container` (replacing what was there) with `data` filled in.
 * Returns the container's first control, for the page to focus if it wants.
 */
export function renderStep(container: HTMLElement, form: FormSchema, stepId: string, options: RenderOptions): HTMLElement | null {
  const step = form.steps.find((x) => x.id === stepId);
  if (!step) throw new Error(`dossier-form: no step '${stepId}'`);
  const s: State = {
    form, step, lang: options.lang, prefix: options.idPrefix ?? 'df', today: options.today ?? vietnamDate(new Date()), context: { ...(options.data ?? {}) },
  };
  const fresh = !states.has(container);
  states.set(container, s);
  container.classList.add('dossier-form');
  container.replaceChildren(el('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: '', 'data-form-errors': '' }));
  for (const field of step.fields) {
    container.append(field.kind === 'group' ? renderGroup(field, s.context[field.id], s) : renderLeaf(field, field.id, s.context[field.id], s));
  }
  if (fresh) {
    container.addEventListener('click', (e) => onClick(container, e));
    const onChange = (e: Event) => {
      const target = e.target as HTMLElement | null;
      const address = target?.closest<HTMLElement>('[data-kind="address"]');
      if (address && target?.getAttribute('data-part') === 'province') syncWardControl(address);
      updateVisibility(container);
    };
    container.addEventListener('change', onChange);
    container.addEventListener('input', onChange);
  }
  updateVisibility(container);
  return container.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea');
}
