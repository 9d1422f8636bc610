/**
 * Ratings in the table (ADR 0026). One item per rated dossier or appointment, outside the subject's
 * partition (the officers' dossier Query never meets it) and without the subject's data: score,
 * comment, times and the scopes it is counted in. The counters of each scope live in one partition
 * per scope: `TOTAL` for the page, `DAY#<date>` for the later dashboard. A rating and every counter
 * it moves are written in one transaction, under a condition on the rating's version.
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { EMPTY_COUNTS, SCORES, type AggregateCounts, type AggregateDelta, type RatingScope, type Score, type ScopeRef, type SubjectType } from '@portal/shared/ratings/rules';
import { keys } from '@portal/shared/table';
import type { Deps } from './dossiers';
import type { TransactItem } from './payments';

export interface StoredRating {
  subjectType: SubjectType;
  subjectId: string;
  score: Score;
  comment?: string;
  ratedAt: string;
  updatedAt: string;
  /** The Vietnam date of the first rating: the day counter it stays counted in. */
  day: string;
  scopes: ScopeRef[];
  version: number;
}

export async function getRating(deps: Deps, subjectType: SubjectType, subjectId: string): Promise<StoredRating | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.rating(subjectType, subjectId), ConsistentRead: true }));
  if (!Item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, ...rest } = Item;
  return rest as StoredRating;
}

/** ADD the delta to one counter item (created by the first ADD). */
function counterUpdate(tableName: string, key: { pk: string; sk: string }, ref: ScopeRef, delta: AggregateDelta, at: string): TransactItem {
  const names: Record<string, string> = { '#type': 'type', '#count': 'count', '#sum': 'sum', '#scope': 'scope', '#id': 'id', '#at': 'updatedAt' };
  const values: Record<string, unknown> = { ':type': 'ratingCounter', ':count': delta.count, ':sum': delta.sum, ':scope': ref.scope, ':id': ref.id, ':at': at };
  const adds = ['#count :count', '#sum :sum'];
  for (const score of SCORES) {
    const change = delta.histogram[score];
    if (change === undefined) continue;
    names[`#h${score}`] = `h${score}`;
    values[`:h${score}`] = change;
    adds.push(`#h${score} :h${score}`);
  }
  return { Update: { TableName: tableName, Key: key, UpdateExpression: `SET #type = :type, #scope = :scope, #id = :id, #at = :at ADD ${adds.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values } };
}

/**
 * The rating and its counters in one transaction: a first rating only if none exists, an edit only
 * from the version read and inside the edit window (`:now < editableUntil`).
 */
export async function writeRating(deps: Deps, next: StoredRating, previous: StoredRating | undefined, delta: AggregateDelta | undefined, editableUntil: string): Promise<void> {
  const item = { ...keys.rating(next.subjectType, next.subjectId), type: 'rating', ...next };
  const condition = previous
    ? { ConditionExpression: 'version = :v AND :now < :until', ExpressionAttributeValues: { ':v': previous.version, ':now': next.updatedAt, ':until': editableUntil } }
    : { ConditionExpression: 'attribute_not_exists(pk)' };
  const items: TransactItem[] = [{ Put: { TableName: deps.tableName, Item: item, ...condition } }];
  if (delta) {
    for (const ref of next.scopes) {
      items.push(counterUpdate(deps.tableName, keys.ratingTotal(ref.scope, ref.id), ref, delta, next.updatedAt));
      items.push(counterUpdate(deps.tableName, keys.ratingDay(ref.scope, ref.id, next.day), ref, delta, next.updatedAt));
    }
  }
  await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
}

const countsOf = (item: Record<string, unknown> | undefined): AggregateCounts =>
  item
    ? { count: Number(item.count ?? 0), sum: Number(item.sum ?? 0), histogram: { 1: Number(item.h1 ?? 0), 2: Number(item.h2 ?? 0), 3: Number(item.h3 ?? 0), 4: Number(item.h4 ?? 0), 5: Number(item.h5 ?? 0) } }
    : EMPTY_COUNTS;

export async function getCounts(deps: Deps, scope: RatingScope, id: string): Promise<AggregateCounts> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.ratingTotal(scope, id) }));
  return countsOf(Item);
}

/** Day counters of a scope between two Vietnam dates (inclusive): what the dashboard job will read. */
export async function getDailyCounts(deps: Deps, scope: RatingScope, id: string, from: string, to: string): Promise<{ day: string; counts: AggregateCounts }[]> {
  const { Items = [] } = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.ratingCounters(scope, id).pk, ':from': `DAY#${from}`, ':to': `DAY#${to}` },
    }),
  );
  return Items.map((i) => ({ day: String(i.sk).slice(4), counts: countsOf(i) }));
}
