/** QueryDR and Refund: requests and response verification (research/payments.md §1.10–1.11). */
import { describe, expect, it } from 'vitest';
import {
  QUERYDR_RESPONSE_ORDER, REFUND_RESPONSE_ORDER, buildQueryDrRequest, buildRefundRequest, hmacSha512Hex,
  verifyQueryDrResponse, verifyRefundResponse,
} from '../../../shared/src/vnpay/index';
import { QUERYDR_INPUT, REFUND_INPUT, SECRET, TMN } from './fixtures';

const expectation = { hashSecret: SECRET, tmnCode: TMN, txnRef: 'HS123456-0001' };

/** Signs a response the way VNPay does: the documented fields joined with `|`, absent ones empty. */
function signResponse(order: readonly string[], body: Record<string, string>): Record<string, string> {
  return { ...body, vnp_SecureHash: hmacSha512Hex(SECRET, order.map((k) => body[k] ?? '').join('|')) };
}

const queryDrBody = {
  vnp_ResponseId: '4f8e2a1c9b7d4e3f', vnp_Command: 'querydr', vnp_ResponseCode: '00', vnp_Message: 'QueryDR Success',
  vnp_TmnCode: TMN, vnp_TxnRef: 'HS123456-0001', vnp_Amount: '15000000', vnp_BankCode: 'NCB', vnp_PayDate: '20250101103100',
  vnp_TransactionNo: '14226112', vnp_TransactionType: '01', vnp_TransactionStatus: '00', vnp_OrderInfo: 'Thanh toan vien phi HS 123456',
};
const refundBody = {
  vnp_ResponseId: '9a8b7c6d5e4f3a2b', vnp_Command: 'refund', vnp_ResponseCode: '00', vnp_Message: 'Refund success',
  vnp_TmnCode: TMN, vnp_TxnRef: 'HS123456-0001', vnp_Amount: '5000000', vnp_BankCode: 'NCB', vnp_PayDate: '20250102090005',
  vnp_TransactionNo: '14226199', vnp_TransactionType: '03', vnp_TransactionStatus: '05', vnp_OrderInfo: 'Hoan tien mot phan HS123456-0001',
};

