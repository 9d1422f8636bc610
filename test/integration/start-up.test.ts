/**
 * Issue 16: a request that reaches `npm start` while it is starting is answered. The real entry
 * point starts in a child process (its own DynamoDB Local, data in a temporary folder); a request
 * every 50 ms, each on a new connection as curl makes them, from the moment the process starts
 * until 2 s after it prints that it is ready.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../../functions/src/local/dynamodb-local';

const root = resolve(import.meta.dirname, '../..');
/** A request still unanswered after this counts as "no answer" (the portal should need ~0 of it). */
const CLIENT_TIMEOUT_MS = 15_000;

interface Probe {
  path: string;
  sentAt: number;
  answeredAt?: number;
  status?: number;
  retryAfter?: string;
  contentType?: string;
  body?: string;
  error?: string;
}

function probe(port: number, path: string, accept: string): Promise<Probe> {
  const result: Probe = { path, sentAt: Date.now() };
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, headers: { accept }, timeout: CLIENT_TIMEOUT_MS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        Object.assign(result, { answeredAt: Date.now(), status: res.statusCode, retryAfter: res.headers['retry-after'], contentType: res.headers['content-type'], body });
        done(result);
      });
    });
    req.on('timeout', () => req.destroy(new Error('no answer')));
    req.on('error', (error: NodeJS.ErrnoException) => done({ ...result, error: error.code ?? error.message }));
    req.end();
  });
}

let dataDir: string | undefined;
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('answers every request sent while npm start is starting: 503 with Retry-After before ready, served within 1 s of ready', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'portal-start-'));
  const port = await freePort();
  const startedAt = Date.now();
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'functions/src/local/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), PORTAL_DATA_DIR: dataDir, PORTAL_SKIP_SITE_BUILD: '1', LOG_LEVEL: 'SILENT' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let readyAt: number | undefined;
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (readyAt === undefined && output.includes('sẵn sàng')) readyAt = Date.now();
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const probes: Promise<Probe>[] = [];
  try {
    for (let i = 0; readyAt === undefined || Date.now() < readyAt + 2_000; i++) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
      if (Date.now() - startedAt > 120_000) throw new Error(`npm start not ready after 120 s:\n${output}`);
      // Mostly the health check a script would poll; every third request is a browser asking for a page.
      probes.push(i % 3 === 2 ? probe(port, '/', 'text/html,application/xhtml+xml') : probe(port, '/api/health', 'application/json'));
      await sleep(50);
    }
    const results = await Promise.all(probes);
    const ready = readyAt as number;
    const answered = results.filter((r) => r.status !== undefined);
    const firstAnswer = Math.min(...answered.map((r) => r.sentAt));
    const refused = results.filter((r) => r.error === 'ECONNREFUSED');
    const unanswered = results.filter((r) => r.status === undefined && r.error !== 'ECONNREFUSED');
    const starting = answered.filter((r) => r.status === 503);
    const served = answered.filter((r) => r.status !== 503);
    console.log(
      `npm start: ${results.length} requests over ${((Date.now() - startedAt) / 1000).toFixed(1)} s (ready after ${((ready - startedAt) / 1000).toFixed(1)} s): ` +
        `${refused.length} refused before the port opened, ${starting.length} × 503 while starting, ${served.length} served, ${unanswered.length} without an answer`,
    );

    expect(unanswered).toEqual([]);
    // Refused only in the first moments, before the process has opened its port; never after.
    expect(refused.every((r) => r.sentAt <= firstAnswer)).toBe(true);
    expect(starting.length).toBeGreaterThan(0);
    for (const r of starting) {
      expect(r.answeredAt).toBeLessThanOrEqual(ready + 1_000);
      expect(r.retryAfter).toBe('1');
      if (r.path === '/') expect(r.body).toContain('đang khởi động');
      else expect(JSON.parse(r.body ?? '{}')).toMatchObject({ status: 503, code: 'service_unavailable' });
    }
    for (const r of served) {
      // Served as soon as it is ready, and never a 503 once it said so.
      expect(r.answeredAt).toBeLessThanOrEqual(Math.max(r.sentAt, ready) + 1_000);
      if (r.path === '/api/health') expect(r.status).toBe(200);
    }
    expect(results.filter((r) => r.sentAt > ready + 100 && r.status !== undefined && r.status !== 503).length).toBe(results.filter((r) => r.sentAt > ready + 100).length);
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(20_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 180_000);
