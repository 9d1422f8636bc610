/** The sample IPN/return events in events/vnpay-ipn/ (signed with the test secret) say what they claim. */
import { describe, expect, it } from 'vitest';
import { decideIpn, verifyVnpayQuery, type IpnRecordView } from '../../../shared/src/vnpay/index';
import { loadEvent } from '../../helpers/events';
import { SECRET, TMN } from './fixtures';

const ours: IpnRecordView = { found: true, amountVnd: 150_000, status: 'pending' };
const decide = (variant: string) => {
  const event = loadEvent('vnpay-ipn', variant);
  return decideIpn(verifyVnpayQuery(event.rawQueryString, { hashSecret: SECRET, tmnCode: TMN }), ours);
};

describe('events/vnpay-ipn', () => {
  it.each([
    ['ipn-success', '00', 'paid'],
    ['ipn-cancelled', '00', 'failed'],
    ['ipn-insufficient-balance', '00', 'failed'],
    ['ipn-suspected', '00', 'failed'],
    ['ipn-tampered-amount', '97', undefined],
    ['ipn-amount-mismatch', '04', undefined],
    ['return-success', '00', 'paid'],
  ])('%s → RspCode %s, outcome %s', (variant, rspCode, outcome) => {
    const decision = decide(variant);
    expect(decision.answer.RspCode).toBe(rspCode);
    expect(decision.record?.outcome).toBe(outcome);
  });

  it('the framework-decoded parameters match the raw query (we still verify from the raw one)', () => {
    const event = loadEvent('vnpay-ipn', 'ipn-success');
    expect(event.queryStringParameters?.vnp_OrderInfo).toBe('Thanh toan vien phi HS 123456');
    expect(event.rawQueryString).toContain('vnp_OrderInfo=Thanh+toan+vien+phi+HS+123456');
  });
});
