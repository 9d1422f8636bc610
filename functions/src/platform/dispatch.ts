/**
 * A Lambda serves the routes of one function in the route table (ADR 0002). It dispatches on the
 * API Gateway route key and refuses to start if its handler map and the table disagree.
 */
import { FUNCTIONS, routeKey, routes, type FunctionName } from '@portal/shared/routes';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

type RouteHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export function dispatch(fn: FunctionName, handlers: Record<string, RouteHandler>) {
  if (!(fn in FUNCTIONS)) throw new Error(`Unknown function ${fn}`);
  const expected = routes.filter((r) => r.fn === fn);
  const given = Object.keys(handlers).sort();
  const want = expected.map((r) => r.id).sort();
  if (given.join() !== want.join()) throw new Error(`Function ${fn} must serve exactly ${want.join(', ')}; has ${given.join(', ')}`);
  const byKey = new Map(expected.map((r) => [routeKey(r), handlers[r.id] as RouteHandler]));

  return async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const handler = byKey.get(event.routeKey);
    if (!handler) throw new Error(`Route ${event.routeKey} is not served by ${fn}`);
    return handler(event, context);
  };
}
