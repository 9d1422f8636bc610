import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DYNAMIC_PAGES, dynamicPageKey } from '@portal/shared/dynamic-pages';
import { jobs } from '@portal/shared/jobs';
import { FUNCTIONS } from '@portal/shared/routes';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '@portal/shared/security-headers';
import { FUNCTION_TAG, JOB_TAG } from '../../infra/lib/functions';
import { DIRECTORY_INDEX_FUNCTION, ORIGIN_VERIFY_HEADER, directoryIndexFunction } from '../../infra/lib/site';
import { objectKeyFor } from '../../functions/src/local/static-site';
import { ofType, synthPortal, type Synthesised } from './synth';

let synth: Synthesised;
beforeAll(() => {
  synth = synthPortal();
});

interface DistributionConfig {
  WebACLId: unknown;
  Logging?: unknown;
  DefaultCacheBehavior: { ResponseHeadersPolicyId: unknown; FunctionAssociations?: unknown[]; ViewerProtocolPolicy: string };
  CacheBehaviors: { PathPattern: string; ResponseHeadersPolicyId: unknown; CachePolicyId: string; OriginRequestPolicyId: string }[];
}
interface Origin {
  Id: string;
  DomainName: unknown;
  OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
}
const distribution = (): DistributionConfig =>
  (ofType(synth.portalTemplate, 'AWS::CloudFront::Distribution')[0]?.[1] as { DistributionConfig: DistributionConfig }).DistributionConfig;

describe('CloudFront sends the shared security headers', () => {
  it('uses exactly the CSP of shared/src/security-headers.ts, with no inline script allowed', () => {
    const [[, policy] = ['', {}]] = ofType(synth.portalTemplate, 'AWS::CloudFront::ResponseHeadersPolicy');
    const config = (policy.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, Record<string, unknown>> }).SecurityHeadersConfig;
    expect(config.ContentSecurityPolicy?.ContentSecurityPolicy).toBe(CONTENT_SECURITY_POLICY);
    const scriptSrc = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(config.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Preload: true });
    expect(config.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    expect(config.ContentTypeOptions).toMatchObject({ Override: true });
    expect(config.ReferrerPolicy).toMatchObject({ ReferrerPolicy: SECURITY_HEADERS['referrer-policy'] });
  });

  it('applies the header policy to the site and to /api/*', () => {
    const config = distribution();
    const policyRef = JSON.stringify(config.DefaultCacheBehavior.ResponseHeadersPolicyId);
    expect(policyRef).toMatch(/SecurityHeaders/);
    for (const behaviour of config.CacheBehaviors) expect(JSON.stringify(behaviour.ResponseHeadersPolicyId)).toBe(policyRef);
  });
});

