/**
 * Fault injection into the handlers' own DynamoDB client, as client middleware (issue 6, reliability.md
 * §2.3). The handlers share one client per process (functions/src/platform/dynamo.ts, as in a Lambda
 * container), and the local server runs them in the test's process, so a middleware added to that
 * client's stack sees every call they make, with no change to production code (the bench's capacity
 * meter attaches the same way, under its own name: the stack holds any number of them).
 *
 * The injector sits in the `finalizeRequest` step at low priority, i.e. inside the SDK's retry loop:
 * a throttle or a timeout it throws is retried by the SDK exactly as a real one would be, and an
 * "after commit" fault lets the request reach DynamoDB Local first and throws on the way back (the
 * "did it commit?" case).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ConditionalCheckFailedException, ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const FAULTS = [
  /** Throttled on every attempt: the SDK's retries run out. */
  'throttle',
  /** Throttled once: the SDK's retry succeeds. */
  'throttle-once',
  /** The write's condition failed (as DynamoDB answers a conditional write, or a read it cannot fail). */
  'conditional',
  /** A transaction cancelled for a conflicting transaction on one of its items. */
  'cancelled',
  /** No answer in time on every attempt, before DynamoDB saw the request. */
  'timeout',
  /** The request reached DynamoDB and committed, and its answer was lost on the first attempt: the SDK retries. */
  'timeout-after-commit',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultPlan {
  /** 1-based index of the call (a command sent, whatever its retries) since `arm`. */
  call: number;
  fault: Fault;
}

export interface FaultInjector {
  /** Operations called since the last `arm`, in order (e.g. `GetItem`, `TransactWriteItems`). */
  readonly calls: string[];
  /** How many times a fault was thrown since the last `arm` (retries of one call count each). */
  readonly thrown: number;
  /** Starts counting calls afresh; with a plan, the fault is thrown at that call. */
  arm(plan?: FaultPlan): void;
  detach(): void;
}

const metadata = { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 };

function timeoutError(): Error {
  // What @smithy/node-http-handler throws when a request or connection times out.
  return Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError', $metadata: {} });
}

function errorFor(fault: Fault, operation: string): Error {
  switch (fault) {
    case 'throttle':
    case 'throttle-once':
      return new ProvisionedThroughputExceededException({ message: 'Injected: throughput exceeded', $metadata: metadata });
    case 'conditional':
      return new ConditionalCheckFailedException({ message: 'Injected: the conditional request failed', $metadata: metadata });
    case 'cancelled': {
      // One reason per item would be DynamoDB's answer; the injector does not see the item count of a
      // non-transaction call, so a single reason stands for "this transaction lost to another".
      const reasons = operation === 'TransactWriteItems' ? [{ Code: 'TransactionConflict', Message: 'Injected' }] : [{ Code: 'TransactionConflict' }];
      return new TransactionCanceledException({ message: 'Injected: transaction cancelled', CancellationReasons: reasons, $metadata: metadata });
    }
    case 'timeout':
    case 'timeout-after-commit':
      return timeoutError();
  }
}

export function attachFaults(db: DynamoDBDocumentClient, name = 'reliabilityFaultInjector'): FaultInjector {
  let plan: FaultPlan | undefined;
  let calls: string[] = [];
  let thrown = 0;
  /** One context object per command sent: the retries of a call share it, so a call is counted once. */
  let seen = new WeakMap<object, number>();

  db.middlewareStack.add(
    (next, context) => async (args) => {
      let index = seen.get(context);
      if (index === undefined) {
        calls.push(String(context.commandName ?? 'Unknown').replace(/Command$/, ''));
        index = calls.length;
        seen.set(context, index);
      }
      if (!plan || plan.call !== index) return next(args);
      const operation = calls[index - 1] ?? 'Unknown';
      const attempt = ((context as { faultAttempts?: number }).faultAttempts ?? 0) + 1;
      (context as { faultAttempts?: number }).faultAttempts = attempt;
      const once = plan.fault === 'throttle-once' || plan.fault === 'timeout-after-commit';
      if (once && attempt > 1) return next(args);
      if (plan.fault === 'timeout-after-commit') await next(args);
      thrown++;
      throw errorFor(plan.fault, operation);
    },
    { step: 'finalizeRequest', priority: 'low', name, override: true },
  );

  return {
    get calls() {
      return calls;
    },
    get thrown() {
      return thrown;
    },
    arm(next) {
      plan = next;
      calls = [];
      thrown = 0;
      seen = new WeakMap();
    },
    detach() {
      plan = undefined;
      db.middlewareStack.remove(name);
    },
  };
}

/**
 * Crashes for the stream jobs (reliability.md §2.4): a job's work on one record stops at a chosen
 * DynamoDB call, either before the call is sent or after it committed, as if the Lambda died there.
 * Each delivery runs in its own scope (AsyncLocalStorage), so many records can be processed at once,
 * each counting its own calls. Outside a scope the middleware does nothing.
 */
export interface CrashPlan {
  /** 1-based call of this delivery at which to crash. */
  call: number;
  when: 'before' | 'after';
}

export interface CrashScope {
  /** The calls this delivery made (operation names). */
  calls: string[];
  crashed: boolean;
}

export interface CrashInjector {
  /** Runs one delivery; with a plan, it crashes there. */
  run<T>(plan: CrashPlan | undefined, work: () => Promise<T>): Promise<{ result: T; scope: CrashScope }>;
  detach(): void;
}

export class InjectedCrash extends Error {
  override name = 'InjectedCrash';
}

export function attachCrashes(db: DynamoDBDocumentClient, name = 'reliabilityCrashInjector'): CrashInjector {
  const storage = new AsyncLocalStorage<{ plan?: CrashPlan; scope: CrashScope }>();
  // 'initialize' runs once per call, outside the SDK's retries: a crash is not something to retry.
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const current = storage.getStore();
      if (!current) return next(args);
      const { plan, scope } = current;
      if (scope.crashed) throw new InjectedCrash('The process is gone');
      scope.calls.push(String(context.commandName ?? 'Unknown').replace(/Command$/, ''));
      if (plan?.call !== scope.calls.length) return next(args);
      if (plan.when === 'after') await next(args);
      scope.crashed = true;
      throw new InjectedCrash(`Injected crash ${plan.when} call #${plan.call}`);
    },
    { step: 'initialize', name, override: true },
  );
  return {
    async run(plan, work) {
      const scope: CrashScope = { calls: [], crashed: false };
      const result = await storage.run({ plan, scope }, work);
      return { result, scope };
    },
    detach() {
      db.middlewareStack.remove(name);
    },
  };
}
