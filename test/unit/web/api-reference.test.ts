import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../shared/src/api/openapi';
import { routes } from '../../../shared/src/routes';
import { contentOf, constraintsText, fieldRows, groupByTag, typeText, whoMayCall } from '../../../web/src/lib/api-reference';

const document = buildOpenApiDocument();

describe('the API reference pages read the document', () => {
  it('group every operation under its function, none twice', () => {
    const groups = groupByTag(document);
    const ids = groups.flatMap((g) => g.operations.map((o) => o.operation.operationId));
    expect(ids.sort()).toEqual(routes.filter((r) => r.method !== 'ANY').map((r) => r.id).sort());
    expect(groups.find((g) => g.tag === 'booking')?.operations.map((o) => `${o.method} ${o.path}`)).toContain('POST /api/appointments');
  });

  it('say who may call in the page language: public, roles with duties, the HIS key', () => {
    expect(whoMayCall({ public: true }, 'vi')).toBe('Công khai, không cần đăng nhập');
    expect(whoMayCall({ public: false, roles: ['hospital_staff'], duties: ['cashier'] }, 'vi')).toBe('Đăng nhập: Nhân viên bệnh viện, có nhiệm vụ thu ngân');
    expect(whoMayCall({ public: false, roles: ['officer', 'admin'] }, 'en')).toBe('Signed in: Department officer, Administrator');
    expect(whoMayCall({ public: false, roles: ['hospital_staff'], apiKey: 'his' }, 'en')).toContain("or a hospital information system's API key (x-api-key)");
  });

  it('flatten a schema into rows: nested objects as dotted names, components as links, limits in words', () => {
    const rows = fieldRows(document.components.schemas.Appointment ?? {}, 'vi');
    expect(rows.find((r) => r.name === 'patient.fullName')).toMatchObject({ type: 'string', required: true });
    expect(rows.find((r) => r.name === 'status')?.constraints).toContain('Một trong: "held"');
    expect(rows.find((r) => r.name === 'queueNumber')).toMatchObject({ type: 'integer', required: false, constraints: '' });
    const session = fieldRows(document.components.schemas.SessionBookings ?? {}, 'en').find((r) => r.name === 'session');
    expect(session).toMatchObject({ type: 'StaffSession', ref: 'StaffSession' });
    expect(constraintsText({ type: 'string', minLength: 5, maxLength: 2000 }, 'en')).toBe('at least 5 characters; at most 2000 characters');
    expect(typeText({ type: 'array', items: { $ref: '#/components/schemas/Session' } }, 'vi')).toBe('mảng Session');
  });

  it('name what a response carries: a component, a list of one, or a file type', () => {
    const op = (path: string) => document.paths[path]?.get;
    expect(contentOf(op('/api/hospitals')?.responses['200']?.content)).toEqual({ mediaType: 'application/json', ref: 'Hospital', list: true });
    expect(contentOf(op('/api/payments/{paymentId}/receipt')?.responses['200']?.content)).toEqual({ mediaType: 'application/pdf' });
    expect(contentOf(op('/api/payments/vnpay/return')?.responses['303']?.content)).toBeUndefined();
  });
});