describe('CloudFront is the one origin', () => {
  it('sends /api/* to the HTTP API uncached, with every viewer header but Host, query strings and cookies', () => {
    const api = distribution().CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    expect(api?.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // Managed-CachingDisabled
    expect(api?.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // Managed-AllViewerExceptHostHeader
  });

  it('adds the secret x-origin-verify header to API requests as a dynamic reference, never as text (ADR 0007)', () => {
    const origins = (ofType(synth.portalTemplate, 'AWS::CloudFront::Distribution')[0]?.[1] as { DistributionConfig: { Origins: Origin[] } })
      .DistributionConfig.Origins;
    const api = origins.find((o) => JSON.stringify(o.DomainName).includes('execute-api'));
    const headers = api?.OriginCustomHeaders ?? [];
    expect(headers.map((h) => h.HeaderName)).toEqual([ORIGIN_VERIFY_HEADER]);
    const value = headers[0]?.HeaderValue;
    expect(typeof value).not.toBe('string');
    const [[secretId] = ['']] = ofType(synth.portalTemplate, 'AWS::SecretsManager::Secret').filter(([id]) => /OriginVerify/.test(id));
    expect(value).toEqual({ 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] });
    // The site bucket's origin gets nothing of it.
    for (const origin of origins.filter((o) => o !== api)) expect(origin.OriginCustomHeaders ?? [], origin.Id).toEqual([]);
  });

  it('keeps the site bucket private behind origin access control, and logs access', () => {
    synth.portalTemplate.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    expect(distribution().Logging).toBeDefined();
    expect(distribution().DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('is protected by the us-east-1 web ACL with managed rules and a rate limit', () => {
    expect(synth.edge.region).toBe('us-east-1');
    expect(synth.portal.region).toBe('ap-southeast-1');
    expect(JSON.stringify(distribution().WebACLId)).toContain('PortalEdge');
    const [[, acl] = ['', {}]] = ofType(synth.edgeTemplate, 'AWS::WAFv2::WebACL');
    expect(acl.Scope).toBe('CLOUDFRONT');
    const rules = acl.Rules as { Name: string; Statement: Record<string, unknown> }[];
    expect(rules.map((r) => r.Name)).toEqual(
      expect.arrayContaining(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList']),
    );
    expect(rules.some((r) => 'RateBasedStatement' in r.Statement)).toBe(true);
  });
});

describe('directory-style URLs reach the Astro pages', () => {
  // The CloudFront Function source is plain ES5; run it here as CloudFront would.
  const handler = new Function(`${DIRECTORY_INDEX_FUNCTION}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
  const rewrite = (uri: string) => handler({ request: { uri } }).uri;

  it('adds index.html to /, /thu-tuc/ and /thu-tuc, and leaves files with an extension alone', () => {
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/thu-tuc/')).toBe('/thu-tuc/index.html');
    expect(rewrite('/thu-tuc')).toBe('/thu-tuc/index.html');
    // Procedure codes are [a-z0-9-] (shared/src/procedures/catalogue.ts), so a dot always means a file.
    expect(rewrite('/en/procedures/cap-moi-giay-phep-hanh-nghe')).toBe('/en/procedures/cap-moi-giay-phep-hanh-nghe/index.html');
    expect(rewrite('/_astro/app.3f2a.js')).toBe('/_astro/app.3f2a.js');
    expect(rewrite('/favicon.svg')).toBe('/favicon.svg');
  });

  it('is the code the stack deploys, on the CloudFront Functions 2.0 runtime', () => {
    const [[, fn] = ['', {}]] = ofType(synth.portalTemplate, 'AWS::CloudFront::Function');
    expect(fn.FunctionCode).toBe(DIRECTORY_INDEX_FUNCTION);
    expect((fn.FunctionConfig as { Runtime: string }).Runtime).toBe('cloudfront-js-2.0');
    // CloudFront Functions may be at most 10 KB.
    expect(Buffer.byteLength(DIRECTORY_INDEX_FUNCTION)).toBeLessThan(10 * 1024);
  });

  it('is attached to the site behaviour only', () => {
    expect(distribution().DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    expect(JSON.stringify(distribution().CacheBehaviors)).not.toContain('FunctionAssociations');
  });
});

describe('dynamic pages: one built page per prefix of shared/src/dynamic-pages.ts (ADR 0011)', () => {
  const handler = new Function(`${DIRECTORY_INDEX_FUNCTION}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
  const rewrite = (uri: string) => handler({ request: { uri } }).uri;
  /** What the local static server asks its disk for first: the dynamic page, else the directory rule. */
  const local = (uri: string) => dynamicPageKey(uri) ?? objectKeyFor(uri);

  it('generates the function from the shared list: every prefix is in the code', () => {
    expect(DYNAMIC_PAGES.length).toBeGreaterThan(0);
    for (const prefix of DYNAMIC_PAGES) expect(DIRECTORY_INDEX_FUNCTION).toContain(JSON.stringify(prefix));
    // Another list, another function: nothing is hard-coded.
    const other = new Function(`${directoryIndexFunction(['/x/y/'])}; return handler;`)() as typeof handler;
    expect(other({ request: { uri: '/x/y/123' } }).uri).toBe('/x/y/index.html');
    expect(other({ request: { uri: '/tra-cuu/bien-lai/HD-2026-000001' } }).uri).toBe('/tra-cuu/bien-lai/HD-2026-000001/index.html');
    expect(() => directoryIndexFunction(['/no-trailing-slash'])).toThrow(/must be a path/);
    expect(() => directoryIndexFunction(["/a'/"])).toThrow(/must be a path/);
  });

  const samples: [string, string][] = [
    ['/tra-cuu/bien-lai/HD-2026-000001', '/tra-cuu/bien-lai/index.html'],
    ['/tra-cuu/bien-lai/HD-2026-000001/', '/tra-cuu/bien-lai/index.html'],
    ['/tra-cuu/bien-lai/index.html', '/tra-cuu/bien-lai/index.html'],
    ['/tra-cuu/bien-lai/', '/tra-cuu/bien-lai/index.html'],
    ['/tra-cuu/bien-lai', '/tra-cuu/bien-lai/index.html'],
    ['/en/verify/receipt/HD-2026-000001', '/en/verify/receipt/index.html'],
    ['/tra-cuu/', '/tra-cuu/index.html'],
    ['/thu-tuc/', '/thu-tuc/index.html'],
    ['/thu-tuc', '/thu-tuc/index.html'],
    ['/', '/index.html'],
    ['/_astro/x.js', '/_astro/x.js'],
    ['/favicon.svg', '/favicon.svg'],
  ];

  for (const [uri, key] of samples) {
    it(`serves ${uri} from ${key}, as the local static server does`, () => {
      expect(rewrite(uri)).toBe(key);
      expect(local(uri)).toBe(key);
    });
  }

  it('agrees with the local server on any path of plain segments, under a prefix or not', () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/);
    const last = fc.oneof(segment, fc.tuple(segment, fc.constantFrom('.js', '.css', '.svg', '.html', '.pdf')).map(([s, e]) => s + e));
    const path = fc
      .tuple(fc.constantFrom('/', ...DYNAMIC_PAGES), fc.array(segment, { maxLength: 3 }), fc.option(last, { nil: undefined }), fc.boolean())
      .map(([start, middle, end, slash]) => start + [...middle, ...(end === undefined ? [] : [end])].join('/') + (slash && end === undefined && middle.length > 0 ? '/' : ''));
    fc.assert(
      fc.property(path, (uri) => {
        expect(rewrite(uri), uri).toBe(local(uri));
      }),
      { numRuns: 500 },
    );
  });
});

// Sign-in (the user pools, their clients, the issuers): test/infra/identity.test.ts.
describe('secrets and documents', () => {
  it('keeps the portal secret KMS-encrypted, with the keys secrets.ts reads: VNPay placeholders and a generated pay-link key', () => {
    const [[, secret] = ['', {}]] = ofType(synth.portalTemplate, 'AWS::SecretsManager::Secret').filter(([id]) => /PortalSecret/.test(id));
    expect(secret.KmsKeyId).toBeDefined();
    const gen = secret.GenerateSecretString as { SecretStringTemplate: string; GenerateStringKey: string; PasswordLength: number; ExcludePunctuation: boolean };
    const template = JSON.parse(gen.SecretStringTemplate) as Record<string, string>;
    expect(Object.keys(template).concat(gen.GenerateStringKey).sort()).toEqual(['hisSigningKey', 'payLinkKey', 'vnpayHashSecret', 'vnpayTmnCode']);
    // The merchant values come from VNPay after deploy; only the pay-link key is generated.
    expect(template).toEqual({ vnpayTmnCode: 'CHANGE_ME', vnpayHashSecret: 'CHANGE_ME', hisSigningKey: 'CHANGE_ME' });
    expect(gen.GenerateStringKey).toBe('payLinkKey');
    expect(gen.PasswordLength).toBeGreaterThanOrEqual(32);
    expect(gen.ExcludePunctuation).toBe(true);
  });

  it('keeps the documents bucket private, versioned and KMS-encrypted, with access logs', () => {
    synth.portalTemplate.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { LogFilePrefix: 'documents/' },
    });
  });
});

describe('alarms', () => {
  it('watches errors and throttles of every portal function (HTTP and jobs) and 5xx of the API', () => {
    const metrics = ofType(synth.portalTemplate, 'AWS::CloudWatch::Alarm').map(([, p]) => `${p.Namespace}/${p.MetricName}`);
    const functions = ofType(synth.portalTemplate, 'AWS::Lambda::Function').filter(([, p]) =>
      ((p.Tags ?? []) as { Key: string }[]).some((t) => t.Key === FUNCTION_TAG || t.Key === JOB_TAG),
    );
    expect(functions.length).toBe(Object.keys(FUNCTIONS).length + jobs.length);
    expect(metrics.filter((m) => m === 'AWS/Lambda/Errors')).toHaveLength(functions.length);
    expect(metrics.filter((m) => m === 'AWS/Lambda/Throttles')).toHaveLength(functions.length);
    expect(metrics).toContain('AWS/ApiGateway/5xx');
  });
});
