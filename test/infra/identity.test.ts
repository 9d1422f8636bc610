/**
 * Sign-in in AWS (ADR 0022): the staff and citizens' user pools, their app clients as public
 * clients of the sign-in relay (code + PKCE, ADR 0021), and AUTH_ISSUERS — the pools, plus the
 * national identity provider when `nationalIdp` is set — in the environment of every HTTP function.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIssuers, type IssuerConfig } from '@portal/shared/auth/issuers';
import { ROLES, STAFF_ROLES } from '@portal/shared/roles';
import { FUNCTIONS } from '@portal/shared/routes';
import { repoRoot } from '../../infra/lib/paths';
import { CALLBACK_PATHS, POOL_ROLES, SIGN_OUT_PATHS } from '../../infra/lib/identity';
import { DEFAULT_PUBLIC_BASE_URL } from '../../infra/lib/settings';
import { functionEnvironments } from './environments';
import { ofType, synthPortal, type Synthesised } from './synth';

/** What an operator passes as `-c nationalIdp='…'` for VNeID (addresses are examples). */
const VNEID = {
  issuer: 'https://sso.dinhdanhdientu.example.gov.vn',
  clientId: 'cong-dich-vu-y-te-hcm',
  jwksUrl: 'https://sso.dinhdanhdientu.example.gov.vn/jwks',
  claims: { nationalId: 'so_dinh_danh', fullName: 'ho_ten', birthDate: 'ngay_sinh' },
};

let synth: Synthesised;
let withVneid: Synthesised;
beforeAll(() => {
  synth = synthPortal({ skipBundling: true });
  // On the command line the setting is a JSON string; in cdk.json an object. Both are read.
  withVneid = synthPortal({ skipBundling: true, context: { nationalIdp: JSON.stringify(VNEID) } });
});

type Props = Record<string, unknown>;
/** The pool (`Staff`, `Citizens`) and its resources, by the construct path CDK puts in the logical id. */
const poolOf = (s: Synthesised, name: 'Staff' | 'Citizens') => {
  const one = (type: string, pattern: RegExp): Props => {
    const found = ofType(s.portalTemplate, type).filter(([id]) => pattern.test(id));
    expect(found, `${name} ${type}`).toHaveLength(1);
    return found[0]?.[1] ?? {};
  };
  return {
    pool: one('AWS::Cognito::UserPool', new RegExp(`^Identity${name}UserPool[0-9A-F]{8}$`)),
    client: one('AWS::Cognito::UserPoolClient', new RegExp(`^Identity${name}UserPoolWebClient`)),
    domain: one('AWS::Cognito::UserPoolDomain', new RegExp(`^Identity${name}UserPoolDomain`)),
    groups: ofType(s.portalTemplate, 'AWS::Cognito::UserPoolGroup')
      .filter(([id]) => id.startsWith(`Identity${name}Group`))
      .map(([, p]) => p.GroupName as string)
      .sort(),
  };
};

/** AUTH_ISSUERS of every portal function, parsed as the functions parse it (`undefined` where absent). */
const issuersByFunction = (s: Synthesised): Map<string, IssuerConfig[] | undefined> =>
  new Map([...functionEnvironments(s)].map(([name, env]) => [name, env.AUTH_ISSUERS === undefined ? undefined : parseIssuers(env.AUTH_ISSUERS)]));

