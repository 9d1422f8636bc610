/**
 * Sign-in in AWS (ADR 0022): two Cognito user pools and, when configured, a national identity
 * provider (VNeID) whose tokens the API verifies itself — together the `AUTH_ISSUERS` list every
 * HTTP function trusts (shared/src/auth/issuers.ts, ADR 0021).
 *
 * - **Staff** (`Identity/Staff`): officers, hospital staff, administrators. No self sign-up (an
 *   administrator creates each account), MFA required with an authenticator app (TOTP), the Plus
 *   plan with threat protection enforced, managed login. Groups: the staff roles.
 * - **Citizens** (`Identity/Citizens`): people without (or not using) VNeID, and clinic owners. Self
 *   sign-up with a verified e-mail, MFA optional, the Lite plan (ADR 0022: the price per monthly
 *   active user is what a city-sized portal pays for; VNeID users are not in this pool at all).
 *   Groups: `clinic_owner` (a citizen is an account in no group).
 *
 * Both pools issue the claims the local IdP issues (roles as `cognito:groups`, bindings as
 * `custom:*` attributes; shared/src/roles.ts), and both app clients are public clients of the
 * portal's sign-in relay: authorization code + PKCE only, no secret, the site's callback and
 * sign-out addresses, ID tokens of 15 minutes. Users can write their name and e-mail, never a
 * binding; roles are groups, which only an administrator (IAM) can change.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClientIdentityProvider,
  type UserPoolClient,
  type UserPoolProps,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { IssuerConfig } from '@portal/shared/auth/issuers';
import { ROLE_LABELS, STAFF_ROLES, type Role } from '@portal/shared/roles';
import type { PortalSettings } from './settings';

/** Where the site receives the authorization code, and where sign-out returns (functions/src/services/sign-in.ts). */
export const CALLBACK_PATHS = ['/dang-nhap/xong/', '/en/sign-in/done/'] as const;
export const SIGN_OUT_PATHS = ['/', '/en/'] as const;
/** ADR 0021: the site renews the ID token a minute before it expires, through the relay. */
export const ID_TOKEN_VALIDITY = Duration.minutes(15);
/** ADR 0022: a staff shift; a citizen's visit (the relay's cookie also ends with the browser session). */
export const REFRESH_TOKEN_VALIDITY = { staff: Duration.hours(12), citizens: Duration.hours(24) } as const;
/** Roles each pool may grant (the issuer's `roles`): what a group in the other pool can never give. */
export const POOL_ROLES = { staff: STAFF_ROLES, citizens: ['citizen', 'clinic_owner'] } as const satisfies Record<string, readonly Role[]>;
/** Domain prefix suffixes: `<cognitoDomainPrefix>-nhanvien`, `<cognitoDomainPrefix>-congdan`. */
export const DOMAIN_SUFFIXES = { staff: 'nhanvien', citizens: 'congdan' } as const;

type PoolKind = keyof typeof POOL_ROLES;

const LABELS: Record<PoolKind, IssuerConfig['label']> = {
  staff: { vi: 'Tài khoản cán bộ, nhân viên', en: 'Staff account' },
  citizens: { vi: 'Tài khoản Cổng (e-mail)', en: 'Portal account (e-mail)' },
};

