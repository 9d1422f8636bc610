/**
 * The local portal on one origin, as CloudFront + API Gateway + Lambda serve it in AWS:
 * `/api/*` is matched against the shared route table and handed to the real Lambda handler as
 * an API Gateway v2 event; `/sandbox/*` is local-only; everything else is the built site (or,
 * in dev mode, Astro's dev server behind a proxy).
 */
import { FUNCTIONS, matchRoute, type FunctionName } from '@portal/shared/routes';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fromLambdaResult, lambdaContext, toApiGatewayEvent } from './apigw-event';
import { LOCAL_DOCUMENTS_PATH, documentsEndpoint } from './documents-endpoint';
import { startJobRunner, type JobRunner } from './job-runner';
import { ensureLicenceKey } from './licence-key';
import { jobsAndMailbox } from './sandbox/jobs-and-mailbox';
import { hisDouble } from './sandbox/his';
import { hospitals } from '@portal/shared/hospitals';
import { LOCAL_CREDENTIALS, LOCAL_REGION, localClient } from './dynamodb-local';
import { send, sendJson } from './respond';
import { createLocalIdentity } from './sandbox/identity';
import { sandboxRouter } from './sandbox/index';
import { localVnpaySettings } from './sandbox/vnpay-settings';
import { openPortalPort, type PortalPort } from './portal-port';
import { staticSite } from './static-site';

type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Every function of the route table; `Record<FunctionName, …>` makes a missing one a type error. */
const lambdaModules: Record<FunctionName, () => Promise<{ handler: LambdaHandler }>> = {
  platform: () => import('../lambdas/platform'),
  signIn: () => import('../lambdas/signIn'),
  catalogue: () => import('../lambdas/catalogue'),
  catalogueAdmin: () => import('../lambdas/catalogueAdmin'),
  audit: () => import('../lambdas/audit'),
  hospitalAdmin: () => import('../lambdas/hospitalAdmin'),
  payments: () => import('../lambdas/payments'),
  paymentsRead: () => import('../lambdas/paymentsRead'),
  refunds: () => import('../lambdas/refunds'),
  receipts: () => import('../lambdas/receipts'),
  desk: () => import('../lambdas/desk'),
  bookingRead: () => import('../lambdas/bookingRead'),
  booking: () => import('../lambdas/booking'),
  hospitalSchedule: () => import('../lambdas/hospitalSchedule'),
  dossiers: () => import('../lambdas/dossiers'),
  dossierOffice: () => import('../lambdas/dossierOffice'),
  dossiersPublic: () => import('../lambdas/dossiersPublic'),
  departmentAdmin: () => import('../lambdas/departmentAdmin'),
  ratings: () => import('../lambdas/ratings'),
  ratingsRead: () => import('../lambdas/ratingsRead'),
};

/** API Gateway's own limit on a request body. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export interface PortalServerOptions {
  port: number;
  host?: string;
  /** A port opened earlier with openPortalPort (npm start opens it before DynamoDB Local starts). */
  listening?: PortalPort;
  tableName: string;
  dynamoEndpoint: string;
  /** Built site to serve; ignored when `devServerPort` is set. */
  webDist?: string;
  /** Astro dev server to proxy the site to (npm run dev). */
  devServerPort?: number;
  /** Where the identity provider keeps its signing key (undefined: a fresh key in memory). */
  keyFile?: string;
  /** Lifetime of the ID tokens the local IdPs issue at sign-in (default 15 minutes; tests shorten it to see a refresh). */
  idTokenSeconds?: number;
  logLevel?: string;
  /** Feed the table's stream and schedules to the job handlers (default on; tests opt in). */
  jobs?: boolean;
  /** Run scheduled jobs on their timers (npm start); otherwise only on demand. */
  schedules?: boolean;
  /** Stands in for the documents bucket (receipt PDFs); default: a fresh temporary directory. */
  documentsDir?: string;
  /** PEM file of the licence-signing key, made when missing (default: a fresh key in a temporary directory). */
  licenceKeyFile?: string;
}

export interface PortalServer {
  url: string;
  server: Server;
  jobs?: JobRunner;
  close(): Promise<void>;
}

