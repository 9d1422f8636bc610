/** What services need from the platform, created once per container and passed in explicitly. */
import { db, tableName } from './dynamo';
import { getSecrets } from './secrets';

export const platformDeps = { db, tableName, secrets: getSecrets, now: () => new Date() };
export type PlatformDeps = typeof platformDeps;
