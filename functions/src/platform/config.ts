/**
 * Configuration, parsed once at cold start. A missing or malformed setting stops the function
 * before it serves a request (Lambda reports an init error), never at the first request.
 */
import * as z from 'zod/mini';

const configSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(3)),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'ap-southeast-1'),
  /** Set only locally and in tests: the DynamoDB Local address. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  /** The issuers whose ID tokens the API accepts, JSON (shared/src/auth/issuers.ts; ADR 0021). HTTP functions only. */
  AUTH_ISSUERS: z.optional(z.string().check(z.minLength(2))),
  /** One `portal` issuer, when AUTH_ISSUERS is not set (tests, older deployments). */
  AUTH_ISSUER: z.optional(z.url()),
  AUTH_AUDIENCE: z.optional(z.string().check(z.minLength(1))),
  AUTH_JWKS_URL: z.optional(z.url()),
  POWERTOOLS_SERVICE_NAME: z._default(z.string(), 'portal'),
  LOG_LEVEL: z._default(z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL']), 'INFO'),
  /**
   * Set only in AWS: the secret whose value CloudFront sends as `x-origin-verify` (ADR 0007).
   * Without it (local server, tests) requests are not checked for the header.
   */
  ORIGIN_VERIFY_SECRET_ARN: z.optional(z.string().check(z.regex(/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/))),
  /** JSON secret with VNPay credentials and the pay-link key (AWS); locally env vars instead. */
  PORTAL_SECRET_ARN: z.optional(z.string().check(z.minLength(20))),
  /** Where the site is served, for links VNPay and e-mails send people back to. */
  PUBLIC_BASE_URL: z.url(),
  /** VNPay's payment page (sandbox or production); locally the /sandbox/vnpay double. */
  VNPAY_PAY_URL: z.url(),
  /** VNPay's merchant API (QueryDR, Refund); locally the /sandbox/vnpay double. */
  VNPAY_API_URL: z.url(),
  /** S3 bucket for generated documents (receipt PDFs) in AWS. A function that stores documents needs this or DOCUMENTS_DIR. */
  DOCUMENTS_BUCKET: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/))),
  /** Local and tests: a directory standing in for the documents bucket. */
  DOCUMENTS_DIR: z.optional(z.string().check(z.minLength(1))),
  /** Local and tests only: the HMAC key of presigned document URLs the local server answers (ADR 0015). */
  DOCUMENTS_URL_KEY: z.optional(z.string().check(z.minLength(32))),
  /** AWS: the KMS asymmetric key (ECC_NIST_P256) that signs licences, as a key ARN (ADR 0015). */
  LICENCE_SIGNING_KEY_ID: z.optional(z.string().check(z.regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:\S+$/))),
  /** Local and tests: a PEM file with the P-256 private key that signs licences (git-ignored, under .data/). */
  LICENCE_SIGNING_KEY_FILE: z.optional(z.string().check(z.minLength(1))),
  /** JSON `{ "<hospitalId>": "<https URL>" }`: where each hospital's information system hears about its bills. */
  HIS_CALLBACK_URLS: z._default(z.string(), '{}'),
  /** The department's agency e-ID code, the first part of every dossier code (CDK context `agencyCode`; ADR 0014). */
  AGENCY_CODE: z._default(z.string().check(z.maxLength(35), z.regex(/^[A-Z0-9]+(\.[A-Z0-9]+)*$/)), '000.00.31.H29'),
  /** "Who read my data" shows staff by unit and role; `true` adds their names (the department's choice, ADR 0025). */
  SHOW_STAFF_NAMES: z._default(z.enum(['true', 'false']), 'false'),
  /** Largest JSON request body accepted, in bytes. */
  MAX_BODY_BYTES: z._default(z.coerce.number().check(z.int(), z.positive()), 64 * 1024),
});
export type Config = z.infer<typeof configSchema>;

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(env);
  // The issuers are checked where they are read (platform/issuers.ts): every HTTP function loads
  // that module at cold start, jobs verify no token and get no issuer settings (ADR 0022).
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
}

export const config: Config = parseConfig(process.env);