export async function startPortalServer(options: PortalServerOptions): Promise<PortalServer> {
  // Requests that arrive while the rest starts get 503 + Retry-After, never silence (portal-port.ts).
  const listening = options.listening ?? (await openPortalPort(options.port, options.host));
  const { server, origin } = listening;

  const identity = await createLocalIdentity(origin, { keyFile: options.keyFile, ...(options.idTokenSeconds ? { idTokenSeconds: options.idTokenSeconds } : {}) });
  const vnpay = localVnpaySettings(origin);
  const documentsDir = options.documentsDir ?? (await mkdtemp(join(tmpdir(), 'portal-documents-')));
  // Presigned document URLs live minutes, so a key per server start is enough (ADR 0015).
  const documentsUrlKey = randomBytes(32).toString('base64url');
  const licenceKeyFile = await ensureLicenceKey(options.licenceKeyFile ?? join(await mkdtemp(join(tmpdir(), 'portal-licence-key-')), 'licence-signing-key.pem'));
  // Configuration the handlers read at cold start, as the CDK stack sets it in AWS.
  Object.assign(process.env, {
    TABLE_NAME: options.tableName,
    DYNAMODB_ENDPOINT: options.dynamoEndpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AUTH_ISSUERS: JSON.stringify(identity.issuers),
    OIDC_CLIENT_SECRETS: JSON.stringify(identity.clientSecrets),
    POWERTOOLS_SERVICE_NAME: 'portal-local',
    LOG_LEVEL: options.logLevel ?? process.env.LOG_LEVEL ?? 'WARN',
    PUBLIC_BASE_URL: origin,
    VNPAY_PAY_URL: vnpay.payUrl,
    VNPAY_API_URL: vnpay.apiUrl,
    VNPAY_TMN_CODE: vnpay.tmnCode,
    VNPAY_HASH_SECRET: vnpay.hashSecret,
    PAY_LINK_KEY: vnpay.payLinkKey,
    HIS_SIGNING_KEY: vnpay.hisSigningKey,
    // Every demo hospital's information system is the /sandbox/his double.
    HIS_CALLBACK_URLS: JSON.stringify(Object.fromEntries(hospitals.map((h) => [h.hospitalId, `${origin}/sandbox/his/${h.hospitalId}/callbacks`]))),
    DOCUMENTS_DIR: documentsDir,
    DOCUMENTS_URL_KEY: documentsUrlKey,
    LICENCE_SIGNING_KEY_FILE: licenceKeyFile,
  });
  const lambdas = new Map<FunctionName, LambdaHandler>();
  for (const name of Object.keys(FUNCTIONS) as FunctionName[]) lambdas.set(name, (await lambdaModules[name]()).handler);

  const jobRunner = options.jobs === false ? undefined : await startJobRunner({ endpoint: options.dynamoEndpoint, tableName: options.tableName, schedules: options.schedules ?? false });
  const sandboxClient = localClient(options.dynamoEndpoint);
  const localOnly = jobsAndMailbox(jobRunner, DynamoDBDocumentClient.from(sandboxClient), options.tableName);
  const his = hisDouble(vnpay.hisSigningKey);
  const sandbox = sandboxRouter(identity, { origin });
  const site = options.webDist ? staticSite(options.webDist) : undefined;
  const documents = documentsEndpoint({ documentsDir, secret: documentsUrlKey, origin });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      // A request target that is not a URL at all (`//[::1`): CloudFront answers 400 too.
      return sendJson(res, 400, { message: 'Bad Request' });
    }
    const readBody = () => readRequestBody(req);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const match = matchRoute(req.method ?? 'GET', url.pathname);
      // API Gateway's own answer when no route matches (the catch-all route makes this rare).
      if (!match) return sendJson(res, 404, { message: 'Not Found' });
      let body: Buffer;
      try {
        body = await readBody();
      } catch {
        return sendJson(res, 413, { message: 'Request Entity Too Large' });
      }
      const lambda = lambdas.get(match.route.fn);
      if (!lambda) throw new Error(`No function ${match.route.fn}`);
      const event = toApiGatewayEvent(req, url, body, match.route, match.pathParameters);
      const result = fromLambdaResult(await lambda(event, lambdaContext(`portal-${match.route.fn}`)));
      return send(res, result.status, req.method === 'HEAD' ? Buffer.alloc(0) : result.body, result.headers);
    }
    if (url.pathname.startsWith(LOCAL_DOCUMENTS_PATH)) return documents(req, res, url);
    if (url.pathname.startsWith('/sandbox/his/')) return his(req, res, url, readBody);
    if (url.pathname.startsWith('/sandbox/') && (await localOnly(req, res, url, readBody))) return;
    if (url.pathname.startsWith('/sandbox/')) return sandbox(req, res, url, readBody);
    if (options.devServerPort) return proxy(req, res, options.devServerPort);
    if (site) return site(req, res, url);
    return send(res, 404, 'Không tìm thấy trang', { 'content-type': 'text/plain; charset=utf-8' });
  }

  listening.ready(handle);

  if (options.devServerPort) {
    const devPort = options.devServerPort;
    // Astro's hot reload talks over a WebSocket: pass upgrades straight through.
    server.on('upgrade', (req: IncomingMessage, socket, head) => {
      const upstream = connect(devPort, '127.0.0.1', () => {
        upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`).join('\r\n')}\r\n\r\n`);
        upstream.write(head);
        socket.pipe(upstream).pipe(socket);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
  }

  return {
    url: origin,
    server,
    jobs: jobRunner,
    close: async () => {
      await jobRunner?.stop();
      sandboxClient.destroy();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new Error('too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function proxy(req: IncomingMessage, res: ServerResponse, port: number): void {
  const upstream = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => send(res, 502, 'Astro dev server is not answering yet', { 'content-type': 'text/plain; charset=utf-8' }));
  req.pipe(upstream);
}
