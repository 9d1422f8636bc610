/**
 * Pages whose address carries a value the static site cannot pre-build (a receipt or licence number). The
 * site builds ONE page per prefix; the page's script reads the value from the path. The local
 * static server (and the CloudFront Function in AWS) serve `<prefix><anything>` with the prefix's
 * page, so `/tra-cuu/bien-lai/HD-2026-000001` shows `/tra-cuu/bien-lai/index.html`.
 */
export const DYNAMIC_PAGES = ['/tra-cuu/bien-lai/', '/en/verify/receipt/', '/tra-cuu/giay-phep/', '/en/verify/licence/'] as const;

/** The object key that serves `pathname`, when it is under a dynamic page's prefix; else undefined. */
export function dynamicPageKey(pathname: string): string | undefined {
  const prefix = DYNAMIC_PAGES.find((p) => pathname.startsWith(p) && pathname.length > p.length);
  return prefix ? `${prefix}index.html` : undefined;
}
