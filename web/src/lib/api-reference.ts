/**
 * Reading the generated OpenAPI document for the reference pages (/tai-lieu-api/, /en/api-reference/):
 * operations grouped by tag, who may call each, and a schema flattened into table rows. Pure: the
 * pages are rendered at build time, nothing of this reaches the browser.
 */
import type { JsonSchema, OpenApiDocument, OperationAuth, OperationObject } from '@portal/shared/api/openapi';
import { ROLE_LABELS, type Duty, type Role } from '@portal/shared/roles';
import type { Lang } from './i18n';

export interface OperationEntry {
  method: string;
  path: string;
  operation: OperationObject;
}

export interface TagGroup {
  tag: string;
  description: string;
  operations: OperationEntry[];
}

const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete'];

/** Operations by tag, in the document's tag order and then path order. */
export function groupByTag(document: OpenApiDocument): TagGroup[] {
  const groups = document.tags.map((t): TagGroup => ({ tag: t.name, description: t.description, operations: [] }));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHOD_ORDER) {
      const operation = item[method];
      if (!operation) continue;
      groups.find((g) => g.tag === operation.tags[0])?.operations.push({ method: method.toUpperCase(), path, operation });
    }
  }
  return groups.filter((g) => g.operations.length > 0);
}

const DUTY_LABELS: Record<Duty, Record<Lang, string>> = {
  scheduler: { vi: 'lập lịch khám', en: 'scheduling' },
  cashier: { vi: 'thu ngân', en: 'cashier' },
  reception: { vi: 'tiếp đón', en: 'reception' },
};

/** "Công khai" / "Cán bộ Sở Y tế, Quản trị hệ thống" with duties and the HIS key, in words. */
export function whoMayCall(auth: OperationAuth, lang: Lang): string {
  if (auth.public) return lang === 'vi' ? 'Công khai, không cần đăng nhập' : 'Public, no sign-in';
  const roles = auth.roles.map((r) => ROLE_LABELS[r as Role]?.[lang] ?? r).join(', ');
  const duties = auth.duties?.map((d) => DUTY_LABELS[d as Duty]?.[lang] ?? d).join(lang === 'vi' ? ' hoặc ' : ' or ');
  const parts = [lang === 'vi' ? `Đăng nhập: ${roles}` : `Signed in: ${roles}`];
  if (duties) parts.push(lang === 'vi' ? `có nhiệm vụ ${duties}` : `with the ${duties} duty`);
  if (auth.apiKey) parts.push(lang === 'vi' ? 'hoặc khóa API của hệ thống thông tin bệnh viện (x-api-key)' : "or a hospital information system's API key (x-api-key)");
  return parts.join(', ');
}

/** The component a `$ref` names, or undefined. */
export const refName = (schema: JsonSchema | undefined): string | undefined =>
  typeof schema?.$ref === 'string' ? schema.$ref.replace('#/components/schemas/', '') : undefined;

/** Anchor of a component on the page. */
export const schemaAnchor = (name: string): string => `schema-${name}`;
/** Anchor of an operation on the page: its route id. */
export const operationAnchor = (operationId: string): string => `op-${operationId.replaceAll('.', '-')}`;

/** A type in a word or two: `string`, `integer`, `array of Session`, `PaymentView`, `string | null`. */
export function typeText(schema: JsonSchema, lang: Lang): string {
  const name = refName(schema);
  if (name) return name;
  const of = lang === 'vi' ? 'mảng' : 'array of';
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union) return union.map((s) => typeText(s, lang)).join(' | ');
  const type = schema.type;
  if (Array.isArray(type)) return type.join(' | ');
  if (type === 'array') return `${of} ${typeText((schema.items as JsonSchema | undefined) ?? {}, lang)}`;
  if (type === 'object' && !schema.properties && schema.additionalProperties) return lang === 'vi' ? 'object (khóa → giá trị)' : 'object (key → value)';
  if (typeof type === 'string') return schema.format ? `${type} (${String(schema.format)})` : type;
  if (schema.const !== undefined) return typeof schema.const;
  return lang === 'vi' ? 'bất kỳ' : 'any';
}

