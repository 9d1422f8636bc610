/**
 * One structured logger for every function. Personal data never reaches a log line: keys that can
 * hold it are replaced, and values that look like a personal ID, a phone number, a date of birth
 * or a bearer token are masked wherever they appear.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { config } from './config';

const SENSITIVE_KEY = /^(authorization|x-api-key|cookie|set-cookie|token|id_token|access_token|password|secret|cccd|personalid|bhxh|phone|patientphone|dob|dateofbirth|patientdob|fullname|patientname|email|address|body)$/i;

const SENSITIVE_VALUE: [RegExp, string][] = [
  [/\bBearer\s+[\w.-]+/gi, 'Bearer [redacted]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[jwt]'],
  [/\b\d{12}\b/g, '[id]'],
  [/\b\d{10}\b/g, '[number]'],
  [/(?:\+?84|\b0)\d{9}\b/g, '[phone]'],
];

export function redact(key: string, value: unknown): unknown {
  if (key && SENSITIVE_KEY.test(key)) return '[redacted]';
  if (typeof value === 'string') return SENSITIVE_VALUE.reduce((text, [pattern, mask]) => text.replace(pattern, mask), value);
  return value;
}

export const logger = new Logger({
  serviceName: config.POWERTOOLS_SERVICE_NAME,
  logLevel: config.LOG_LEVEL,
  jsonReplacerFn: redact,
});
