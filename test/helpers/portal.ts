/**
 * The whole local portal for a test file: a fresh table in the run's DynamoDB Local, the demo
 * seed, and the local server on a free port invoking the real handlers. One per test file (the
 * handlers read their configuration once per process, as a Lambda does).
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable, localClient } from '../../functions/src/local/dynamodb-local';
import { seedDemoData } from '../../functions/src/local/seed';
import { startPortalServer, type PortalServer } from '../../functions/src/local/server';

export interface TestPortal {
  url: string;
  tableName: string;
  db: DynamoDBDocumentClient;
  server: PortalServer;
  /** An ID token for a demo user (see GET /sandbox/users). */
  tokenFor(userId: string): Promise<string>;
  /** fetch against the portal; `as` signs the request in as that demo user. */
  request(path: string, init?: RequestInit & { as?: string }): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestPortal(options: { webDist?: string; endpoint?: string; jobs?: boolean; idTokenSeconds?: number } = {}): Promise<TestPortal> {
  const endpoint = options.endpoint ?? inject('dynamoEndpoint');
  const tableName = `test-${randomUUID().slice(0, 8)}`;
  const client = localClient(endpoint);
  await ensureTable(client, tableName);
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  await seedDemoData(db, tableName);
  const server = await startPortalServer({ port: 0, tableName, dynamoEndpoint: endpoint, webDist: options.webDist, logLevel: 'SILENT', jobs: options.jobs ?? false, ...(options.idTokenSeconds ? { idTokenSeconds: options.idTokenSeconds } : {}) });
  const tokens = new Map<string, string>();

  async function tokenFor(userId: string): Promise<string> {
    const cached = tokens.get(userId);
    if (cached) return cached;
    const response = await fetch(`${server.url}/sandbox/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: userId }) });
    if (!response.ok) throw new Error(`No demo user ${userId}`);
    const { access_token: token } = (await response.json()) as { access_token: string };
    tokens.set(userId, token);
    return token;
  }

  return {
    url: server.url,
    tableName,
    db,
    server,
    tokenFor,
    async request(path, init = {}) {
      const { as, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as) headers.set('authorization', `Bearer ${await tokenFor(as)}`);
      return fetch(`${server.url}${path}`, { ...rest, headers });
    },
    async close() {
      await server.close();
      client.destroy();
    },
  };
}
