/** What the sandbox's pages share: the return-path rule of `/sandbox/login` and their stylesheet. */

/**
 * Only same-origin paths may be a return target (no open redirect), with an optional plain query
 * and fragment (`/ho-so/nop/?thu-tuc=<code>`, `/ho-so/chi-tiet/#<dossierId>`).
 */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && value.length <= 300 && /^\/(?!\/)[\w\-./~%]*(\?[\w\-.~%=&]*)?(#[\w\-.~%]*)?$/.test(value) ? value : '/tai-khoan/';
}

export const SANDBOX_CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.5;margin:0;color:#0b0c0c;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1.5rem}
h1{font-size:2rem;margin:0 0 1rem}
.note{background:#fff7bf;border-left:6px solid #b58800;padding:.75rem 1rem}
label{display:block;font-weight:700;margin:1rem 0 .25rem}
select,button{font:inherit;min-height:44px;width:100%;box-sizing:border-box}
select{border:2px solid #0b0c0c;padding:.25rem}
button{margin-top:1rem;background:#00703c;color:#fff;border:0;padding:.5rem 1rem;cursor:pointer}
button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:inset 0 -2px 0 #929191}
.provider{font-weight:700;margin:0 0 1rem}
.error{border:4px solid #b10e1e;padding:.5rem 1rem;margin:1rem 0}
.error h2{font-size:1.25rem;margin:.25rem 0}
a{color:#1d70b8}
:focus-visible{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}`;
