/**
 * WAF for CloudFront must be created in us-east-1 (scope CLOUDFRONT), whatever region the portal
 * runs in. This small stack holds only the web ACL; the portal stack reads its ARN through CDK's
 * cross-region references (ADR 0004).
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Requests per client IP per 5 minutes. Mobile carriers in Viet Nam use carrier-grade NAT, so
 * many citizens can share one address: the limit is generous and counts all paths. */
export const RATE_LIMIT_PER_5_MIN = 2000;

export const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'];

export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });

    const managed: CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((name, priority) => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: visibility(name),
    }));

    const acl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Portal CloudFront distribution: AWS managed rules and a per-IP rate limit',
      visibilityConfig: visibility('portal-web-acl'),
      rules: [
        ...managed,
        {
          name: 'RateLimitPerIp',
          priority: managed.length,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: RATE_LIMIT_PER_5_MIN, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
      ],
    });
    this.webAclArn = acl.attrArn;
  }
}
