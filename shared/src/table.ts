/**
 * The one DynamoDB table (single-table design). CDK, the local stack and the tests all build the
 * table from this definition; repositories build keys with the functions below, never by hand.
 * Every access pattern is listed in docs/access-patterns.md with the function that serves it.
 */
export const table = {
  /** Physical name locally and in tests; CDK lets CloudFormation name it. */
  localName: 'portal',
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes the item some time after. Never used for business deadlines. */
  ttlAttribute: 'expiresAt',
  stream: 'NEW_AND_OLD_IMAGES',
  /** GSIs are named after the access pattern they serve. All project every attribute. */
  indexes: {
    /** A user's own items (dossiers, bookings, payments, profiles), newest first. */
    byOwner: { partitionKey: 'ownerPk', sortKey: 'ownerSk' },
    /** A unit's or hospital's work list (officer inbox, cashier's day), ordered by due time. */
    byWorkQueue: { partitionKey: 'queuePk', sortKey: 'queueSk' },
  },
} as const;

export type IndexName = keyof typeof table.indexes;

export interface Keys {
  pk: string;
  sk: string;
}

/** Key builders, one per entity. Prefixes are upper-case entity names; ids never contain '#'. */
export const keys = {
  catalogue: () => ({ pk: 'CATALOGUE' }),
  procedure: (code: string): Keys => ({ pk: 'CATALOGUE', sk: `PROCEDURE#${code}` }),
  /** Audit entries of one target, in time order; `at` is an ISO instant, `id` breaks ties. */
  auditTarget: (targetType: string, targetId: string) => ({ pk: `AUDIT#${targetType}#${targetId}` }),
  audit: (targetType: string, targetId: string, at: string, id: string): Keys => ({
    pk: `AUDIT#${targetType}#${targetId}`,
    sk: `${at}#${id}`,
  }),
};
