/**
 * The local OIDC provider's pages: the consent page (pick a demo account, or cancel) and the
 * messages it shows instead of redirecting (unknown client, unregistered redirect URI, signed out).
 * Vietnamese first, English with `ui_locales=en`; no script; WCAG 2.1 AA (checked by axe in e2e).
 */
export type PageLang = 'vi' | 'en';

export interface ConsentAccount {
  id: string;
  /** What the picker shows: a name and, for staff, what they are bound to. */
  label: string;
  /** Picker group (a role). */
  group: { vi: string; en: string };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TEXT = {
  vi: {
    heading: 'Đăng nhập',
    note: 'Đây là máy chủ định danh thử nghiệm chỉ chạy trên máy cục bộ. Chọn một tài khoản mẫu để đăng nhập.',
    noteOther: '(Local sandbox sign-in: pick a demo account.)',
    account: 'Tài khoản mẫu',
    submit: 'Đăng nhập',
    cancel: 'Hủy, quay lại cổng',
    pick: 'Vui lòng chọn một tài khoản mẫu.',
    errorTitle: 'Có lỗi',
  },
  en: {
    heading: 'Sign in',
    note: 'This is a sandbox identity provider that runs only on this machine. Pick a demo account to sign in.',
    noteOther: '',
    account: 'Demo account',
    submit: 'Sign in',
    cancel: 'Cancel and go back to the portal',
    pick: 'Please pick a demo account.',
    errorTitle: 'There is a problem',
  },
} as const;

const MESSAGES = {
  unknownClient: {
    vi: { title: 'Ứng dụng không được đăng ký', text: 'Yêu cầu đăng nhập đến từ một ứng dụng chưa được đăng ký với máy chủ định danh này.' },
    en: { title: 'Unknown application', text: 'The sign-in request came from an application this identity provider does not know.' },
  },
  badRedirect: {
    vi: { title: 'Địa chỉ quay lại không hợp lệ', text: 'Địa chỉ quay lại sau khi đăng nhập không khớp với địa chỉ đã đăng ký, nên yêu cầu bị từ chối.' },
    en: { title: 'Invalid return address', text: 'The address to return to after sign-in is not the one registered, so the request was refused.' },
  },
  signedOut: {
    vi: { title: 'Bạn đã đăng xuất', text: 'Phiên đăng nhập tại máy chủ định danh thử nghiệm đã kết thúc.' },
    en: { title: 'You have signed out', text: 'Your session at the sandbox identity provider has ended.' },
  },
} as const;

function page(lang: PageLang, title: string, providerName: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — ${escape(providerName)}</title>
<link rel="stylesheet" href="/sandbox/assets/sandbox.css">
</head>
<body>
<main id="main">
${body}
</main>
</body>
</html>`;
}

export function consentPage(input: {
  lang: PageLang;
  action: string;
  name: { vi: string; en: string };
  accounts: readonly ConsentAccount[];
  /** The authorization request's parameters, carried through the form. */
  hidden: Record<string, string>;
  error?: boolean;
}): string {
  const t = TEXT[input.lang];
  const groups = new Map<string, ConsentAccount[]>();
  for (const account of input.accounts) groups.set(account.group[input.lang], [...(groups.get(account.group[input.lang]) ?? []), account]);
  const options = [...groups]
    .map(([group, accounts]) => `<optgroup label="${escape(group)}">${accounts.map((a) => `<option value="${escape(a.id)}">${escape(a.label)}</option>`).join('')}</optgroup>`)
    .join('');
  const hidden = Object.entries(input.hidden)
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join('\n');
  const error = input.error
    ? `<div class="error" role="alert"><h2>${t.errorTitle}</h2><p id="account-error">${t.pick}</p></div>`
    : '';
  return page(
    input.lang,
    t.heading,
    input.name[input.lang],
    `<h1>${t.heading}</h1>
<p class="provider">${escape(input.name[input.lang])}</p>
<p class="note">${t.note}${t.noteOther ? ` <span lang="en">${t.noteOther}</span>` : ''}</p>
${error}
<form method="post" action="${escape(input.action)}">
${hidden}
<label for="account">${t.account}</label>
<select id="account" name="account" required${input.error ? ' aria-invalid="true" aria-describedby="account-error"' : ''}>${options}</select>
<button type="submit" name="action" value="sign-in">${t.submit}</button>
<button type="submit" name="action" value="cancel" class="secondary" formnovalidate>${t.cancel}</button>
</form>`,
  );
}

export function messagePage(lang: PageLang, kind: keyof typeof MESSAGES, name: { vi: string; en: string }): string {
  const m = MESSAGES[kind][lang];
  const home = lang === 'en' ? '/en/' : '/';
  const homeText = lang === 'en' ? 'Go to the portal home page' : 'Về trang chủ Cổng dịch vụ y tế';
  return page(lang, m.title, name[lang], `<h1>${m.title}</h1>\n<p>${m.text}</p>\n<p><a href="${home}">${homeText}</a></p>`);
}
