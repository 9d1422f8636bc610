/**
 * Paths the CDK app needs, resolved from this file rather than from `process.cwd()`, so
 * `cdk synth` at the repo root and Vitest (whose cwd can differ) find the same files.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `functions/src/lambdas/<name>.ts`: the Lambda entry that exports `handler`. */
export const lambdaEntry = (name: string): string => path.join(repoRoot, 'functions', 'src', 'lambdas', `${name}.ts`);

/** `functions/src/jobs/<id>.ts`: the entry of a job of shared/src/jobs.ts, exporting `handler`. */
export const jobEntry = (id: string): string => path.join(repoRoot, 'functions', 'src', 'jobs', `${id}.ts`);

export const lockFile = path.join(repoRoot, 'package-lock.json');

/** The built Astro site; absent on a fresh clone until `npm run build`. */
export const siteDist = path.join(repoRoot, 'web', 'dist');
export const siteIsBuilt = (): boolean => existsSync(path.join(siteDist, 'index.html'));