/** One user pool with its domain and the portal's app client, and the issuer entry they make. */
export class PortalUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of every token. */
  readonly issuer: string;
  readonly jwksUrl: string;
  /** The hosted sign-in pages: `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainUrl: string;
  readonly issuerConfig: IssuerConfig;

  constructor(scope: Construct, id: string, props: { kind: PoolKind; pool: UserPoolProps; groups: readonly Role[]; settings: PortalSettings; customAttributes: string[] }) {
    super(scope, id);
    const { kind, settings } = props;
    const stack = Stack.of(this);
    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: Object.fromEntries(props.customAttributes.map((name) => [name, new StringAttribute({ mutable: true, maxLen: 64 })])),
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      ...props.pool,
    });

    for (const role of props.groups) {
      new CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role, description: ROLE_LABELS[role].en });
    }

    const plus = props.pool.featurePlan === FeaturePlan.PLUS;
    const prefix = `${settings.cognitoDomainPrefix}-${DOMAIN_SUFFIXES[kind]}`;
    this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: prefix },
      // The Lite plan has only the classic hosted UI; neither speaks Vietnamese (ADR 0022).
      managedLoginVersion: plus ? ManagedLoginVersion.NEWER_MANAGED_LOGIN : ManagedLoginVersion.CLASSIC_HOSTED_UI,
    });
    this.domainUrl = `https://${prefix}.auth.${stack.region}.amazoncognito.com`;

    const origin = settings.publicBaseUrl;
    const standard = { email: true, fullname: true };
    this.client = this.userPool.addClient('WebClient', {
      // A public client: the relay sends the PKCE verifier, never a secret (ADR 0021).
      generateSecret: false,
      // Managed login signs in with SRP (the password never leaves the page in clear); no password,
      // admin or custom flows an attacker could script against the API.
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: CALLBACK_PATHS.map((path) => `${origin}${path}`),
        logoutUrls: SIGN_OUT_PATHS.map((path) => `${origin}${path}`),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: ID_TOKEN_VALIDITY,
      accessTokenValidity: ID_TOKEN_VALIDITY,
      refreshTokenValidity: REFRESH_TOKEN_VALIDITY[kind],
      readAttributes: new ClientAttributes().withStandardAttributes({ ...standard, emailVerified: true }).withCustomAttributes(...props.customAttributes),
      // Bindings are set by administrators only: a user cannot bind themselves to a hospital, a unit or an organisation.
      writeAttributes: new ClientAttributes().withStandardAttributes(standard),
    });
    if (plus) {
      // Managed login shows an error page for an app client without a style: Cognito's own.
      new CfnManagedLoginBranding(this, 'Branding', { userPoolId: this.userPool.userPoolId, clientId: this.client.userPoolClientId, useCognitoProvidedValues: true });
    }

    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
    this.issuerConfig = {
      id: kind,
      kind: 'portal',
      for: kind,
      issuer: this.issuer,
      clientId: this.client.userPoolClientId,
      jwksUrl: this.jwksUrl,
      label: LABELS[kind],
      // Cognito's discovery document names neither (shared/src/auth/issuers.ts).
      logoutUrl: `${this.domainUrl}/logout`,
      revocationUrl: `${this.domainUrl}/oauth2/revoke`,
      confidential: false,
      roles: [...POOL_ROLES[kind]],
    };
    new CfnOutput(stack, `${id}UserPoolId`, { value: this.userPool.userPoolId, description: `${LABELS[kind].en}s: the user pool (aws cognito-idp admin-create-user --user-pool-id …)` });
  }
}

/** What an administrator's new account receives (Vietnamese first; Cognito sends one message per account). */
const INVITATION = {
  staff: {
    emailSubject: 'Tài khoản cán bộ Cổng dịch vụ y tế / Your health portal staff account',
    emailBody:
      'Tên đăng nhập: {username} — mật khẩu tạm: {####}. Đổi mật khẩu khi đăng nhập lần đầu, sau đó cài ứng dụng xác thực (bắt buộc). / Username: {username}, temporary password: {####}. Change it at first sign-in, then set up an authenticator app (required).',
  },
  citizens: {
    emailSubject: 'Tài khoản Cổng dịch vụ y tế / Your health portal account',
    emailBody: 'Tên đăng nhập: {username} — mật khẩu tạm: {####}. Đổi mật khẩu khi đăng nhập lần đầu. / Username: {username}, temporary password: {####}. Change it at first sign-in.',
  },
};
const VERIFICATION = {
  emailSubject: 'Mã xác minh Cổng dịch vụ y tế / Health portal verification code',
  emailBody: 'Mã xác minh của bạn là {####}. / Your verification code is {####}.',
};

export class Identity extends Construct {
  readonly staff: PortalUserPool;
  readonly citizens: PortalUserPool;
  /** What every HTTP function trusts (AUTH_ISSUERS), staff first; with the national provider when configured. */
  readonly issuers: IssuerConfig[];

  constructor(scope: Construct, id: string, props: { settings: PortalSettings }) {
    super(scope, id);
    const { settings } = props;
    const passwordPolicy = { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) };

    this.staff = new PortalUserPool(this, 'Staff', {
      kind: 'staff',
      settings,
      groups: STAFF_ROLES,
      customAttributes: ['unit', 'hospital', 'duties'],
      pool: {
        // Staff accounts exist only because an administrator created them.
        selfSignUpEnabled: false,
        userInvitation: INVITATION.staff,
        passwordPolicy: { ...passwordPolicy, passwordHistorySize: 5 },
        // Staff read and change personal data of thousands of people: a password alone is not enough.
        mfa: Mfa.REQUIRED,
        mfaSecondFactor: { otp: true, sms: false, email: false },
        // A few thousand staff: threat protection (compromised credentials, risky sign-ins blocked) costs little (ADR 0022).
        featurePlan: FeaturePlan.PLUS,
        standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      },
    });

    this.citizens = new PortalUserPool(this, 'Citizens', {
      kind: 'citizens',
      settings,
      groups: POOL_ROLES.citizens.filter((role) => role !== 'citizen'),
      customAttributes: ['organisation'],
      pool: {
        // Citizens register themselves; the e-mail must be verified before the account is usable.
        selfSignUpEnabled: true,
        userVerification: VERIFICATION,
        // Administrators create clinic owners' accounts here too, when an organisation asks for one.
        userInvitation: INVITATION.citizens,
        passwordPolicy,
        mfa: Mfa.OPTIONAL,
        mfaSecondFactor: { otp: true, sms: false, email: false },
        featurePlan: FeaturePlan.LITE,
      },
    });
    Validations.of(this.citizens.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        "Citizens' pool: MFA is optional (TOTP). Citizens sign in now and then, often on a shared family phone, and required MFA would lock many out; the accounts hold a citizen's own dossiers and bookings only. Staff are in the staff pool, where MFA is required, and only the staff pool may grant a staff role (ADR 0022).",
    });
    Validations.of(this.citizens.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        "Citizens' pool: the Lite plan, not Plus. Plus is billed for every monthly active user ($0.020, no free tier), about $12,000 a month at city scale against about $600 on Lite (docs/scale.md, ADR 0022). Brute force is limited by the WAF rate rule and Cognito's lockout; the staff pool, which holds every privileged account, is on Plus with threat protection enforced.",
    });

    this.issuers = [this.staff.issuerConfig, this.citizens.issuerConfig, ...(settings.nationalIdp ? [settings.nationalIdp] : [])];
  }

  /** `AUTH_ISSUERS` as the functions read it: JSON, with the pools' ids resolved by CloudFormation. */
  issuersJson(scope: Construct): string {
    return Stack.of(scope).toJsonString(this.issuers);
  }
}
