/**
 * Sign-in in AWS: a Cognito user pool whose tokens carry the same claims as the local dev identity
 * provider (roles as `cognito:groups`, bindings as `custom:*` attributes; see shared/src/roles.ts),
 * so the Lambda middleware has one verification path.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES, ROLE_LABELS } from '@portal/shared/roles';

export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of every token. */
  readonly issuer: string;
  readonly jwksUrl: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Citizens register themselves; the e-mail must be verified before the account is usable.
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      // Bindings of staff and clinic owners. Set by administrators only: the app client below
      // cannot write them, so a user cannot bind themselves to a hospital or a unit.
      customAttributes: {
        organisation: new StringAttribute({ mutable: true, maxLen: 64 }),
        unit: new StringAttribute({ mutable: true, maxLen: 64 }),
        hospital: new StringAttribute({ mutable: true, maxLen: 64 }),
        duties: new StringAttribute({ mutable: true, maxLen: 64 }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP) rather than required: citizens sign in once in a while, often on a shared family phone, and mandatory MFA would lock many out. Enforcing MFA for staff roles is a follow-up (auth trigger per group).',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials plan, not Plus: threat protection is billed per monthly active user and a city portal has millions of citizens. Brute force is limited by the WAF rate rule and Cognito lockout; revisit when the department sets the budget.',
    });

    for (const role of ROLES) {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: ROLE_LABELS[role].en,
      });
    }

    const standard = { email: true, fullname: true };
    this.client = this.userPool.addClient('WebClient', {
      // A public client (the browser): no secret, SRP only, no password ever sent in clear.
      generateSecret: false,
      authFlows: { userSrp: true },
      // The hosted UI / VNeID federation comes later; until then there is no OAuth redirect to abuse.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(7),
      readAttributes: new ClientAttributes()
        .withStandardAttributes(standard)
        .withCustomAttributes('organisation', 'unit', 'hospital', 'duties'),
      writeAttributes: new ClientAttributes().withStandardAttributes(standard),
    });

    const stack = Stack.of(this);
    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
  }
}
