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
  callbackUrls: parseCallbackUrls(config.HIS_CALLBACK_URLS),
  signingKey: async () => (await getSecrets()).hisSigningKey,
};

/** Fails at cold start on a malformed setting, like the rest of the configuration. */
function parseCallbackUrls(json: string): Record<string, string> {
  const parsed = JSON.parse(json) as unknown;
  if (!parsed || typeof parsed !== 'object' || Object.values(parsed).some((u) => typeof u !== 'string' || !/^https?:\/\//.test(u))) {
    throw new Error('Invalid configuration: HIS_CALLBACK_URLS');
  }
  return parsed as Record<string, string>;
}
export type PlatformDeps = typeof platformDeps;
