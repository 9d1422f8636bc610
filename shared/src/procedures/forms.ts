/**
 * The declarative form of a procedure: steps of typed fields, from which the server's validator
 * (below, zod/mini) and the browser's renderer (web/src/lib/dossier-form.ts) are both derived.
 *
 * Data shape: FLAT — `Record<fieldId, value>` with field ids unique across the whole form (not per
 * step), so a draft can be saved step by step with a shallow merge and a conditional field may depend
 * on a field of an earlier step. A repeatable group's value is an array of `Record<subFieldId, value>`.
 * Values: text-like fields → string; number → number; checkbox → boolean; address → { province,
 * ward, street } (province = 2-digit code, ward = 5-digit code in Hồ Chí Minh City, text elsewhere).
 *
 * The checking itself lives in form-rules.ts without zod, so the browser can reuse it without the
 * zod runtime (the CSP forbids the eval probe zod uses, ADR 0006).
 */
import * as z from 'zod/mini';
import { validateDossierData, type FormIssue, type ValidateOptions } from './form-rules';

export { validateDossierData, visibleFieldIds, isFieldVisible, normalizePhone, normalizeCccd, FORM_DATA_MAX_CHARS } from './form-rules';
export type { FormIssue, ValidateOptions, ValidationResult, FormMode, AddressValue } from './form-rules';

export type { VisibleWhen, TextField, TextareaField, NumberField, DateField, SelectOption, SelectField, CheckboxField, CccdField, PhoneField, EmailField, AddressField, LeafField, GroupField, FormField, FieldKind, FormStep, FormSchema } from './form-fields';
import type { FormField, FormSchema } from './form-fields';

const FIELD_ID = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const id = z.string().check(z.regex(FIELD_ID));
const label = z.string().check(z.minLength(1), z.maxLength(200));
const hint = z.optional(z.string().check(z.minLength(1), z.maxLength(500)));

const base = {
  id,
  labelVi: label,
  labelEn: label,
  hintVi: hint,
  hintEn: hint,
  required: z.optional(z.boolean()),
  visibleWhen: z.optional(z.strictObject({ field: id, equals: z.union([z.string(), z.boolean()]) })),
};

const autocomplete = z.optional(z.string().check(z.regex(/^[a-z][a-z0-9 -]{0,60}$/)));

const compiles = (source: string) => {
  try {
    new RegExp(`^(?:${source})$`, 'u');
    return true;
  } catch {
    return false;
  }
};

const leafSchemas = [
  z.strictObject({
    ...base, kind: z.literal('text'), maxLength: z.int().check(z.gte(1), z.lte(2000)),
    pattern: z.optional(z.string().check(z.refine(compiles, { message: 'pattern does not compile' }))),
    patternHintVi: hint, patternHintEn: hint, autocomplete,
  }),
  z.strictObject({ ...base, kind: z.literal('textarea'), maxLength: z.int().check(z.gte(1), z.lte(5000)) }),
  z.strictObject({
    ...base, kind: z.literal('number'), min: z.optional(z.number()), max: z.optional(z.number()), integer: z.optional(z.boolean()),
    unitVi: z.optional(z.string().check(z.maxLength(20))), unitEn: z.optional(z.string().check(z.maxLength(20))),
  }),
  z.strictObject({ ...base, kind: z.literal('date'), range: z.optional(z.enum(['past', 'future'])), autocomplete }),
  z.strictObject({
    ...base, kind: z.literal('select'),
    options: z.array(z.strictObject({ value: z.string().check(z.regex(/^[a-z0-9_-]{1,60}$/)), labelVi: label, labelEn: label })).check(z.minLength(2), z.maxLength(100)),
  }),
  z.strictObject({ ...base, kind: z.literal('checkbox') }),
  z.strictObject({ ...base, kind: z.literal('cccd') }),
  z.strictObject({ ...base, kind: z.literal('phone') }),
  z.strictObject({ ...base, kind: z.literal('email') }),
  z.strictObject({ ...base, kind: z.literal('address') }),
] as const;

const leafFieldSchema = z.discriminatedUnion('kind', [...leafSchemas]);
const groupFieldSchema = z.strictObject({
  ...base, kind: z.literal('group'),
  minItems: z.int().check(z.gte(0), z.lte(100)), maxItems: z.int().check(z.gte(1), z.lte(100)),
  itemLabelVi: label, itemLabelEn: label,
  fields: z.array(leafFieldSchema).check(z.minLength(1), z.maxLength(30)),
});
const fieldSchema = z.discriminatedUnion('kind', [...leafSchemas, groupFieldSchema]);

