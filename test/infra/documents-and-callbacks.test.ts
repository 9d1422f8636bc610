/**
 * The documents bucket by declaration (ADR 0011) and the HIS callback endpoints (ADR 0010): who
 * gets `DOCUMENTS_BUCKET` and which object and key actions, who gets `HIS_CALLBACK_URLS`, and how
 * the `hisCallbackUrls` context is checked. The declarations are also held against the code: a
 * function whose modules reach the documents store must declare `documents`, and a job whose
 * modules reach the callback service must be a callback job.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jobs, type Job } from '@portal/shared/jobs';
import { FUNCTIONS, type FunctionName } from '@portal/shared/routes';
import { DOCUMENT_PREFIXES, type DocumentsGrant } from '@portal/shared/routes';
import { DOCUMENT_ACTIONS, DOCUMENT_KEY_ACTIONS, FUNCTION_TAG, JOB_TAG, documentsPrefix } from '../../infra/lib/functions';
import { HIS_CALLBACK_JOBS, JOB_SIZING, JOB_TIMEOUT } from '../../infra/lib/jobs';
import { jobEntry, lambdaEntry, repoRoot } from '../../infra/lib/paths';
import { HIS_CALLBACK_URLS_MAX_BYTES } from '../../infra/lib/settings';
import { ofType, resourcesOf, synthPortal, type Synthesised } from './synth';

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);
type GetAtt = { 'Fn::GetAtt': [string, string] };

interface PortalFunction {
  key: string;
  props: Record<string, unknown>;
  roleId: string;
  /** What its FUNCTIONS or job entry declares. */
  documents: DocumentsGrant | undefined;
  /** Its entry module. */
  entry: string;
}

const documentsOf = (kind: 'http' | 'job', name: string): DocumentsGrant | undefined => {
  if (kind === 'job') return (jobs as readonly Job[]).find((j) => j.id === name)?.documents;
  const spec = FUNCTIONS[name as FunctionName];
  return 'documents' in spec ? spec.documents : undefined;
};

/** Portal functions by `http:<name>` and `job:<id>`. */
function portalFunctionsOf(synth: Synthesised): Map<string, PortalFunction> {
  const found = new Map<string, PortalFunction>();
  for (const [, props] of ofType(synth.portalTemplate, 'AWS::Lambda::Function')) {
    const tag = ((props.Tags ?? []) as { Key: string; Value: string }[]).find((t) => t.Key === FUNCTION_TAG || t.Key === JOB_TAG);
    if (!tag) continue;
    const kind = tag.Key === JOB_TAG ? 'job' : 'http';
    const key = `${kind}:${tag.Value}`;
    found.set(key, {
      key,
      props,
      roleId: (props.Role as GetAtt)['Fn::GetAtt'][0],
      documents: documentsOf(kind, tag.Value),
      entry: kind === 'job' ? jobEntry(tag.Value) : lambdaEntry(tag.Value),
    });
  }
  return found;
}
const variablesOf = (fn: PortalFunction) => (fn.props.Environment as { Variables: Record<string, unknown> }).Variables;

