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
  AUTH_ISSUER: z.url(),
  AUTH_AUDIENCE: z.string().check(z.minLength(1)),
  AUTH_JWKS_URL: z.url(),
  POWERTOOLS_SERVICE_NAME: z._default(z.string(), 'portal'),
  LOG_LEVEL: z._default(z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL']), 'INFO'),
  /** Largest JSON request body accepted, in bytes. */
  MAX_BODY_BYTES: z._default(z.coerce.number().check(z.int(), z.positive()), 64 * 1024),
});
export type Config = z.infer<typeof configSchema>;

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Invalid configuration: ${missing}`);
  }
  return parsed.data;
}

export const config: Config = parseConfig(process.env);
