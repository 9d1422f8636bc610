/**
 * A national identity provider's ID token → the identity a citizen's forms start from (ADR 0021).
 * Claim names are settings (`claims` of the issuer): VNeID's integration document names them; the
 * defaults are OpenID Connect's standard claims plus `national_id` for the 12-digit personal ID
 * (the CCCD number, also the health-insurance number since August 2025).
 */
export const DEFAULT_NATIONAL_CLAIMS = { nationalId: 'national_id', fullName: 'name', birthDate: 'birthdate' } as const;

export interface NationalIdentity {
  /** 12 digits; personal data: never logged, never in a URL. */
  nationalId?: string;
  fullName?: string;
  /** YYYY-MM-DD. */
  birthDate?: string;
}

type ClaimNames = Partial<Record<keyof typeof DEFAULT_NATIONAL_CLAIMS, string | undefined>>;

/** Only well-formed values are kept: a malformed claim is dropped, never shown to prefill a form. */
export function nationalIdentityOf(claims: Record<string, unknown>, names: ClaimNames = {}): NationalIdentity {
  const name = (key: keyof typeof DEFAULT_NATIONAL_CLAIMS) => names[key] ?? DEFAULT_NATIONAL_CLAIMS[key];
  const text = (key: keyof typeof DEFAULT_NATIONAL_CLAIMS) => {
    const value = claims[name(key)];
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const nationalId = text('nationalId');
  const fullName = text('fullName');
  const birthDate = text('birthDate');
  return {
    ...(nationalId && /^\d{12}$/.test(nationalId) ? { nationalId } : {}),
    ...(fullName && fullName.length <= 100 ? { fullName } : {}),
    ...(birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? { birthDate } : {}),
  };
}

/**
 * What a form starts from when the person signed in with their national identity: the field
 * names the procedure forms and the patient profile share (`fullName`, `dateOfBirth`, `cccd`).
 */
export function prefillValues(identity: NationalIdentity | undefined): Record<string, string> {
  if (!identity) return {};
  return {
    ...(identity.fullName ? { fullName: identity.fullName } : {}),
    ...(identity.birthDate ? { dateOfBirth: identity.birthDate } : {}),
    ...(identity.nationalId ? { cccd: identity.nationalId } : {}),
  };
}