/** Does `entry` import `target`, directly or through other modules of functions/src (relative imports)? */
function reaches(entry: string, target: string, seen = new Set<string>()): boolean {
  if (entry === target) return true;
  if (seen.has(entry)) return false;
  seen.add(entry);
  for (const match of readFileSync(entry, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const base = path.resolve(path.dirname(entry), match[1] ?? '');
    const file = [base, `${base}.ts`, path.join(base, 'index.ts')].find((f) => f.endsWith('.ts') && existsSync(f));
    if (file && reaches(file, target, seen)) return true;
  }
  return false;
}
const STORAGE_MODULE = path.join(repoRoot, 'functions', 'src', 'platform', 'storage.ts');
const CALLBACK_SERVICE = path.join(repoRoot, 'functions', 'src', 'services', 'his-callbacks.ts');

let synth: Synthesised;
let fns: Map<string, PortalFunction>;
let bucketId: string;
let documentsKeyId: string;

const statementsOfRole = (roleId: string): Statement[] =>
  ofType(synth.portalTemplate, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => (p.PolicyDocument as { Statement: Statement[] }).Statement);

beforeAll(() => {
  // Grants and environment do not depend on the bundles.
  synth = synthPortal({ skipBundling: true });
  fns = portalFunctionsOf(synth);
  const resources = resourcesOf(synth.portalTemplate);
  [[bucketId] = ['']] = ofType(synth.portalTemplate, 'AWS::S3::Bucket').filter(([, p]) => JSON.stringify(p.LoggingConfiguration ?? {}).includes('"documents/"'));
  const encryption = resources[bucketId]?.Properties?.BucketEncryption as { ServerSideEncryptionConfiguration: { ServerSideEncryptionByDefault: { KMSMasterKeyID: GetAtt } }[] };
  documentsKeyId = encryption.ServerSideEncryptionConfiguration[0]?.ServerSideEncryptionByDefault.KMSMasterKeyID['Fn::GetAtt'][0] ?? '';
});

describe('the documents bucket, by declaration (ADR 0011)', () => {
  const declared = () => [...fns.values()].filter((f) => f.documents);

  it('has declarations to check: a reader and a writer, and functions without', () => {
    expect(bucketId).not.toBe('');
    expect(resourcesOf(synth.portalTemplate)[documentsKeyId]?.Type).toBe('AWS::KMS::Key');
    expect(declared().map((f) => `${f.key}=${JSON.stringify(f.documents)}`).sort()).toEqual([
      'http:dossierOffice={"dossiers":"read"}',
      'http:dossiers={"dossiers":"manage","licences":"read"}',
      'http:dossiersPublic={"licences":"read"}',
      'http:receipts={"receipts":"read"}',
      'job:licences={"licences":"write"}',
      'job:receipts={"receipts":"write"}',
    ]);
    expect(fns.size).toBeGreaterThan(declared().length);
  });

  it('names the bucket in DOCUMENTS_BUCKET to exactly the functions and jobs that declare documents', () => {
    for (const fn of fns.values()) {
      if (fn.documents) expect(variablesOf(fn).DOCUMENTS_BUCKET, fn.key).toEqual({ Ref: bucketId });
      else expect(variablesOf(fn), fn.key).not.toHaveProperty('DOCUMENTS_BUCKET');
    }
  });

  it('grants the declared object actions on each declared prefix only: manage → Delete, Get, PutObject; write → Get, PutObject; read → GetObject', () => {
    expect(DOCUMENT_ACTIONS).toEqual({ read: ['s3:GetObject'], write: ['s3:GetObject', 's3:PutObject'], manage: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'] });
    for (const fn of fns.values()) {
      const s3 = statementsOfRole(fn.roleId).filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
      if (!fn.documents) {
        expect(s3, fn.key).toEqual([]);
        continue;
      }
      const declaredPrefixes = DOCUMENT_PREFIXES.filter((p) => fn.documents?.[p]);
      expect(s3, fn.key).toHaveLength(declaredPrefixes.length);
      for (const prefix of declaredPrefixes) {
        const resource = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${documentsPrefix(prefix)}*`]] };
        const statement = s3.find((s) => JSON.stringify(s.Resource) === JSON.stringify(resource));
        expect(statement?.Effect, `${fn.key} ${prefix}`).toBe('Allow');
        expect(actionsOf(statement as Statement).sort(), `${fn.key} ${prefix}`).toEqual(DOCUMENT_ACTIONS[fn.documents[prefix]!]);
      }
    }
  });

  it('lets the declared functions use the documents key only through S3: write → GenerateDataKey, Decrypt; read → Decrypt', () => {
    for (const fn of fns.values()) {
      const onKey = statementsOfRole(fn.roleId).filter((s) => JSON.stringify(s.Resource).includes(`"${documentsKeyId}"`));
      if (!fn.documents) {
        expect(onKey, fn.key).toEqual([]);
        continue;
      }
      expect(onKey, fn.key).toHaveLength(1);
      const [statement] = onKey as [Statement];
      const wanted = new Set(Object.values(fn.documents).flatMap((access) => DOCUMENT_KEY_ACTIONS[access]));
      expect(actionsOf(statement).sort(), fn.key).toEqual([...wanted].sort());
      expect(actionsOf(statement), fn.key).not.toContain('kms:Encrypt');
      expect(Object.keys(statement.Condition ?? {}), fn.key).toEqual(['StringEquals']);
      expect(Object.keys(statement.Condition?.StringEquals ?? {}), fn.key).toEqual(['kms:ViaService']);
      expect(JSON.stringify(statement.Condition?.StringEquals?.['kms:ViaService']), fn.key).toContain('"s3.ap-southeast-1."');
    }
  });

  it('gives no other role of the stack any access to the documents bucket or its key', () => {
    const portalRoles = new Set([...fns.values()].filter((f) => f.documents).map((f) => f.roleId));
    for (const [roleId] of ofType(synth.portalTemplate, 'AWS::IAM::Role')) {
      if (portalRoles.has(roleId)) continue;
      const text = JSON.stringify(statementsOfRole(roleId));
      expect(text, roleId).not.toContain(`"${bucketId}"`);
      expect(text, roleId).not.toContain(`"${documentsKeyId}"`);
    }
    // Nor does a bucket policy open it to anyone: its only statement is the TLS-only Deny.
    const [[, policy] = ['', {}]] = ofType(synth.portalTemplate, 'AWS::S3::BucketPolicy').filter(([, p]) => JSON.stringify(p.Bucket).includes(`"${bucketId}"`));
    const statements = (policy.PolicyDocument as { Statement: Statement[] }).Statement;
    expect(statements.map((s) => s.Effect)).toEqual(['Deny']);
  });

  it('declares documents exactly where the code reaches the documents store', () => {
    for (const fn of fns.values()) {
      expect(reaches(fn.entry, STORAGE_MODULE), `${fn.key} (${path.relative(repoRoot, fn.entry)})`).toBe(fn.documents !== undefined);
    }
  });

  describe('the granted prefix covers the keys the receipts service writes', () => {
    beforeAll(() => {
      // issue.ts loads the logger, which loads the configuration: give it one.
      for (const [k, v] of Object.entries({
        TABLE_NAME: 'portal-infra-test',
        AUTH_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_TEST',
        AUTH_AUDIENCE: 'test',
        AUTH_JWKS_URL: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_TEST/.well-known/jwks.json',
        PUBLIC_BASE_URL: 'https://dichvucong-yte.example.vn',
        VNPAY_PAY_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
        VNPAY_API_URL: 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
        LOG_LEVEL: 'SILENT',
      })) {
        vi.stubEnv(k, v);
      }
    });
    afterAll(() => {
      vi.unstubAllEnvs();
    });

    it('receiptDocumentKey is under the receipts prefix', async () => {
      const { receiptDocumentKey } = await import('../../functions/src/services/receipts/issue');
      for (const number of ['HD-2026-000001', 'HD-2027-123456']) expect(receiptDocumentKey(number).startsWith(documentsPrefix('receipts')), number).toBe(true);
    });

    it('attachment object keys are under the dossiers prefix, licence PDFs under the licences prefix', async () => {
      const { attachmentObjectKey } = await import('../../functions/src/services/attachments');
      const { licenceDocumentKey } = await import('@portal/shared/licences/licence');
      expect(attachmentObjectKey('01JDEMQ0000000000000000000', '01JDEMQ0000000000000000001', 'image/png').startsWith(documentsPrefix('dossiers'))).toBe(true);
      for (const number of ['GPHD-2026-000001', 'CCHND-2027-123456']) expect(licenceDocumentKey(number).startsWith(documentsPrefix('licences')), number).toBe(true);
    });
  });
});

describe('the licence-signing key and presigned uploads (ADR 0015)', () => {
  const keysOf = () => ofType(synth.portalTemplate, 'AWS::KMS::Key').filter(([, p]) => p.KeySpec === 'ECC_NIST_P256');

  it('is one asymmetric P-256 signing key, kept when the stack goes', () => {
    const found = keysOf();
    expect(found).toHaveLength(1);
    expect(found[0]?.[1]).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    expect((resourcesOf(synth.portalTemplate)[found[0]?.[0] ?? ''] as { DeletionPolicy?: string } | undefined)?.DeletionPolicy).toBe('Retain');
  });

  it('lets only the licences job sign and only the public check read the public key; nobody else mentions the key', () => {
    const [[keyId] = ['']] = keysOf();
    const users = new Map<string, string[]>();
    for (const [roleId] of ofType(synth.portalTemplate, 'AWS::IAM::Role')) {
      const onKey = statementsOfRole(roleId).filter((s) => JSON.stringify(s.Resource).includes(`"${keyId}"`));
      if (onKey.length > 0) users.set(roleId, onKey.flatMap(actionsOf).sort());
    }
    expect(users.get(fns.get('job:licences')?.roleId ?? '')).toEqual(['kms:Sign']);
    expect(users.get(fns.get('http:dossiersPublic')?.roleId ?? '')).toEqual(['kms:GetPublicKey']);
    expect(users.size).toBe(2);
    expect(variablesOf(fns.get('job:licences')!).LICENCE_SIGNING_KEY_ID).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(variablesOf(fns.get('http:dossiersPublic')!).LICENCE_SIGNING_KEY_ID).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    for (const fn of fns.values()) if (fn.key !== 'job:licences' && fn.key !== 'http:dossiersPublic') expect(variablesOf(fn), fn.key).not.toHaveProperty('LICENCE_SIGNING_KEY_ID');
  });

  it("lets the site's origin, and only it, PUT and GET documents with presigned URLs (bucket CORS)", () => {
    const cors = resourcesOf(synth.portalTemplate)[bucketId]?.Properties?.CorsConfiguration as { CorsRules: Record<string, unknown>[] };
    expect(cors.CorsRules).toHaveLength(1);
    expect(cors.CorsRules[0]).toMatchObject({ AllowedMethods: ['PUT', 'GET'], AllowedHeaders: ['content-type'] });
    const origins = cors.CorsRules[0]?.AllowedOrigins as string[];
    expect(origins).toHaveLength(1);
    expect(origins[0]).toMatch(/^https:\/\/[^/*]+$/);
  });
});

describe('the receipts job: room for PDF generation', () => {
  it('has 512 MB and a longer timeout than the other jobs (within the 5-minute bound of jobs)', () => {
    const props: Record<string, unknown> = fns.get('job:receipts')?.props ?? {};
    expect(props.MemorySize).toBe(512);
    expect(props.Timeout).toBe(JOB_SIZING.receipts?.timeout.toSeconds());
    expect(props.Timeout as number).toBeGreaterThan(JOB_TIMEOUT.toSeconds());
    expect(props.Timeout as number).toBeLessThanOrEqual(300);
    for (const job of jobs.filter((j) => !(j.id in JOB_SIZING))) expect(fns.get(`job:${job.id}`)?.props.Timeout, job.id).toBe(JOB_TIMEOUT.toSeconds());
  });
});

describe('HIS callback endpoints (ADR 0010)', () => {
  const callbackVar = (s: Synthesised) => new Map([...portalFunctionsOf(s).values()].map((f) => [f.key, variablesOf(f).HIS_CALLBACK_URLS]));

  it('goes to the outbox and hisCallbacks jobs only, as {} by default', () => {
    expect([...HIS_CALLBACK_JOBS].sort()).toEqual(['hisCallbacks', 'outbox']);
    for (const [key, value] of callbackVar(synth)) {
      if (HIS_CALLBACK_JOBS.some((id) => key === `job:${id}`)) expect(value, key).toBe('{}');
      else expect(value, key).toBeUndefined();
    }
  });

  it('goes to exactly the jobs whose code reaches the callback service, and no HTTP function reaches it', () => {
    for (const fn of fns.values()) {
      const isCallbackJob = HIS_CALLBACK_JOBS.some((id) => fn.key === `job:${id}`);
      expect(reaches(fn.entry, CALLBACK_SERVICE), fn.key).toBe(isCallbackJob);
    }
  });

  it('takes hisCallbackUrls from context, as an object (cdk.json) or a JSON string (-c on the command line)', () => {
    const urls = { 'hosp-cho-ray': 'https://his.choray.example.vn/portal/callbacks', 'hosp-nhi-dong-1': 'https://his.nhidong1.example.vn:8443/api/portal?src=cdvyt' };
    for (const context of [urls, JSON.stringify(urls)]) {
      const values = callbackVar(synthPortal({ skipBundling: true, context: { hisCallbackUrls: context } }));
      for (const id of HIS_CALLBACK_JOBS) expect(JSON.parse(String(values.get(`job:${id}`))), id).toEqual(urls);
      expect(values.get('job:receipts')).toBeUndefined();
    }
  });

  it('refuses anything but https URLs by hospital id, and a map too large for a Lambda environment', () => {
    const bad: unknown[] = [
      { 'hosp-cho-ray': 'http://his.choray.example.vn/callbacks' },
      { 'hosp-cho-ray': 'his.choray.example.vn/callbacks' },
      { 'hosp-cho-ray': 'https://user:pass@his.choray.example.vn/callbacks' },
      { 'hosp-cho-ray': 'https://his.choray.example.vn/callbacks#x' },
      { 'hosp-cho-ray': 42 },
      { '': 'https://his.example.vn/' },
      { 'hosp cho ray': 'https://his.example.vn/' },
      ['https://his.example.vn/'],
      'https://his.example.vn/',
      '{not json',
      Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`hosp-${i}`, `https://his.hospital-${i}.example.vn/portal/callbacks`])),
    ];
    expect(JSON.stringify(bad.at(-1)).length).toBeGreaterThan(HIS_CALLBACK_URLS_MAX_BYTES);
    for (const hisCallbackUrls of bad) {
      expect(() => synthPortal({ skipBundling: true, context: { hisCallbackUrls } }), JSON.stringify(hisCallbackUrls)).toThrow(/hisCallbackUrls/);
    }
  });
});
