/**
 * The one origin users see: CloudFront serves the Astro site from a private bucket (origin access
 * control) and sends `/api/*` to the HTTP API, so the browser never needs CORS. WAF (from the
 * us-east-1 edge stack, ADR 0004) and the shared security headers apply to both behaviours; the
 * API origin gets a secret `x-origin-verify` header that the functions require (ADR 0007), so the
 * API's own execute-api address cannot be used to go around them.
 * `/sandbox/*` (local-only services) is neither routed nor uploaded.
 */
import { RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CfFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { BucketDeployment, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { DYNAMIC_PAGES } from '@portal/shared/dynamic-pages';
import { siteDist, siteIsBuilt } from './paths';
import { securityHeadersPolicy } from './security-headers-policy';

/**
 * The viewer-request function of the site behaviour, generated from `dynamicPages` (the list of
 * shared/src/dynamic-pages.ts, which the local static server uses too, ADR 0011):
 *
 * - a path under a dynamic page's prefix, longer than the prefix, becomes that page:
 *   `/tra-cuu/bien-lai/HD-2026-000001` → `/tra-cuu/bien-lai/index.html` (the page reads the value
 *   from the address), whatever the rest looks like;
 * - Astro builds directory-style pages (`/thu-tuc/index.html`) and S3 behind OAC has no index
 *   documents, so `/thu-tuc/` and `/thu-tuc` become `/thu-tuc/index.html`;
 * - paths whose last segment has a dot (assets) are left alone.
 *
 * The local server tries the real file before the dynamic page; CloudFront cannot look, so nothing
 * but the page itself may be published under a prefix (the site has nothing else there).
 * CloudFront Functions runtime 2.0 (ES 5.1 plus a few ES6 features): `var`, `indexOf`, no `startsWith`.
 */
export function directoryIndexFunction(dynamicPages: readonly string[]): string {
  for (const prefix of dynamicPages) {
    if (!/^\/([A-Za-z0-9._~-]+\/)+$/.test(prefix)) throw new Error(`Dynamic page prefix ${JSON.stringify(prefix)} must be a path of plain segments ending in /`);
  }
  return `var DYNAMIC_PAGES = ${JSON.stringify(dynamicPages)};
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  for (var i = 0; i < DYNAMIC_PAGES.length; i++) {
    var prefix = DYNAMIC_PAGES[i];
    if (uri.length > prefix.length && uri.indexOf(prefix) === 0) {
      request.uri = prefix + 'index.html';
      return request;
    }
  }
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
  } else if (uri.substring(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}`;
}

/** The function the stack deploys: the dynamic pages of shared/src/dynamic-pages.ts. */
export const DIRECTORY_INDEX_FUNCTION = directoryIndexFunction(DYNAMIC_PAGES);

/** Custom origin header CloudFront adds to every API request (functions/src/platform/origin.ts). */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

export interface SiteProps {
  api: HttpApi;
  /** Its value goes into the origin header as a CloudFormation dynamic reference, never as text. */
  originVerifySecret: ISecret;
  logBucket: IBucket;
  webAclArn: string;
}

export class Site extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // Public pages only, so SSE-S3 is enough and keeps OAC free of KMS key policy wiring.
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headers = securityHeadersPolicy(this, 'SecurityHeaders');
    const directoryIndex = new CfFunction(this, 'DirectoryIndex', {
      comment: 'Directory-style URLs and dynamic pages to their index.html',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(DIRECTORY_INDEX_FUNCTION),
    });

    const apiOrigin = new HttpOrigin(`${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // `{{resolve:secretsmanager:…}}`: CloudFormation reads the value at deploy time. A viewer's
      // own header of that name is replaced by CloudFront, so it cannot be forged from outside.
      customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerifySecret.secretValue.unsafeUnwrap() },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Portal: site and /api/*',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Includes the edge locations in Viet Nam and the rest of Asia.
      priceClass: PriceClass.PRICE_CLASS_200,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: directoryIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Authorization, Accept-Language, Idempotency-Key, cookies and query strings reach the
          // API; Host must not (API Gateway routes on its own host name).
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: Vietnamese citizens abroad must reach the portal too; WAF rules apply to every country.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'No custom domain yet, so the distribution uses the default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes. Set TLSv1.2_2021 when the department domain and ACM certificate are attached.',
    });

    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [siteSource()],
      destinationBucket: this.bucket,
      // Local-only pages must never be published, even if a build ever emitted them.
      exclude: ['sandbox/*'],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    acknowledgeBucketDeployment(stack, deployment, this.bucket);
  }
}

/** `web/dist` when built; otherwise a one-page placeholder so a fresh clone still synthesises. */
function siteSource(): ISource {
  if (siteIsBuilt()) return Source.asset(siteDist);
  return Source.data(
    'index.html',
    '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Cổng dịch vụ y tế</title><p>Trang web chưa được build (npm run build).</p></html>',
  );
}

/**
 * BucketDeployment brings its own singleton function and role (aws-cdk-lib manages their policy and
 * runtime); the findings below are acknowledged on those constructs only, one by one.
 */
function acknowledgeBucketDeployment(stack: Stack, deployment: BucketDeployment, siteBucket: Bucket): void {
  const siteBucketId = stack.getLogicalId(siteBucket.node.defaultChild as CfnElement);
  const why = 'CDK BucketDeployment (copies web/dist to the site bucket at deploy time, then invalidates CloudFront)';
  const onRole: Record<string, string> = {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]': `${why}: the helper's role is built by aws-cdk-lib with the basic execution policy; it runs only during deploys.`,
    'AwsSolutions-IAM5[Action::s3:GetObject*]': `${why}: reads the staged site asset.`,
    'AwsSolutions-IAM5[Action::s3:GetBucket*]': `${why}: reads bucket metadata of source and destination.`,
    'AwsSolutions-IAM5[Action::s3:List*]': `${why}: lists the destination to prune files the new build no longer has.`,
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]': `${why}: prunes old files from the site bucket only.`,
    'AwsSolutions-IAM5[Action::s3:Abort*]': `${why}: aborts its own failed multipart uploads.`,
    [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*]`]: `${why}: the CDK bootstrap asset bucket, where the site archive is staged.`,
    [`AwsSolutions-IAM5[Resource::<${siteBucketId}.Arn>/*]`]: `${why}: every object of the site bucket is the deployment's to replace.`,
    'AwsSolutions-IAM5[Resource::*]': `${why}: cloudfront:CreateInvalidation/GetInvalidation do not support resource-level scoping in the policy CDK generates.`,
  };
  for (const [id, reason] of Object.entries(onRole)) Validations.of(deployment.handlerRole).acknowledge({ id, reason });
  const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (handler) {
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason: `${why}: its Python runtime is chosen by aws-cdk-lib and moves with the library version.`,
    });
  }
}
