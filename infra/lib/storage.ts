/**
 * Buckets and secrets: the access-log bucket, the private documents bucket (dossier attachments,
 * issued licences, receipts; browsers upload to it with presigned URLs), the portal secret (VNPay
 * merchant credentials and the pay-link key, read by the payment functions), and the
 * origin-verify value CloudFront sends to the API (ADR 0007).
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export class Storage extends Construct {
  /** Server access logs of every bucket and CloudFront's standard logs. */
  readonly logBucket: Bucket;
  /**
   * Receipt PDFs today (dossier attachments and licences later). Functions and jobs get
   * `DOCUMENTS_BUCKET` and object access by their `documents` declaration (infra/lib/functions.ts, ADR 0011).
   */
  readonly documents: Bucket;
  /** Encrypts the documents bucket only (SSE-KMS default, bucket key on). */
  readonly documentsKey: Key;
  /**
   * JSON `{vnpayTmnCode, vnpayHashSecret, payLinkKey, hisSigningKey}`: what functions/src/platform/secrets.ts
   * reads from `PORTAL_SECRET_ARN`. Only functions flagged `portalSecret` in FUNCTIONS may read it.
   */
  readonly portalSecret: Secret;
  /** Shared by CloudFront (custom origin header) and the functions (which refuse requests without it). */
  readonly originVerifySecret: Secret;
  /** Customer-managed key of every portal secret. */
  readonly secretsKey: Key;
  /** Signs issued licences (ECC_NIST_P256, ECDSA_SHA_256): kms:Sign for the licences job only (ADR 0015). */
  readonly licenceSigningKey: Key;

  /** `siteOrigin`: the only origin whose pages may PUT and GET presigned document URLs (bucket CORS). */
  constructor(scope: Construct, id: string, props: { siteOrigin: string }) {
    super(scope, id);

    this.logBucket = new Bucket(this, 'Logs', {
      // S3 server access logging cannot write to an SSE-KMS bucket, and CloudFront standard logs
      // need ACLs (BUCKET_OWNER_PREFERRED): hence SSE-S3 and ACLs on this bucket only.
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log destination itself; logging it into itself would loop.',
    });

    const documentsKey = new Key(this, 'DocumentsKey', {
      description: 'Portal documents: dossier attachments, issued licences, receipts',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.documents = new Bucket(this, 'Documents', {
      encryption: BucketEncryption.KMS,
      encryptionKey: documentsKey,
      bucketKeyEnabled: true,
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'documents/',
      // Unfinished browser uploads and old versions cost money and hold personal data.
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1), noncurrentVersionExpiration: Duration.days(90) }],
      // Browsers PUT attachments and GET them with presigned URLs from the site's pages (ADR 0015):
      // that origin only, the one header the upload signs (the browser sets content-length itself).
      cors: [{ allowedOrigins: [props.siteOrigin], allowedMethods: [HttpMethods.PUT, HttpMethods.GET], allowedHeaders: ['content-type'], exposedHeaders: ['etag'], maxAge: 600 }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.documentsKey = documentsKey;

    this.licenceSigningKey = new Key(this, 'LicenceSigningKey', {
      description: 'Signs issued licences and certificates (ECDSA P-256 over the PDF SHA-256; ADR 0015)',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      // Every licence ever issued is checked against this key: losing it would make them all unverifiable.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.licenceSigningKey).acknowledge({
      id: 'AwsSolutions-KMS5',
      reason:
        'KMS cannot rotate asymmetric keys. Rotating is a new key beside this one: the register records the key id of each signature, and the public check must keep this key until every licence it signed has expired (runbook step, ADR 0015).',
    });

    const secretKey = new Key(this, 'SecretsKey', {
      description: 'Portal secrets: payment gateway credentials, pay-link key, CloudFront origin verification',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The right shape with placeholders: operators put the merchant values VNPay issues in after
    // the first deploy. Until then the payment functions fail closed when they read it
    // (secrets.ts checks the TMN code's format and the hash secret's length). The pay-link key
    // is generated here: HMAC key of the shareable pay links (ADR 0008), 48 letters and digits.
    this.portalSecret = new Secret(this, 'PortalSecret', {
      description: 'Portal secret (JSON: vnpayTmnCode, vnpayHashSecret from VNPay; payLinkKey signs pay links; hisSigningKey signs HIS callbacks, set it and give each hospital its derived key)',
      encryptionKey: secretKey,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ vnpayTmnCode: 'CHANGE_ME', vnpayHashSecret: 'CHANGE_ME', hisSigningKey: 'CHANGE_ME' }),
        generateStringKey: 'payLinkKey',
        passwordLength: 48,
        excludePunctuation: true,
        includeSpace: false,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.secretsKey = secretKey;
    Validations.of(this.portalSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'VNPay issues the TMN code and hash secret in its merchant portal; a Lambda cannot rotate them, so rotating them is a manual runbook step agreed with VNPay. The pay-link key could be rotated, but a new key invalidates every pay link already printed on bills, so it is rotated by hand only when a leak demands it (ADR 0008).',
    });

    // CloudFront sends this value as `x-origin-verify` on every request to the HTTP API; the
    // functions answer 403 without it, so the API's own execute-api address cannot bypass WAF and
    // the response headers (ADR 0007). CloudFormation generates it; no template holds it.
    this.originVerifySecret = new Secret(this, 'OriginVerify', {
      description: 'Value of the x-origin-verify header CloudFront sends to the portal API',
      encryptionKey: secretKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      // Worthless once the stack is gone; a fresh stack generates a fresh value.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.originVerifySecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'CloudFront reads the value at deploy time (dynamic reference in the distribution) and each function caches it per container, so a rotation Lambda changing it alone would lock CloudFront out of the API. Rotation is a manual runbook step that changes both together (ADR 0007).',
    });
  }
}