describe('QueryDR', () => {
  it('makes a fresh 32-character vnp_RequestId per call when none is given', () => {
    const { requestId: _fixed, ...input } = QUERYDR_INPUT;
    const a = buildQueryDrRequest(input);
    const b = buildQueryDrRequest(input);
    expect(a.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.requestId).not.toBe(b.requestId);
    expect(a.body.vnp_SecureHash).not.toBe(b.body.vnp_SecureHash);
    expect(a.hashData.startsWith(`${a.requestId}|2.1.0|querydr|`)).toBe(true);
  });

  it('sends vnp_TransactionNo when known, outside the hash', () => {
    const req = buildQueryDrRequest({ ...QUERYDR_INPUT, transactionNo: '14226112' });
    expect(req.body.vnp_TransactionNo).toBe('14226112');
    expect(req.hashData).not.toContain('14226112');
  });

  it('rejects inputs that would break the pipe-joined hash or the formats', () => {
    expect(() => buildQueryDrRequest({ ...QUERYDR_INPUT, orderInfo: 'a|b' })).toThrow();
    expect(() => buildQueryDrRequest({ ...QUERYDR_INPUT, requestId: 'x'.repeat(33) })).toThrow();
    expect(() => buildQueryDrRequest({ ...QUERYDR_INPUT, transactionDate: '2025-01-01' })).toThrow();
    expect(() => buildQueryDrRequest({ ...QUERYDR_INPUT, ipAddr: 'localhost' })).toThrow();
  });

  it('verifies a signed response over the wire values and reads it', () => {
    expect(verifyQueryDrResponse(signResponse(QUERYDR_RESPONSE_ORDER, queryDrBody), expectation)).toEqual({
      valid: true,
      result: {
        responseCode: '00', message: 'QueryDR Success', txnRef: 'HS123456-0001', amountVnd: 150_000, bankCode: 'NCB',
        payDate: '2025-01-01T03:31:00.000Z', transactionNo: '14226112', transactionType: '01', transactionStatus: '00',
      },
    });
  });

  it('hashes absent fields as empty strings (promotion fields are usually missing)', () => {
    const { vnp_BankCode: _b, ...body } = queryDrBody;
    expect(verifyQueryDrResponse(signResponse(QUERYDR_RESPONSE_ORDER, body), expectation)).toMatchObject({ valid: true, result: { bankCode: undefined } });
  });

  it('fails closed: missing, malformed or wrong hash, tampered field, not an object', () => {
    const signed = signResponse(QUERYDR_RESPONSE_ORDER, queryDrBody);
    expect(verifyQueryDrResponse(queryDrBody, expectation)).toEqual({ valid: false, reason: 'missing_hash' });
    expect(verifyQueryDrResponse({ ...signed, vnp_SecureHash: '' }, expectation)).toEqual({ valid: false, reason: 'missing_hash' });
    expect(verifyQueryDrResponse({ ...signed, vnp_SecureHash: 12 }, expectation)).toEqual({ valid: false, reason: 'malformed_hash' });
    expect(verifyQueryDrResponse({ ...signed, vnp_TransactionStatus: '01' }, expectation)).toEqual({ valid: false, reason: 'bad_signature' });
    expect(verifyQueryDrResponse({ ...signed, vnp_SecureHash: signed.vnp_SecureHash!.toUpperCase() }, expectation).valid).toBe(true);
    for (const body of [null, 'x', [signed], undefined]) expect(verifyQueryDrResponse(body, expectation)).toEqual({ valid: false, reason: 'not_an_object' });
  });

  it('rejects a signed success about another attempt or terminal, or for another command', () => {
    expect(verifyQueryDrResponse(signResponse(QUERYDR_RESPONSE_ORDER, { ...queryDrBody, vnp_TxnRef: 'HS999' }), expectation)).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifyQueryDrResponse(signResponse(QUERYDR_RESPONSE_ORDER, { ...queryDrBody, vnp_TmnCode: 'OTHERTMN' }), expectation)).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifyQueryDrResponse(signResponse(QUERYDR_RESPONSE_ORDER, { ...queryDrBody, vnp_Command: 'refund' }), expectation)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('accepts a signed error answer (91 not found) without TxnRef', () => {
    const body = { vnp_ResponseId: 'r1', vnp_Command: 'querydr', vnp_ResponseCode: '91', vnp_Message: 'Not found', vnp_TmnCode: TMN };
    expect(verifyQueryDrResponse(signResponse(QUERYDR_RESPONSE_ORDER, body), expectation)).toMatchObject({ valid: true, result: { responseCode: '91', amountVnd: undefined } });
  });

  it('rejects signed amounts that are not whole VND', () => {
    expect(verifyQueryDrResponse(signResponse(QUERYDR_RESPONSE_ORDER, { ...queryDrBody, vnp_Amount: '15000050' }), expectation)).toEqual({ valid: false, reason: 'malformed_fields' });
  });
});

describe('Refund', () => {
  it('full refund is type 02 with the whole amount', () => {
    const req = buildRefundRequest({ ...REFUND_INPUT, kind: 'full', amountVnd: 150_000 });
    expect(req.body).toMatchObject({ vnp_TransactionType: '02', vnp_Amount: '15000000' });
    expect(req.hashData).toBe(`REF20250102090000|2.1.0|refund|TESTTMN1|02|HS123456-0001|15000000|14226112|20250101103000|thu.ngan.01|20250102090000|10.0.0.1|Hoan tien mot phan HS123456-0001`);
  });

  it('rejects a non-integer or zero amount and a | in createBy', () => {
    expect(() => buildRefundRequest({ ...REFUND_INPUT, amountVnd: 1.5 })).toThrow();
    expect(() => buildRefundRequest({ ...REFUND_INPUT, amountVnd: 0 })).toThrow();
    expect(() => buildRefundRequest({ ...REFUND_INPUT, createBy: 'a|b' })).toThrow();
  });

  it('verifies a refund response signed over the on-the-wire amount (the npm vnpay bug, §2.2 item 2)', () => {
    const signed = signResponse(REFUND_RESPONSE_ORDER, refundBody);
    expect(verifyRefundResponse(signed, expectation)).toMatchObject({ valid: true, result: { responseCode: '00', amountVnd: 50_000, transactionType: '03', transactionStatus: '05' } });
    // Signed over amount/100 (what the npm package hashed) is not VNPay's signature.
    const wrong = signResponse(REFUND_RESPONSE_ORDER, { ...refundBody, vnp_Amount: '50000' });
    expect(verifyRefundResponse({ ...wrong, vnp_Amount: '5000000' }, expectation)).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('fails closed without a hash (the npm vnpay package reported these as verified, §2.2 item 3)', () => {
    expect(verifyRefundResponse(refundBody, expectation)).toEqual({ valid: false, reason: 'missing_hash' });
  });

  it('does not accept a QueryDR-ordered signature as a refund signature', () => {
    const signed = signResponse(QUERYDR_RESPONSE_ORDER, { ...refundBody, vnp_PromotionCode: 'KM1' });
    expect(verifyRefundResponse(signed, expectation)).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('accepts numbers where VNPay sends JSON numbers, hashed as their decimal text', () => {
    const signed = signResponse(REFUND_RESPONSE_ORDER, refundBody);
    expect(verifyRefundResponse({ ...signed, vnp_Amount: 5_000_000 }, expectation)).toMatchObject({ valid: true, result: { amountVnd: 50_000 } });
  });
});
