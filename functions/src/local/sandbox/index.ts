/**
 * `/sandbox/*`: services that exist only on the local stack (never in the CDK stack; a test
 * checks it): the two OIDC providers (`/sandbox/idp`, `/sandbox/vneid`), the VNPay double, and
 * tokens for scripts. The mailbox, jobs and HIS double mount beside it in server.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { demoUsers } from '../demo-users';
import { send, sendJson, type ReadBody } from '../respond';
import type { LocalIdentity } from './identity';
import { safeReturnPath, SANDBOX_CSS } from './login-page';
import { localVnpaySettings } from './vnpay-settings';
import { vnpayDouble } from './vnpay/index';

export function sandboxRouter(identity: LocalIdentity, options: { origin: string }) {
  const vnpay = vnpayDouble(localVnpaySettings(options.origin));
  return async (req: IncomingMessage, res: ServerResponse, url: URL, readBody: ReadBody): Promise<void> => {
    if (url.pathname.startsWith('/sandbox/vnpay/')) return vnpay(req, res, url, readBody);
    if (await identity.portal.handle(req, res, url, readBody)) return;
    if (await identity.vneid.handle(req, res, url, readBody)) return;
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /sandbox/users':
        return sendJson(res, 200, { users: demoUsers.map(({ email: _email, ...user }) => ({ ...user, duties: user.duties ?? [] })) });
      case 'POST /sandbox/token': {
        // For scripts and tests that need a token without a browser; people sign in at /dang-nhap/.
        const body = parseForm(await readBody(), req.headers['content-type']);
        const token = await identity.issueToken(String(body.user ?? ''));
        if (!token) return sendJson(res, 404, { error: 'unknown_user', message: 'Không có tài khoản mẫu này' });
        return sendJson(res, 200, { access_token: token, id_token: token, token_type: 'Bearer', expires_in: 8 * 3600 });
      }
      case 'GET /sandbox/login':
        // The old address of the demo sign-in: the site's sign-in page now starts the OIDC flow.
        return send(res, 302, '', { location: `/dang-nhap/?return=${encodeURIComponent(safeReturnPath(url.searchParams.get('return')))}` });
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
