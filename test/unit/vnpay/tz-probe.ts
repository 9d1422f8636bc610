/**
 * Run in a child process started with some TZ (see vectors-tz.test.ts). Prints what the
 * date-dependent code produces for the conformance vectors under that TZ and then under the zones
 * named in argv, switched by assigning process.env.TZ (Node re-reads it on assignment), so one
 * process start covers several zones.
 */
import {
  buildPayUrl, buildQueryDrRequest, buildRefundRequest, parseVnpayDateTime, verifyVnpayQuery, vnpayDateTime,
} from '../../../shared/src/vnpay/index';
import { IPN_QUERY, PAY_INPUT, QUERYDR_INPUT, REFUND_INPUT, SECRET, TMN } from './fixtures';

function probe() {
  const pay = buildPayUrl(PAY_INPUT);
  const ipn = verifyVnpayQuery(IPN_QUERY, { hashSecret: SECRET, tmnCode: TMN });
  return {
    tz: process.env.TZ,
    localOffsetMinutes: new Date('2025-01-01T03:30:00Z').getTimezoneOffset(),
    dateTime: vnpayDateTime(new Date('2025-01-01T03:30:00Z')),
    midnight: vnpayDateTime(new Date('2025-12-31T17:00:00Z')),
    parsed: parseVnpayDateTime('20250101103100')?.toISOString(),
    payUrl: pay.url,
    ipnPayDate: ipn.valid ? ipn.params.payDate : 'invalid',
    queryDr: buildQueryDrRequest(QUERYDR_INPUT).body.vnp_SecureHash,
    refund: buildRefundRequest(REFUND_INPUT).body.vnp_SecureHash,
  };
}

const results = [probe()];
for (const zone of process.argv.slice(2)) {
  process.env.TZ = zone;
  results.push(probe());
}
console.log(JSON.stringify(results));
