/** The dev identity provider's sign-in page: Vietnamese, accessible, no script. */
import { ROLE_LABELS, ROLES } from '@portal/shared/roles';
import { demoUsers } from '../demo-users';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Only same-origin paths may be a return target (no open redirect), with an optional plain query
 * and fragment (`/ho-so/nop/?thu-tuc=<code>`, `/ho-so/chi-tiet/#<dossierId>`).
 */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && value.length <= 300 && /^\/(?!\/)[\w\-./~%]*(\?[\w\-.~%=&]*)?(#[\w\-.~%]*)?$/.test(value) ? value : '/tai-khoan/';
}

export function loginPage(returnPath: string, error?: string): string {
  const groups = ROLES.map((role) => {
    const options = demoUsers
      .filter((u) => u.role === role)
      .map((u) => {
        const binding = u.organisationId ?? u.unitId ?? (u.hospitalId ? `${u.hospitalId}${u.duties?.length ? ` · ${u.duties.join(', ')}` : ''}` : '');
        return `<option value="${escape(u.id)}">${escape(u.name)}${binding ? ` — ${escape(binding)}` : ''}</option>`;
      })
      .join('');
    return `<optgroup label="${escape(ROLE_LABELS[role].vi)}">${options}</optgroup>`;
  }).join('');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập (môi trường thử nghiệm) — Cổng dịch vụ y tế</title>
<link rel="stylesheet" href="/sandbox/assets/sandbox.css">
</head>
<body>
<main id="main">
<h1>Đăng nhập</h1>
<p class="note">Đây là máy chủ định danh thử nghiệm chỉ chạy trên máy cục bộ. Chọn một tài khoản mẫu để đăng nhập. <span lang="en">(Local sandbox sign-in: pick a demo account.)</span></p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/sandbox/login">
<input type="hidden" name="return" value="${escape(returnPath)}">
<label for="user">Tài khoản mẫu</label>
<select id="user" name="user" required>${groups}</select>
<button type="submit">Đăng nhập</button>
</form>
</main>
</body>
</html>`;
}

export const SANDBOX_CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.5;margin:0;color:#0b0c0c;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1.5rem}
h1{font-size:2rem;margin:0 0 1rem}
.note{background:#fff7bf;border-left:6px solid #b58800;padding:.75rem 1rem}
.error{color:#b10e1e;font-weight:700}
label{display:block;font-weight:700;margin:1rem 0 .25rem}
select,button{font:inherit;min-height:44px;width:100%;box-sizing:border-box}
select{border:2px solid #0b0c0c;padding:.25rem}
button{margin-top:1rem;background:#00703c;color:#fff;border:0;padding:.5rem 1rem;cursor:pointer}
:focus-visible{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}`;
