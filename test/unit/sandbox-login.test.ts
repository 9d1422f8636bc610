/** The dev identity provider only sends the browser back to a path of this site (no open redirect). */
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../functions/src/local/sandbox/login-page';

describe('sandbox sign-in return path', () => {
  it('keeps same-site paths with a plain query or fragment (the apply wizard, a dossier page)', () => {
    for (const path of ['/tai-khoan/', '/ho-so/nop/?thu-tuc=cap-moi-giay-phep-hoat-dong-phong-kham', '/en/dossiers/apply/?procedure=x-y&dossier=01JT0000000000000000000000', '/ho-so/chi-tiet/#01JT0000000000000000000000']) {
      expect(safeReturnPath(path)).toBe(path);
    }
  });

  it('refuses other sites, scripts, markup and very long values', () => {
    for (const path of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/x?a=<b>', '/x#"onload', `/${'a'.repeat(400)}`, '', 42, undefined]) {
      expect(safeReturnPath(path)).toBe('/tai-khoan/');
    }
  });
});