/** Where a field may look for the field its visibility depends on, and what that field is. */
function checkForm(form: FormSchema, ctx: { addIssue: (issue: { code: 'custom'; message: string; path: (string | number)[]; input: unknown }) => void }) {
  const earlier = new Map<string, FormField>();
  const stepIds = new Set<string>();
  const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', message, path, input: form });
  const checkVisibleWhen = (field: FormField, path: (string | number)[], scope: Map<string, FormField>) => {
    if (!field.visibleWhen) return;
    const target = scope.get(field.visibleWhen.field);
    const { equals } = field.visibleWhen;
    if (!target) problem([...path, 'visibleWhen'], `visibleWhen.field '${field.visibleWhen.field}' is not an earlier field`);
    else if (target.kind === 'select' && !target.options.some((o) => o.value === equals)) problem([...path, 'visibleWhen'], `'${String(equals)}' is not an option of '${target.id}'`);
    else if (target.kind === 'checkbox' && typeof equals !== 'boolean') problem([...path, 'visibleWhen'], `'${target.id}' is a checkbox: equals must be true or false`);
    else if (target.kind !== 'select' && target.kind !== 'checkbox') problem([...path, 'visibleWhen'], `'${target.id}' must be a select or a checkbox`);
  };
  form.steps.forEach((step, s) => {
    if (stepIds.has(step.id)) problem(['steps', s, 'id'], `step id '${step.id}' is used twice`);
    stepIds.add(step.id);
    step.fields.forEach((field, f) => {
      const path = ['steps', s, 'fields', f];
      if (earlier.has(field.id)) problem([...path, 'id'], `field id '${field.id}' is used twice in the form`);
      checkVisibleWhen(field, path, earlier);
      if (field.kind === 'number' && field.min !== undefined && field.max !== undefined && field.min > field.max) problem(path, 'min > max');
      if (field.kind === 'group') {
        if (field.minItems > field.maxItems) problem(path, 'minItems > maxItems');
        const scope = new Map(earlier);
        const seen = new Set<string>();
        field.fields.forEach((sub, i) => {
          if (seen.has(sub.id)) problem([...path, 'fields', i, 'id'], `field id '${sub.id}' is used twice in the group`);
          seen.add(sub.id);
          checkVisibleWhen(sub, [...path, 'fields', i], scope);
          scope.set(sub.id, sub);
        });
      }
      earlier.set(field.id, field);
    });
  });
}

export const formSchemaSchema: z.ZodMiniType<FormSchema> = z.strictObject({
  steps: z.array(z.strictObject({ id, titleVi: label, titleEn: label, fields: z.array(fieldSchema).check(z.minLength(1), z.maxLength(60)) }))
    .check(z.minLength(1), z.maxLength(10)),
}).check(z.superRefine((form, ctx) => checkForm(form as FormSchema, ctx)));

/** Every top-level field with the step it belongs to, in order. */
export function formFields(form: FormSchema): FormField[] {
  return form.steps.flatMap((s) => s.fields);
}

/**
 * The zod/mini schema of a dossier's form data (flat `Record<fieldId, value>`):
 * - draft: partial data — every field optional, but a value present must be well-formed (types,
 *   lengths, CCCD/phone/e-mail formats, options, group max size); unknown keys are rejected and the
 *   whole object is bounded (FORM_DATA_MAX_CHARS).
 * - submit: as draft, plus every visible required field present, groups at least minItems long.
 * Hidden conditional fields are neither checked nor kept. The output is the cleaned data (trimmed;
 * submit drops empty values). Issue messages are Vietnamese; `params.messageEn` holds the English.
 * Validate the MERGED draft (stored data + the step being saved), not the step alone: a field whose
 * visibility depends on an earlier step is hidden — and dropped — when that step is missing.
 */
export function formValidator(form: FormSchema, mode: 'draft' | 'submit', opts: ValidateOptions = {}) {
  return z.pipe(
    z.unknown(),
    z.transform((input: unknown, ctx) => {
      const result = validateDossierData(form, input, mode, opts);
      if (result.ok) return result.data;
      for (const issue of result.issues) ctx.issues.push(toZodIssue(issue, input));
      return z.NEVER as unknown as Record<string, unknown>;
    }),
  );
}

function toZodIssue(issue: FormIssue, input: unknown) {
  const path = issue.path ? issue.path.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg)) : [];
  return { code: 'custom' as const, message: issue.messageVi, path, input, params: { messageEn: issue.messageEn, field: issue.field } };
}
