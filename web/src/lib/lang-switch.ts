/**
 * The layout's language switch links to the counterpart page's plain address. Pages whose state
 * lives in the address (the pay link's #token, the result's ?ma=) carry it across with this.
 */
export function carryToCounterpart(suffix: string): void {
  const link = document.querySelector<HTMLAnchorElement>('a.lang-switch');
  if (!link) return;
  const base = link.dataset.base ?? link.getAttribute('href') ?? '';
  link.dataset.base = base;
  link.setAttribute('href', `${base}${suffix}`);
}
