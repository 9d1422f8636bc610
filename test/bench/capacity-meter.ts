/**
 * Counts the DynamoDB calls a client makes and the capacity they consume, as client middleware:
 * every call asks for `ReturnConsumedCapacity: 'TOTAL'` and the answer's ConsumedCapacity is summed.
 * Bench-only: attached in-process to the handlers' own client (functions/src/platform/dynamo.ts is
 * one client per process, as in a Lambda container), so production code does not change at all.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, Server } from 'node:http';

/** The header that names the request being measured; other traffic is not counted. */
export const MEASURE_HEADER = 'x-bench-measure';
const measured = new AsyncLocalStorage<string>();

/**
 * Runs the rest of each request named by MEASURE_HEADER inside that name's async context. A listener
 * put first sees the request before the portal's own listener, which the same emit then calls in
 * the same context: so every DynamoDB call the handler makes, however deep, carries the name, and
 * calls from setup requests, jobs or the seed do not.
 */
export function labelRequests(server: Server): void {
  server.prependListener('request', (req: IncomingMessage) => {
    const label = req.headers[MEASURE_HEADER];
    if (typeof label === 'string') measured.enterWith(label);
  });
}

/** A call as the DynamoDB API names it, e.g. `GetItem`, `TransactWriteItems`. */
export type Operation = string;

export interface MeteredCall {
  /** The measured request that made the call. */
  label: string;
  operation: Operation;
  /** Items written by a transaction or batch (1 for a single-item write, 0 for a read). */
  writes: number;
  rcu: number;
  wcu: number;
}

export interface Meter {
  /** Calls made while serving a request named by MEASURE_HEADER. */
  calls: MeteredCall[];
  reset(): void;
  /** Whether every call so far reported its consumed capacity (DynamoDB Local does). */
  allReported: boolean;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** Transactions and batches answer a list (one entry per table); single-item calls one object. */
function sumCapacity(operation: Operation, consumed: Capacity | Capacity[] | undefined): { rcu: number; wcu: number } | undefined {
  if (!consumed) return undefined;
  const list = Array.isArray(consumed) ? consumed : [consumed];
  let rcu = 0;
  let wcu = 0;
  for (const c of list) {
    // DynamoDB Local gives only CapacityUnits on most calls: the operation says which kind it is.
    const split = c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined;
    if (split) {
      rcu += c.ReadCapacityUnits ?? 0;
      wcu += c.WriteCapacityUnits ?? 0;
    } else if (READS.has(operation)) rcu += c.CapacityUnits ?? 0;
    else wcu += c.CapacityUnits ?? 0;
  }
  return { rcu, wcu };
}

function writesOf(operation: Operation, input: Record<string, unknown>): number {
  if (operation === 'TransactWriteItems') return (input.TransactItems as unknown[] | undefined)?.length ?? 0;
  if (operation === 'BatchWriteItem') return Object.values((input.RequestItems as Record<string, unknown[]> | undefined) ?? {}).reduce((n, l) => n + l.length, 0);
  return ['PutItem', 'UpdateItem', 'DeleteItem'].includes(operation) ? 1 : 0;
}

export function attachMeter(db: DynamoDBDocumentClient, name = 'benchCapacityMeter'): Meter {
  const meter: Meter = {
    calls: [],
    allReported: true,
    reset() {
      meter.calls = [];
      meter.allReported = true;
    },
  };
  // 'initialize' on the client's stack runs after the document client has marshalled the input,
  // so the command name is the API's (GetItemCommand) and the input is the wire input.
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const label = measured.getStore();
      if (label === undefined) return next(args);
      const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const capacity = sumCapacity(operation, (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity);
      if (!capacity) meter.allReported = false;
      meter.calls.push({ label, operation, writes: writesOf(operation, input), rcu: capacity?.rcu ?? 0, wcu: capacity?.wcu ?? 0 });
      return result;
    },
    { step: 'initialize', name, override: true },
  );
  return meter;
}

/** `{ GetItem: 2, TransactWriteItems: 1 }`, in a stable order. */
export function countByOperation(calls: MeteredCall[]): Record<Operation, number> {
  const counts: Record<Operation, number> = {};
  for (const call of calls) counts[call.operation] = (counts[call.operation] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
