/**
 * The issuers this function trusts, parsed once at cold start from `AUTH_ISSUERS` (ADR 0021), or
 * the single `portal` issuer of AUTH_ISSUER / AUTH_AUDIENCE / AUTH_JWKS_URL. Every HTTP function
 * imports this module when it loads (dispatch → auth), so a function without either stops at its
 * cold start, before any request; jobs never import it and need neither (ADR 0022).
 */
import { parseIssuers, type IssuerConfig } from '@portal/shared/auth/issuers';
import { config } from './config';

function fromConfig(): IssuerConfig[] {
  if (config.AUTH_ISSUERS) return parseIssuers(config.AUTH_ISSUERS);
  const missing = (['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'] as const).filter((key) => !config[key]);
  if (missing.length) throw new Error(`Invalid configuration: AUTH_ISSUERS, or ${missing.join(', ')}`);
  return [
    {
      id: 'portal',
      kind: 'portal',
      for: 'everyone',
      issuer: config.AUTH_ISSUER as string,
      clientId: config.AUTH_AUDIENCE as string,
      jwksUrl: config.AUTH_JWKS_URL as string,
      label: { vi: 'Đăng nhập', en: 'Sign in' },
      confidential: false,
    },
  ];
}

export const trustedIssuers: readonly IssuerConfig[] = fromConfig();

export const issuerByUrl = (iss: string): IssuerConfig | undefined => trustedIssuers.find((i) => i.issuer === iss);
export const issuerById = (id: string): IssuerConfig | undefined => trustedIssuers.find((i) => i.id === id);
