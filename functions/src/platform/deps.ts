/** What services need from the platform, created once per container and passed in explicitly. */
import { config } from './config';
import { db, tableName } from './dynamo';
import { getSecrets } from './secrets';

export const platformDeps = {
  db,
  tableName,
  secrets: getSecrets,
  now: () => new Date(),
  settings: { payUrl: config.VNPAY_PAY_URL, apiUrl: config.VNPAY_API_URL, publicBaseUrl: config.PUBLIC_BASE_URL },
};
export type PlatformDeps = typeof platformDeps;
