/**
 * `/sandbox/*`: services that exist only on the local stack (never in the CDK stack; a test
 * checks it). Today: the dev identity provider. Payment double, mailbox and the stream runner
 * mount here as they arrive.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { demoUsers } from '../demo-users';
import { send, sendJson, type ReadBody } from '../respond';
import type { IdentityProvider } from './identity';
import { loginPage, safeReturnPath, SANDBOX_CSS } from './login-page';
import { localVnpaySettings } from './vnpay-settings';
import { vnpayDouble } from './vnpay/index';

export function sandboxRouter(idp: IdentityProvider, options: { origin: string }) {
  const vnpay = vnpayDouble(localVnpaySettings(options.origin));
  return async (req: IncomingMessage, res: ServerResponse, url: URL, readBody: ReadBody): Promise<void> => {
    if (url.pathname.startsWith('/sandbox/vnpay/')) return vnpay(req, res, url, readBody);
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /sandbox/users':
        return sendJson(res, 200, { users: demoUsers.map(({ email: _email, ...user }) => ({ ...user, duties: user.duties ?? [] })) });
      case 'POST /sandbox/token': {
        const body = parseForm(await readBody(), req.headers['content-type']);
        const token = await idp.issueToken(String(body.user ?? ''));
        if (!token) return sendJson(res, 404, { error: 'unknown_user', message: 'Không có tài khoản mẫu này' });
        return sendJson(res, 200, { access_token: token, id_token: token, token_type: 'Bearer', expires_in: 8 * 3600 });
      }
      case 'GET /sandbox/idp/.well-known/jwks.json':
        return sendJson(res, 200, idp.jwks(), { 'cache-control': 'public, max-age=300' });
      case 'GET /sandbox/login':
        return send(res, 200, loginPage(safeReturnPath(url.searchParams.get('return'))), { 'content-type': 'text/html; charset=utf-8' });
      case 'POST /sandbox/login': {
        const body = parseForm(await readBody(), req.headers['content-type']);
        const returnPath = safeReturnPath(body.return);
        const token = await idp.issueToken(String(body.user ?? ''));
        if (!token) return send(res, 400, loginPage(returnPath, 'Vui lòng chọn một tài khoản mẫu.'), { 'content-type': 'text/html; charset=utf-8' });
        // The token travels in the fragment: browsers never send it to a server or a log.
        const fragment = new URLSearchParams({ id_token: token, return: returnPath });
        return send(res, 303, '', { location: `/dang-nhap/xong/#${fragment}` });
      }
      case 'GET /sandbox/assets/sandbox.css':
        return send(res, 200, SANDBOX_CSS, { 'content-type': 'text/css; charset=utf-8' });
      default:
        return sendJson(res, 404, { error: 'not_found' });
    }
  };
}

function parseForm(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (!text) return {};
  if ((contentType ?? '').includes('application/json')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}
