/**
 * `npm start` (and `npm run dev`): the whole portal on one machine. Builds the site if it is out
 * of date, starts DynamoDB Local with data under .data/, creates the table from the shared
 * definition, seeds demo data, serves everything on one URL. Ctrl-C stops all of it.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { table } from '@portal/shared/table';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LOCAL_SECRET_FILE } from '@portal/shared/portal-secret';
import { localSecretEnv } from './local-secrets';
import { ensureTable, freePort, javaProblem, localClient, startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local';
import { seedDemoData } from './seed';
import { openPortalPort, type PortalPort } from './portal-port';
import { startPortalServer, type PortalServer } from './server';

const root = resolve(import.meta.dirname, '../../..');
const dev = process.argv.includes('--dev');
/** Where the table, the IdP key and the documents live between runs (tests point it at a temporary folder). */
const dataDir = resolve(root, process.env.PORTAL_DATA_DIR ?? '.data');

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) fail(`Node ${process.versions.node} is too old: the portal needs Node 22.12 or newer (https://nodejs.org).`);
const javaMissing = javaProblem();
if (javaMissing) fail(javaMissing);

// The merchant values `npm run setup:secrets -- --local` wrote, if any (the VNPay double shares them).
try {
  Object.assign(process.env, localSecretEnv(resolve(root, process.env.PORTAL_SECRETS_FILE ?? LOCAL_SECRET_FILE)));
} catch (error) {
  fail((error as Error).message);
}

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, not "${process.env.PORT}".`);

const started = Date.now();
const children: ChildProcess[] = [];
let dynamo: RunningDynamoDb | undefined;
/** Kept so that Ctrl-C during start-up still stops the JVM it is booting. */
let dynamoStarting: Promise<RunningDynamoDb> | undefined;
let listening: PortalPort | undefined;
let portal: PortalServer | undefined;
let stopping = false;

async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nĐang dừng… (stopping)');
  for (const child of children) child.kill('SIGTERM');
  if (portal) await portal.close();
  else listening?.server.close();
  await (dynamo ?? (await dynamoStarting?.catch(() => undefined)))?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === '.astro') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** False when the build failed (its messages are already on the terminal). */
function buildSiteIfStale(): boolean {
  const builtAt = existsSync(join(root, 'web/dist/index.html')) ? statSync(join(root, 'web/dist/index.html')).mtimeMs : 0;
  const sourcesAt = Math.max(newestMtime(join(root, 'web')), newestMtime(join(root, 'shared/src')));
  if (builtAt > sourcesAt || process.env.PORTAL_SKIP_SITE_BUILD === '1') return true;
  console.log('Đang dựng trang web… (building the site)');
  const result = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  return result.status === 0;
}

async function main(): Promise<void> {
  // The port opens first: a request sent while the rest starts is answered 503 with Retry-After.
  listening = await openPortalPort(port);
  console.log(`Đang khởi động ${listening.origin} … (starting; requests get 503 with Retry-After until ready)`);
  let devServerPort: number | undefined;
  if (dev) {
    devServerPort = await freePort();
    const astro = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(devServerPort)], { cwd: join(root, 'web'), stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    children.push(astro);
  }
  // The JVM boots while the site builds: the two are independent.
  dynamoStarting = startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb'), port: await freePort() });
  const siteBuilt = dev || buildSiteIfStale();
  dynamo = await dynamoStarting;
  if (!siteBuilt) {
    await dynamo.stop();
    fail('The site did not build; see the messages above.');
  }
  const client = localClient(dynamo.endpoint);
  const created = await ensureTable(client, table.localName);
  const { written } = await seedDemoData(DynamoDBDocumentClient.from(client), table.localName);

  portal = await startPortalServer({
    port,
    listening,
    tableName: table.localName,
    dynamoEndpoint: dynamo.endpoint,
    webDist: join(root, 'web/dist'),
    devServerPort,
    keyFile: join(dataDir, 'dev-idp/key.json'),
    documentsDir: join(dataDir, 'documents'),
    licenceKeyFile: join(dataDir, 'licence-signing-key.pem'),
    schedules: true,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Bảng dữ liệu: ${created === 'created' ? 'vừa tạo' : 'đã có'} (${written} mục mẫu mới) · DynamoDB Local ${dynamo.endpoint}`);
  console.log(`Đăng nhập (tài khoản mẫu): ${portal.url}/dang-nhap/  ·  Hộp thư: ${portal.url}/sandbox/mailbox  ·  Ctrl-C để dừng  ·  sẵn sàng sau ${seconds} s`);
  console.log(`\n  Cổng dịch vụ y tế: ${portal.url}\n`);
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') console.error(`✖ Port ${port} is in use; set another one, e.g. PORT=8081 npm start.`);
  else console.error('✖ The portal did not start:', error instanceof Error ? error.message : error);
  void stop(1);
});
