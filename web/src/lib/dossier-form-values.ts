/**
 * Reads a rendered form step back (dossier-form.ts draws it): the values flat by field id, a
 * repeatable group as an array of items, hidden conditional fields left out. Also holds what was
 * drawn into each container, which rendering, reading and the issues all share.
 */
import type { FormSchema, FormStep, GroupField, LeafField } from '@portal/shared/procedures/forms';
import { elementId, parseNumberInput } from './dossier-form-spec';
import type { Lang } from './i18n';

export interface State {
  form: FormSchema;
  step: FormStep;
  lang: Lang;
  prefix: string;
  today: string;
  /** Data of the whole dossier (other steps included) as last rendered. */
  context: Record<string, unknown>;
}

/** What renderStep drew into each container: reading and issues work from it. */
export const states = new WeakMap<HTMLElement, State>();

function readLeaf(scope: ParentNode, field: LeafField, path: string, s: State): unknown {
  if (field.kind === 'address') {
    const fieldset = scope.querySelector<HTMLElement>(`#${CSS.escape(elementId(s.prefix, path))}`);
    if (!fieldset) return undefined;
    const province = fieldset.querySelector<HTMLSelectElement>('[data-part="province"]')!.value;
    const ward = fieldset.querySelector<HTMLInputElement | HTMLSelectElement>('[data-part="ward"]:not([disabled])')?.value ?? '';
    const street = fieldset.querySelector<HTMLInputElement>('[data-part="street"]')!.value;
    return { province, ward: ward.trim(), street: street.trim() };
  }
  const control = scope.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#${CSS.escape(elementId(s.prefix, path))}`);
  if (!control) return undefined;
  if (field.kind === 'checkbox') return (control as HTMLInputElement).checked;
  if (field.kind === 'number') return parseNumberInput(control.value);
  return control.value;
}

export function readItem(item: HTMLElement, group: GroupField, s: State): Record<string, unknown> {
  const index = item.dataset.groupItem!;
  const out: Record<string, unknown> = {};
  for (const sub of group.fields) {
    const wrapper = item.querySelector<HTMLElement>(`[data-field="${sub.id}"]`);
    if (wrapper?.hidden) continue;
    const v = readLeaf(item, sub, `${group.id}.${index}.${sub.id}`, s);
    if (v !== undefined) out[sub.id] = v;
  }
  return out;
}

export function readGroup(wrapper: HTMLElement, group: GroupField, s: State): Record<string, unknown>[] {
  return [...wrapper.querySelectorAll<HTMLElement>('[data-group-item]')].map((item) => readItem(item, group, s));
}

export function readAll(container: HTMLElement, s: State): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of s.step.fields) {
    const wrapper = container.querySelector<HTMLElement>(`[data-path="${field.id}"]`);
    if (!wrapper) continue;
    const v = field.kind === 'group' ? readGroup(wrapper, field, s) : readLeaf(wrapper, field, field.id, s);
    if (v !== undefined) out[field.id] = v;
  }
  return out;
}

/**
 * The values of the rendered step, flat by field id (a group → an array of items). Hidden
 * conditional fields are left out; empty boxes read as '' so a saved value can be cleared.
 */
export function readStep(container: HTMLElement): Record<string, unknown> {
  const s = states.get(container);
  if (!s) return {};
  const all = readAll(container, s);
  for (const field of s.step.fields) {
    const wrapper = container.querySelector<HTMLElement>(`[data-path="${field.id}"]`);
    if (wrapper?.hidden) delete all[field.id];
  }
  return all;
}