describe('the staff pool', () => {
  it('has no self sign-up: an administrator creates every account', () => {
    expect(poolOf(synth, 'Staff').pool.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
  });

  it('requires MFA with an authenticator app (TOTP), no SMS', () => {
    expect(poolOf(synth, 'Staff').pool).toMatchObject({ MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
  });

  it('is on the Plus plan with threat protection enforced, and managed login', () => {
    const { pool, domain } = poolOf(synth, 'Staff');
    expect(pool.UserPoolTier).toBe('PLUS');
    expect(pool.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(domain.ManagedLoginVersion).toBe(2);
    // Managed login refuses to show the sign-in page of an app client without a style.
    const [[, branding] = ['', {}]] = ofType(synth.portalTemplate, 'AWS::Cognito::ManagedLoginBranding');
    expect(branding).toMatchObject({ UseCognitoProvidedValues: true, ClientId: { Ref: expect.stringMatching(/^IdentityStaffUserPoolWebClient/) } });
  });

  it('enforces a strong password policy with history', () => {
    expect(poolOf(synth, 'Staff').pool.Policies).toMatchObject({
      PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true, PasswordHistorySize: 5 },
    });
  });

  it('has one group per staff role', () => {
    expect(poolOf(synth, 'Staff').groups).toEqual([...STAFF_ROLES].sort());
  });
});

describe("the citizens' pool", () => {
  it('lets citizens sign up with a verified e-mail, MFA optional, on the Lite plan (ADR 0022)', () => {
    const { pool, domain } = poolOf(synth, 'Citizens');
    expect(pool.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: false });
    expect(pool).toMatchObject({ MfaConfiguration: 'OPTIONAL', AutoVerifiedAttributes: ['email'], UserPoolTier: 'LITE' });
    expect(pool.UserPoolAddOns).toBeUndefined();
    // The Lite plan has the classic hosted UI only.
    expect(domain.ManagedLoginVersion).toBe(1);
    expect(pool.EmailVerificationMessage).toMatch(/^Mã xác minh của bạn là \{####\}/);
  });

  it('has a group for clinic owners only: a citizen is an account in no group, and no staff role exists here', () => {
    expect(poolOf(synth, 'Citizens').groups).toEqual(['clinic_owner']);
    // Every role is a group in exactly one pool, except citizen.
    const staff = poolOf(synth, 'Staff').groups;
    const citizens = poolOf(synth, 'Citizens').groups;
    expect([...staff, ...citizens, 'citizen'].sort()).toEqual([...ROLES].sort());
  });
});

describe('the app clients are public clients of the sign-in relay: code + PKCE only', () => {
  for (const name of ['Staff', 'Citizens'] as const) {
    it(`${name}: code grant only, no secret, openid/email/profile, the Cognito directory only`, () => {
      const { client } = poolOf(synth, name);
      expect(client).toMatchObject({
        GenerateSecret: false,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        SupportedIdentityProviders: ['COGNITO'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
      });
      expect([...(client.AllowedOAuthScopes as string[])].sort()).toEqual(['email', 'openid', 'profile']);
      // No flow that takes a password over the API or skips the managed pages' checks.
      expect(client.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    });

    it(`${name}: sends the code back to the site's sign-in pages and signs out to its home pages, on the configured domain`, () => {
      const domain = 'https://dichvucong.soyte.example.gov.vn';
      const { client } = poolOf(synthPortal({ skipBundling: true, context: { publicBaseUrl: `${domain}/` } }), name);
      expect(client.CallbackURLs).toEqual([`${domain}/dang-nhap/xong/`, `${domain}/en/sign-in/done/`]);
      expect(client.LogoutURLs).toEqual([`${domain}/`, `${domain}/en/`]);
      expect(poolOf(synth, name).client.CallbackURLs).toEqual(CALLBACK_PATHS.map((p) => `${DEFAULT_PUBLIC_BASE_URL}${p}`));
    });

    it(`${name}: ID tokens live 15 minutes`, () => {
      const { client } = poolOf(synth, name);
      expect(client).toMatchObject({ IdTokenValidity: 15, AccessTokenValidity: 15, TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' } });
      expect(client.RefreshTokenValidity).toBe(name === 'Staff' ? 12 * 60 : 24 * 60);
    });

    it(`${name}: users may write their name and e-mail, read their bindings, and never write a binding`, () => {
      const { client } = poolOf(synth, name);
      expect([...(client.WriteAttributes as string[])].sort()).toEqual(['email', 'name']);
      const custom = (client.ReadAttributes as string[]).filter((a) => a.startsWith('custom:')).sort();
      expect(custom).toEqual(name === 'Staff' ? ['custom:duties', 'custom:hospital', 'custom:unit'] : ['custom:organisation']);
    });
  }

  it("uses the site's real callback and home pages (web/src/pages), which show the sign-in result", () => {
    for (const page of CALLBACK_PATHS) {
      const file = path.join(repoRoot, 'web', 'src', 'pages', page, 'index.astro');
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8'), file).toContain('<SignInDone');
    }
    for (const page of SIGN_OUT_PATHS) expect(existsSync(path.join(repoRoot, 'web', 'src', 'pages', page, 'index.astro')), page).toBe(true);
  });
});

describe('AUTH_ISSUERS: what every HTTP function trusts', () => {
  it('lists the two pools, without the national provider while nationalIdp is unset', () => {
    const byFunction = issuersByFunction(synth);
    const first = byFunction.get('signIn');
    expect(first?.map((i) => i.id)).toEqual(['staff', 'citizens']);
    expect(first?.map((i) => [i.kind, i.for, i.confidential, i.roles])).toEqual([
      ['portal', 'staff', false, [...POOL_ROLES.staff]],
      ['portal', 'citizens', false, [...POOL_ROLES.citizens]],
    ]);
    for (const issuer of first ?? []) {
      expect(issuer.issuer).toMatch(/^https:\/\/cognito-idp\.ap-southeast-1\.amazonaws\.com\/ap-southeast-1_\w+$/);
      expect(issuer.jwksUrl).toBe(`${issuer.issuer}/.well-known/jwks.json`);
      // Cognito's discovery names no logout or revocation endpoint: the pool's domain has them.
      expect(issuer.logoutUrl).toMatch(/^https:\/\/dichvucong-yte-123456789012-(nhanvien|congdan)\.auth\.ap-southeast-1\.amazoncognito\.com\/logout$/);
      expect(issuer.revocationUrl).toBe(issuer.logoutUrl?.replace(/\/logout$/, '/oauth2/revoke'));
    }
    expect(JSON.stringify(synth.portalTemplate.toJSON())).not.toContain('dinhdanhdientu');
  });

  it('is the same list in every HTTP function, and in no job (jobs verify no token)', () => {
    for (const s of [synth, withVneid]) {
      const byFunction = issuersByFunction(s);
      const expected = byFunction.get('signIn');
      for (const name of Object.keys(FUNCTIONS)) expect(byFunction.get(name), name).toEqual(expected);
      for (const [name, issuers] of byFunction) if (name.startsWith('job:')) expect(issuers, name).toBeUndefined();
    }
  });

  it('adds the national provider when nationalIdp is set: national, for citizens, a confidential client, with its claim names', () => {
    const issuers = issuersByFunction(withVneid).get('signIn') ?? [];
    expect(issuers.map((i) => i.id)).toEqual(['staff', 'citizens', 'vneid']);
    expect(issuers[2]).toEqual({
      id: 'vneid',
      kind: 'national',
      for: 'citizens',
      issuer: VNEID.issuer,
      clientId: VNEID.clientId,
      jwksUrl: VNEID.jwksUrl,
      label: { vi: 'VNeID (Định danh điện tử quốc gia)', en: 'VNeID (national e-ID)' },
      confidential: true,
      claims: VNEID.claims,
    });
  });

  it('changes nothing but AUTH_ISSUERS: no client secret in the template, the portal secret generated exactly as without VNeID', () => {
    const secretOf = (s: Synthesised) => ofType(s.portalTemplate, 'AWS::SecretsManager::Secret').filter(([id]) => /PortalSecret/.test(id))[0]?.[1];
    // A changed template would make CloudFormation generate a new value, wiping the VNPay credentials.
    expect(secretOf(withVneid)).toEqual(secretOf(synth));
    const withoutIssuers = (s: Synthesised) => {
      const template = structuredClone(s.portalTemplate.toJSON()) as { Resources: Record<string, { Type: string; Properties: { Environment?: { Variables: Record<string, unknown> }; TemplateURL?: unknown } }> };
      for (const resource of Object.values(template.Resources)) {
        if (resource.Type === 'AWS::Lambda::Function') delete resource.Properties.Environment?.Variables.AUTH_ISSUERS;
        // The nested stacks' template files are named by their content, which the variable is part of.
        if (resource.Type === 'AWS::CloudFormation::Stack') delete resource.Properties.TemplateURL;
      }
      return template;
    };
    expect(withoutIssuers(withVneid)).toEqual(withoutIssuers(synth));
  });

  it('keeps the gateway authorizer on the staff pool whatever the national provider', () => {
    const [[, authorizer] = ['', {}]] = ofType(withVneid.portalTemplate, 'AWS::ApiGatewayV2::Authorizer');
    expect(JSON.stringify(authorizer)).not.toContain(VNEID.issuer);
  });

  it('refuses a nationalIdp that would not work, naming the setting', () => {
    const bad: unknown[] = [
      'not json',
      [VNEID],
      { ...VNEID, clientSecret: 'abc' },
      { ...VNEID, jwks_uri: VNEID.jwksUrl },
      { issuer: VNEID.issuer, clientId: VNEID.clientId },
      { ...VNEID, issuer: 'http://sso.example.vn' },
      { ...VNEID, issuer: `${VNEID.issuer}/` },
      { ...VNEID, jwksUrl: 'http://sso.example.vn/jwks' },
      { ...VNEID, id: 'staff' },
      { ...VNEID, id: 'VNeID' },
      { ...VNEID, label: { vi: 'VNeID' } },
    ];
    for (const nationalIdp of bad) expect(() => synthPortal({ skipBundling: true, context: { nationalIdp } }), JSON.stringify(nationalIdp)).toThrow(/nationalIdp/);
  });

  it('takes the id, label and end-session addresses from the setting when given', () => {
    const s = synthPortal({
      skipBundling: true,
      context: { nationalIdp: { ...VNEID, id: 'dinh-danh', label: { vi: 'Định danh điện tử', en: 'National e-ID' }, logoutUrl: `${VNEID.issuer}/logout`, revocationUrl: `${VNEID.issuer}/revoke` } },
    });
    const national = issuersByFunction(s).get('platform')?.[2];
    expect(national).toMatchObject({ id: 'dinh-danh', label: { vi: 'Định danh điện tử', en: 'National e-ID' }, logoutUrl: `${VNEID.issuer}/logout`, revocationUrl: `${VNEID.issuer}/revoke` });
  });
});

describe('cognitoDomainPrefix', () => {
  it('names both sign-in domains, and refuses a prefix Cognito would refuse', () => {
    const s = synthPortal({ skipBundling: true, context: { cognitoDomainPrefix: 'soyte-hcm' } });
    expect(poolOf(s, 'Staff').domain.Domain).toBe('soyte-hcm-nhanvien');
    expect(poolOf(s, 'Citizens').domain.Domain).toBe('soyte-hcm-congdan');
    for (const cognitoDomainPrefix of ['Soyte', 'soyte-', 'my-cognito', 'aws-yte', 'a'.repeat(55)]) {
      expect(() => synthPortal({ skipBundling: true, context: { cognitoDomainPrefix } }), cognitoDomainPrefix).toThrow(/cognitoDomainPrefix/);
    }
  });
});
