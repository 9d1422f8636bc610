/** The IPN answer in VNPay's documented order (research/payments.md §1.7, §1.13 item 5). */
import { describe, expect, it } from 'vitest';
import { IPN_ANSWERS, decideIpn, ipnErrorAnswer, verifyVnpayQuery, type IpnRecordView } from '../../../shared/src/vnpay/index';
import { IPN_FIELDS, IPN_QUERY, SECRET, TMN, signedQuery } from './fixtures';

const verify = (query: string) => verifyVnpayQuery(query, { hashSecret: SECRET, tmnCode: TMN });
const pending: IpnRecordView = { found: true, amountVnd: 150_000, status: 'pending' };
const tampered = verify(IPN_QUERY.replace('vnp_TxnRef=HS123456-0001', 'vnp_TxnRef=HS123456-0002'));

describe('decideIpn', () => {
  it('00 and records paid when both vnp_ResponseCode and vnp_TransactionStatus are 00', () => {
    expect(decideIpn(verify(IPN_QUERY), pending)).toEqual({
      answer: { RspCode: '00', Message: 'Confirm Success' },
      record: { outcome: 'paid', responseCode: '00', transactionStatus: '00' },
    });
  });

  it('a failed payment is recorded as failed with its codes and still answered 00', () => {
    for (const [responseCode, transactionStatus] of [['24', '02'], ['51', '02'], ['07', '07'], ['00', '02'], ['00', '01'], ['99', '00']]) {
      const decision = decideIpn(verify(signedQuery({ ...IPN_FIELDS, vnp_ResponseCode: responseCode!, vnp_TransactionStatus: transactionStatus! })), pending);
      expect(decision, `${responseCode}/${transactionStatus}`).toEqual({
        answer: IPN_ANSWERS.confirmed,
        record: { outcome: 'failed', responseCode, transactionStatus },
      });
    }
  });

  it('97 for a bad checksum, before anything else is looked at', () => {
    expect(tampered.valid).toBe(false);
    for (const record of [pending, { found: false } as const, { found: true, amountVnd: 1, status: 'final' } as const]) {
      expect(decideIpn(tampered, record)).toEqual({ answer: { RspCode: '97', Message: 'Invalid signature' } });
    }
  });

  it('01 when the TxnRef is unknown (before amount and status)', () => {
    expect(decideIpn(verify(IPN_QUERY), { found: false })).toEqual({ answer: { RspCode: '01', Message: 'Order not found' } });
  });

  it('04 when vnp_Amount/100 differs from ours, even if the attempt is already final', () => {
    expect(decideIpn(verify(IPN_QUERY), { ...pending, amountVnd: 150_001 })).toEqual({ answer: { RspCode: '04', Message: 'invalid amount' } });
    expect(decideIpn(verify(IPN_QUERY), { found: true, amountVnd: 15_000_000, status: 'final' }).answer.RspCode).toBe('04');
  });

  it('02 when the attempt is already final (a duplicate IPN after success or failure)', () => {
    expect(decideIpn(verify(IPN_QUERY), { ...pending, status: 'final' })).toEqual({ answer: { RspCode: '02', Message: 'Order already confirmed' } });
  });

  it('99 for the handler catch-all', () => {
    expect(ipnErrorAnswer()).toEqual({ RspCode: '99', Message: 'Unknow error' });
  });

  it('answers only the six codes of VNPay demos, and a record only with 00', () => {
    expect(Object.values(IPN_ANSWERS).map((a) => a.RspCode).sort()).toEqual(['00', '01', '02', '04', '97', '99']);
  });
});
