/**
 * The HTTP API: exactly one route per entry of the shared route table, each integrated with the
 * function the entry names. The API, its stage and alarm live in the portal stack; the routes, the
 * integrations, the invoke permissions and the authorizer in the Routes nested stack, since routes
 * are what grows fastest (ADR 0017, "Routes in their own template"). The functions live in the
 * Functions nested stack; each integration and permission is made from the function's ARN.
 *
 * Every function verifies the caller's token itself, against every trusted issuer (ADR 0003, 0021).
 * Routes only staff may call also pass API Gateway's JWT authorizer, which knows one issuer: the
 * staff pool and its app client (ADR 0022). A request to them without a valid staff token is
 * refused before any Lambda runs; routes that citizens call (with a citizens'-pool or a VNeID
 * token) are checked by the function alone.
 */
import { Duration, NestedStack, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData, type IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { isStaff } from '@portal/shared/roles';
import { routeKey, type FunctionName, type Route } from '@portal/shared/routes';

export interface PortalHttpApiProps {
  alarmAction: IAlarmAction;
}

export interface RoutesProps {
  api: HttpApi;
  routes: readonly Route[];
  functions: Record<FunctionName, NodejsFunction>;
  /** The staff pool's issuer and app client: the one issuer an HTTP API JWT authorizer can check. */
  staffAuth: { issuer: string; audience: string };
}

/**
 * Only staff may call it, by token only: every role it allows is a staff role and it takes no
 * hospital API key (ADR 0012). Those routes get the gateway's staff-pool JWT authorizer.
 */
export const gatewayChecksStaffToken = (route: Route): boolean => route.auth !== 'public' && !route.auth.apiKey && route.auth.roles.every(isStaff);

export class PortalHttpApi extends Construct {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: PortalHttpApiProps) {
    super(scope, id);
    // No CORS: the browser only ever calls the API through CloudFront on the site's own origin.
    this.api = new HttpApi(this, 'Api', { description: 'Portal API (reached through CloudFront at /api/*)', createDefaultStage: false });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      // Whole-API ceiling; the WAF rate rule limits single clients before this.
      throttle: { rateLimit: 500, burstLimit: 1000 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No path or query: they never hold personal data by design, but the route key is enough.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    new Alarm(this, 'Api5xx', {
      alarmDescription: 'The portal API answered 5xx: a handler failed or timed out.',
      metric: this.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(props.alarmAction);
  }
}

/**
 * The routes of the API with their integrations, invoke permissions and the staff-pool authorizer:
 * one Route per route, two resources per function, one authorizer. Its own template, so the portal
 * stack no longer grows with the route table (ADR 0017).
 */
export class RoutesStack extends NestedStack {
  constructor(scope: Construct, id: string, props: RoutesProps) {
    super(scope, id, { description: 'Cổng dịch vụ y tế: the API routes, their integrations and invoke permissions (nested in Portal)' });
    const staffJwt = new HttpJwtAuthorizer('StaffJwt', props.staffAuth.issuer, { jwtAudience: [props.staffAuth.audience] });

    // One integration per function, shared by its routes, and one API-scoped invoke permission per
    // function (scopePermissionToRoute: false): a new route then adds a single Route resource.
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationFor = (fn: FunctionName): HttpLambdaIntegration => {
      let integration = integrations.get(fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${fn}Integration`, props.functions[fn], { scopePermissionToRoute: false });
        integrations.set(fn, integration);
      }
      return integration;
    };

    for (const route of props.routes) {
      const httpRoute = new HttpRoute(this, `Route-${route.id}`, {
        httpApi: props.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: integrationFor(route.fn),
        ...(gatewayChecksStaffToken(route) ? { authorizer: staffJwt } : {}),
      });
      if (route.auth === 'public') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey(route)} is public by the route table (${route.summary}).`,
        });
      } else if (route.auth.apiKey) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey(route)} accepts a hospital information system's API key as well as a staff token (${route.summary}); the function authenticates both before the handler runs (ADR 0012).`,
        });
      } else if (!gatewayChecksStaffToken(route)) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey(route)} is for ${route.auth.roles.join(', ')}: citizens sign in with the citizens' pool or VNeID, and an HTTP API JWT authorizer checks one issuer only, so the function verifies the token against every trusted issuer (signature, issuer, audience, expiry, role) before the handler runs (ADR 0003, 0022).`,
        });
      }
    }
  }
}