/** Allowed values and limits, in words: enums, const, lengths, ranges, patterns (short ones), defaults. */
export function constraintsText(schema: JsonSchema, lang: Lang): string {
  const v = lang === 'vi';
  const parts: string[] = [];
  const values = (schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined)) as unknown[] | undefined;
  if (values) parts.push(`${v ? 'Một trong' : 'One of'}: ${values.map((x) => JSON.stringify(x)).join(', ')}`);
  if (schema.minLength !== undefined) parts.push(`${v ? 'tối thiểu' : 'at least'} ${String(schema.minLength)} ${v ? 'ký tự' : 'characters'}`);
  if (schema.maxLength !== undefined) parts.push(`${v ? 'tối đa' : 'at most'} ${String(schema.maxLength)} ${v ? 'ký tự' : 'characters'}`);
  if (schema.minimum !== undefined) parts.push(`≥ ${String(schema.minimum)}`);
  if (schema.exclusiveMinimum !== undefined) parts.push(`> ${String(schema.exclusiveMinimum)}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${String(schema.maximum)}`);
  if (schema.minItems !== undefined) parts.push(`${v ? 'tối thiểu' : 'at least'} ${String(schema.minItems)} ${v ? 'phần tử' : 'items'}`);
  if (schema.maxItems !== undefined) parts.push(`${v ? 'tối đa' : 'at most'} ${String(schema.maxItems)} ${v ? 'phần tử' : 'items'}`);
  // Formats say it better than their long generated patterns.
  if (typeof schema.pattern === 'string' && !schema.format && schema.pattern.length <= 60) parts.push(`${v ? 'mẫu' : 'pattern'} ${schema.pattern}`);
  if (schema.default !== undefined) parts.push(`${v ? 'mặc định' : 'default'} ${JSON.stringify(schema.default)}`);
  return parts.join('; ');
}

export interface FieldRow {
  /** Dotted path: `patient.fullName`, `items[].code`. */
  name: string;
  type: string;
  /** A component the type names (a link on the page). */
  ref?: string;
  required: boolean;
  description: string;
  constraints: string;
}

/** An object schema as rows: nested inline objects (and arrays of them) expand into dotted names, components stay links. */
export function fieldRows(schema: JsonSchema, lang: Lang, prefix = '', depth = 0): FieldRow[] {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return [];
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows: FieldRow[] = [];
  for (const [key, property] of Object.entries(properties)) {
    const name = `${prefix}${key}`;
    const items = property.type === 'array' ? ((property.items as JsonSchema | undefined) ?? {}) : undefined;
    const ref = refName(property) ?? (items && refName(items));
    rows.push({
      name,
      type: typeText(property, lang),
      ...(ref ? { ref } : {}),
      required: required.has(key),
      description: typeof property.description === 'string' ? property.description : '',
      constraints: constraintsText(items && !ref ? { ...items, ...pick(property, ['minItems', 'maxItems']) } : property, lang),
    });
    if (depth >= 3) continue;
    if (property.properties) rows.push(...fieldRows(property, lang, `${name}.`, depth + 1));
    else if (items?.properties) rows.push(...fieldRows(items, lang, `${name}[].`, depth + 1));
  }
  return rows;
}

function pick(schema: JsonSchema, keys: string[]): JsonSchema {
  return Object.fromEntries(keys.filter((k) => schema[k] !== undefined).map((k) => [k, schema[k]]));
}

/** The content of a request or response in a line: its component, or its media type for a file. */
export function contentOf(content: Record<string, { schema: JsonSchema }> | undefined): { mediaType: string; ref?: string; list?: boolean } | undefined {
  const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
  if (!mediaType || !media) return undefined;
  const items = media.schema.type === 'array' ? (media.schema.items as JsonSchema) : undefined;
  const ref = refName(items ?? media.schema);
  return { mediaType, ...(ref ? { ref } : {}), ...(items ? { list: true } : {}) };
}
