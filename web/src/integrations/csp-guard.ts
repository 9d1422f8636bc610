/**
 * Build guard for the Content-Security-Policy (`script-src 'self'; style-src 'self'`): after
 * `astro build`, every HTML file in dist/ is scanned and the build fails if it carries an inline
 * <script>, a <style> element, a style="" attribute or an on*="" event handler, all of which the
 * browser would refuse to run or apply under that policy.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface InlineFinding {
  kind: 'inline-script' | 'style-element' | 'style-attribute' | 'event-handler-attribute';
  excerpt: string;
}

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)(\s(?:[^>"']|"[^"]*"|'[^']*')*)?>/g;
const ATTRIBUTE = /\s([^\s"'=<>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/** Everything in one HTML document that the portal's CSP would block. */
export function findInlineCode(html: string): InlineFinding[] {
  const findings: InlineFinding[] = [];
  for (const tag of html.matchAll(TAG)) {
    const name = (tag[1] ?? '').toLowerCase();
    const attributes = [...(tag[2] ?? '').matchAll(ATTRIBUTE)].map((a) => (a[1] ?? '').toLowerCase());
    const excerpt = tag[0].slice(0, 120);
    if (name === 'script' && !attributes.includes('src')) {
      // A JSON data block is not executed, but it is still inline content we do not want either.
      findings.push({ kind: 'inline-script', excerpt });
    }
    if (name === 'style') findings.push({ kind: 'style-element', excerpt });
    if (attributes.includes('style')) findings.push({ kind: 'style-attribute', excerpt });
    if (attributes.some((a) => /^on[a-z]+$/.test(a))) findings.push({ kind: 'event-handler-attribute', excerpt });
  }
  return findings;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** Scans a built site; returns one line per finding ("path: kind: excerpt"). */
export async function scanDist(dir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await htmlFiles(dir)) {
    for (const finding of findInlineCode(await readFile(file, 'utf8'))) {
      problems.push(`${relative(dir, file)}: ${finding.kind}: ${finding.excerpt}`);
    }
  }
  return problems;
}

export function cspGuard(): AstroIntegration {
  return {
    name: 'portal:csp-guard',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const problems = await scanDist(fileURLToPath(dir));
        if (problems.length > 0) {
          throw new Error(`Inline script or style in the built site (blocked by the CSP):\n${problems.join('\n')}`);
        }
        logger.info('no inline script or style in dist/ (CSP script-src/style-src \'self\')');
      },
    },
  };
}
