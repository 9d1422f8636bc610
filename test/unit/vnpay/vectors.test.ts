/** The four conformance vectors of research/payments.md §1.5, byte for byte. */
import { describe, expect, it } from 'vitest';
import {
  buildPayUrl, buildQueryDrRequest, buildRefundRequest, canonicalQuery, hmacSha512Hex, verifyVnpayQuery,
} from '../../../shared/src/vnpay/index';
import {
  IPN_CANONICAL, IPN_FIELDS, IPN_HASH, IPN_QUERY, PAY_CANONICAL, PAY_HASH, PAY_INPUT, PAY_URL, QUERYDR_HASH,
  QUERYDR_HASH_DATA, QUERYDR_INPUT, REFUND_HASH, REFUND_HASH_DATA, REFUND_INPUT, SECRET, TMN,
} from './fixtures';

describe('VNPay conformance vectors (payments.md §1.5)', () => {
  it('vector 1, pay request: canonical string, hash and URL', () => {
    const pay = buildPayUrl(PAY_INPUT);
    expect(canonicalQuery(pay.fields)).toBe(PAY_CANONICAL);
    expect(pay.secureHash).toBe(PAY_HASH);
    expect(pay.url).toBe(PAY_URL);
    expect(pay.createDate).toBe('20250101103000');
    expect(pay.expireDate).toBe('20250101104500');
    expect(pay.expiresAt.toISOString()).toBe('2025-01-01T03:45:00.000Z');
  });

  it('vector 2, IPN/return query: canonical string and hash, and the query verifies', () => {
    expect(canonicalQuery(IPN_FIELDS)).toBe(IPN_CANONICAL);
    expect(hmacSha512Hex(SECRET, IPN_CANONICAL)).toBe(IPN_HASH);
    const result = verifyVnpayQuery(IPN_QUERY, { hashSecret: SECRET, tmnCode: TMN });
    expect(result).toMatchObject({
      valid: true,
      encoder: 'node-demo',
      params: {
        tmnCode: 'TESTTMN1',
        txnRef: 'HS123456-0001',
        amountVnd: 150_000,
        responseCode: '00',
        transactionStatus: '00',
        transactionNo: '14226112',
        bankCode: 'NCB',
        bankTranNo: 'VNP14226112',
        cardType: 'ATM',
        orderInfo: 'Thanh toan vien phi HS 123456',
        payDate: '2025-01-01T03:31:00.000Z',
      },
    });
  });

  it('vector 3, QueryDR request: pipe-joined data and hash', () => {
    const req = buildQueryDrRequest(QUERYDR_INPUT);
    expect(req.hashData).toBe(QUERYDR_HASH_DATA);
    expect(req.body.vnp_SecureHash).toBe(QUERYDR_HASH);
    expect(req.body).toEqual({
      vnp_RequestId: 'REQ20250101103500',
      vnp_Version: '2.1.0',
      vnp_Command: 'querydr',
      vnp_TmnCode: 'TESTTMN1',
      vnp_TxnRef: 'HS123456-0001',
      vnp_OrderInfo: 'Truy van GD HS123456-0001',
      vnp_TransactionDate: '20250101103000',
      vnp_CreateDate: '20250101103500',
      vnp_IpAddr: '10.0.0.1',
      vnp_SecureHash: QUERYDR_HASH,
    });
  });

  it('vector 4, partial refund of 50,000 VND: pipe-joined data and hash', () => {
    const req = buildRefundRequest(REFUND_INPUT);
    expect(req.hashData).toBe(REFUND_HASH_DATA);
    expect(req.body.vnp_SecureHash).toBe(REFUND_HASH);
    expect(req.body).toMatchObject({ vnp_Command: 'refund', vnp_TransactionType: '03', vnp_Amount: '5000000', vnp_CreateBy: 'thu.ngan.01' });
  });
});
