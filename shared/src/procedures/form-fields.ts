/**
 * The shape of a procedure's declarative form: steps of typed fields (see forms.ts for the data
 * shape and the zod schema that checks a form definition). Types only, so the rules that walk a
 * form (form-rules.ts, field-values.ts) and the schema that defines it (forms.ts) all depend on
 * this module and never on each other in a circle.
 */
export interface VisibleWhen {
  /** Id of an earlier field (top level, or a sibling inside the same group item). */
  field: string;
  /** Option value of a select, or true/false for a checkbox. */
  equals: string | boolean;
}

interface FieldBase {
  /** `^[a-zA-Z][a-zA-Z0-9_]{0,63}$`, unique in the form. */
  id: string;
  labelVi: string;
  labelEn: string;
  hintVi?: string;
  hintEn?: string;
  required?: boolean;
  visibleWhen?: VisibleWhen;
}

export interface TextField extends FieldBase {
  kind: 'text';
  maxLength: number;
  /** Anchored regular expression source (unicode), e.g. `\\d{10,13}` for a tax code. */
  pattern?: string;
  /** What the pattern expects, shown when it does not match. */
  patternHintVi?: string;
  patternHintEn?: string;
  /** HTML autocomplete token (WCAG 1.3.5), e.g. `name`, `organization`. */
  autocomplete?: string;
}
export interface TextareaField extends FieldBase { kind: 'textarea'; maxLength: number }
export interface NumberField extends FieldBase { kind: 'number'; min?: number; max?: number; integer?: boolean; unitVi?: string; unitEn?: string }
export interface DateField extends FieldBase {
  kind: 'date';
  /** past: today or earlier (a date of birth, an issue date); future: today or later. */
  range?: 'past' | 'future';
  /** HTML autocomplete token, e.g. `bday`. */
  autocomplete?: string;
}
export interface SelectOption { value: string; labelVi: string; labelEn: string }
export interface SelectField extends FieldBase { kind: 'select'; options: SelectOption[] }
/** A yes/no box; `required` means it must be ticked (a declaration). */
export interface CheckboxField extends FieldBase { kind: 'checkbox' }
/** The 12-digit personal identification number printed on the căn cước (CCCD) card. */
export interface CccdField extends FieldBase { kind: 'cccd' }
/** A Vietnamese mobile number: 0 + 9 digits, or +84 + 9 digits. */
export interface PhoneField extends FieldBase { kind: 'phone' }
export interface EmailField extends FieldBase { kind: 'email' }
export interface AddressField extends FieldBase { kind: 'address' }

export type LeafField =
  | TextField | TextareaField | NumberField | DateField | SelectField | CheckboxField | CccdField | PhoneField | EmailField | AddressField;

/** A repeatable group of fields (staff list, equipment list); groups do not nest. */
export interface GroupField extends FieldBase {
  kind: 'group';
  minItems: number;
  maxItems: number;
  /** "Nhân sự" → items read "Nhân sự 1", "Nhân sự 2"… */
  itemLabelVi: string;
  itemLabelEn: string;
  fields: LeafField[];
}

export type FormField = LeafField | GroupField;
export type FieldKind = FormField['kind'];

export interface FormStep {
  id: string;
  titleVi: string;
  titleEn: string;
  fields: FormField[];
}

export interface FormSchema {
  steps: FormStep[];
}

// ---- The schema of the DSL itself (checks the catalogue at build time) ----
