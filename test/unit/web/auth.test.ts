import { describe, expect, it } from 'vitest';
import { isExpired, safeReturnPath, signInHref, tokenExpiry } from '../../../web/src/lib/auth';

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object) => `${b64url({ alg: 'RS256' })}.${b64url(claims)}.c2ln`;

describe('sign-in return path', () => {
  it('keeps same-origin relative paths with their query', () => {
    expect(safeReturnPath('/tai-khoan/', '/x/')).toBe('/tai-khoan/');
    expect(safeReturnPath('/thu-tuc/?q=giay', '/x/')).toBe('/thu-tuc/?q=giay');
  });

  it.each(['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'tai-khoan', '', '/\tevil', null])(
    'refuses %j',
    (raw) => {
      expect(safeReturnPath(raw, '/tai-khoan/')).toBe('/tai-khoan/');
    },
  );
});

describe('the sign-in address', () => {
  it('is the sign-in page of the language, with where to come back to', () => {
    expect(signInHref('/tai-khoan/', 'vi')).toBe('/dang-nhap/?return=%2Ftai-khoan%2F');
    expect(signInHref('/en/dossiers/detail/#d-1', 'en')).toBe('/en/sign-in/?return=%2Fen%2Fdossiers%2Fdetail%2F%23d-1');
  });
});

describe('token expiry (read, not verified)', () => {
  it('reads exp and compares with now', () => {
    const token = jwt({ sub: 'u1', exp: 2_000_000_000, name: 'Nguyễn Thị Ánh' });
    expect(tokenExpiry(token)).toBe(2_000_000_000);
    expect(isExpired(token, 1_999_999_999_000)).toBe(false);
    expect(isExpired(token, 2_000_000_000_000)).toBe(true);
  });

  it('treats an unreadable payload as "no expiry known" (the API decides)', () => {
    expect(tokenExpiry('a.b.c')).toBeNull();
    expect(isExpired('garbage', Date.now())).toBe(false);
  });
});
