import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findInlineCode, scanDist } from '../../../web/src/integrations/csp-guard';

describe('CSP build guard (no inline script or style in the site)', () => {
  it('allows external scripts and stylesheets', () => {
    const html = '<html><head><link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/a.js"></script></head><body><p data-style="x">style=1</p></body></html>';
    expect(findInlineCode(html)).toEqual([]);
  });

  it('finds inline scripts, style elements, style attributes and event handlers', () => {
    const html = '<script>alert(1)</script><script type="application/json">{}</script><style>p{}</style><p style="color:red">x</p><button onclick="go()">x</button>';
    expect(findInlineCode(html).map((f) => f.kind)).toEqual(['inline-script', 'inline-script', 'style-element', 'style-attribute', 'event-handler-attribute']);
  });

  const dist = fileURLToPath(new URL('../../../web/dist', import.meta.url));
  it.skipIf(!existsSync(dist))('finds nothing in the built site (web/dist)', async () => {
    expect(await scanDist(dist)).toEqual([]);
  });
});
