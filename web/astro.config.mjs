// @ts-check
import { defineConfig } from 'astro/config';
import { cspGuard } from './src/integrations/csp-guard.ts';

/**
 * The portal's static site. CloudFront (and the local server) send
 * `script-src 'self'; style-src 'self'`, so the built HTML must carry no inline script or style:
 * - `build.inlineStylesheets: 'never'` keeps every stylesheet an external file;
 * - `vite.build.assetsInlineLimit: 0` stops Astro inlining small `<script>` modules
 *   (it inlines a script chunk below this limit; see astro/dist/core/build/plugins/plugin-scripts.js);
 * - no React islands yet (their bootstrap is an inline script);
 * - `cspGuard()` scans dist/ after every build and fails it if anything inline slipped through.
 */
export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [cspGuard()],
});
