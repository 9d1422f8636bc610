import { describe, expect, it } from 'vitest';
import { AppError, toAppError, toProblem } from '../../functions/src/platform/errors';
import { preferredLanguage } from '../../functions/src/platform/http';

const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error('x'), { name, ...extra });

describe('mapping failures to stable codes', () => {
  it('treats throttling, timeouts and transaction conflicts as temporary (503)', () => {
    for (const name of ['ThrottlingException', 'ProvisionedThroughputExceededException', 'TimeoutError'])
      expect(toAppError(named(name)).code, name).toBe('service_unavailable');
  });

  it('treats a failed condition as a conflict (409), also inside a cancelled transaction', () => {
    expect(toAppError(named('ConditionalCheckFailedException')).code).toBe('conflict');
    expect(toAppError(named('TransactionCanceledException', { CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }] })).code).toBe('conflict');
    expect(toAppError(named('TransactionCanceledException', { CancellationReasons: [{ Code: 'ThrottlingError' }] })).code).toBe('service_unavailable');
    expect(toAppError(named('TransactionCanceledException', { CancellationReasons: [{ Code: 'TransactionConflict' }] })).code).toBe('conflict');
    expect(toAppError(named('TransactionConflictException')).code).toBe('conflict');
  });

  it('hides anything else behind internal_error', () => {
    expect(toAppError(new TypeError('boom')).code).toBe('internal_error');
    expect(toAppError('a string').code).toBe('internal_error');
  });

  it('writes an RFC 9457 problem in Vietnamese by default and English on request', () => {
    const error = new AppError('validation_failed', { errors: [{ field: 'body.x', code: 'too_small', message: 'm' }] });
    expect(toProblem(error, 'vi', 'r1')).toMatchObject({ status: 400, code: 'validation_failed', title: 'Dữ liệu gửi lên chưa hợp lệ', requestId: 'r1', errors: [{ field: 'body.x' }] });
    expect(toProblem(error, 'en', 'r1').title).toBe('The request has invalid fields');
  });
});

describe('choosing the language of a response', () => {
  it('answers in Vietnamese unless English is preferred', () => {
    expect(preferredLanguage(undefined)).toBe('vi');
    expect(preferredLanguage('en')).toBe('en');
    expect(preferredLanguage('en-US,en;q=0.9')).toBe('en');
    expect(preferredLanguage('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(preferredLanguage('fr-FR,en;q=0.5,vi;q=0.7')).toBe('vi');
    expect(preferredLanguage('de')).toBe('vi');
  });
});
