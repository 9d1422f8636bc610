/** Return/IPN verification: the negative cases of research/payments.md §1.5 and our fail-closed rules. */
import { describe, expect, it } from 'vitest';
import { encodeWhatwg, hmacSha512Hex, verifyVnpayQuery } from '../../../shared/src/vnpay/index';
import { IPN_CANONICAL, IPN_FIELDS, IPN_HASH, IPN_QUERY, SECRET, TMN, signedQuery } from './fixtures';

const verify = (query: string) => verifyVnpayQuery(query, { hashSecret: SECRET, tmnCode: TMN });

describe('verifyVnpayQuery', () => {
  it('rejects a tampered vnp_Amount', () => {
    expect(verify(IPN_QUERY.replace('vnp_Amount=15000000', 'vnp_Amount=1500000'))).toMatchObject({ valid: false, reason: 'bad_signature' });
  });

  it('ignores keys that do not start with vnp_, wherever they sit', () => {
    expect(verify(`utm_source=zalo&${IPN_QUERY}&fbclid=abc%20def&Vnp_x=1`).valid).toBe(true);
  });

  it('ignores vnp_SecureHashType (legacy 2.0.x field)', () => {
    expect(verify(`${IPN_QUERY}&vnp_SecureHashType=SHA512`).valid).toBe(true);
    expect(verify(`vnp_SecureHashType=HmacSHA512&${IPN_QUERY}`).valid).toBe(true);
  });

  it('accepts the hash in uppercase or mixed case, and a leading ?', () => {
    expect(verify(`${IPN_CANONICAL}&vnp_SecureHash=${IPN_HASH.toUpperCase()}`).valid).toBe(true);
    const mixed = [...IPN_HASH].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    expect(verify(`?${IPN_CANONICAL}&vnp_SecureHash=${mixed}`).valid).toBe(true);
  });

  it('fails closed when the hash is missing, empty, short, long or not hex', () => {
    expect(verify(IPN_CANONICAL)).toMatchObject({ valid: false, reason: 'missing_hash' });
    expect(verify(`${IPN_CANONICAL}&vnp_SecureHash=`)).toMatchObject({ valid: false, reason: 'missing_hash' });
    expect(verify(`${IPN_CANONICAL}&vnp_SecureHash=${IPN_HASH.slice(1)}`)).toMatchObject({ valid: false, reason: 'malformed_hash' });
    expect(verify(`${IPN_CANONICAL}&vnp_SecureHash=${IPN_HASH}00`)).toMatchObject({ valid: false, reason: 'malformed_hash' });
    expect(verify(`${IPN_CANONICAL}&vnp_SecureHash=${IPN_HASH.slice(1)}g`)).toMatchObject({ valid: false, reason: 'malformed_hash' });
    expect(verify('')).toMatchObject({ valid: false, reason: 'missing_hash' });
  });

  it('decodes + in the raw query as a space before re-encoding (and %20 the same way)', () => {
    expect(IPN_QUERY).toContain('vnp_OrderInfo=Thanh+toan+vien+phi');
    expect(verify(IPN_QUERY.replace('Thanh+toan+vien+phi', 'Thanh%20toan%20vien%20phi')).valid).toBe(true);
    // A literal plus is %2B on the wire and must stay a plus.
    const withPlus = signedQuery({ ...IPN_FIELDS, vnp_OrderInfo: 'a+b c' });
    expect(withPlus).toContain('vnp_OrderInfo=a%2Bb+c');
    expect(verify(withPlus)).toMatchObject({ valid: true, params: { orderInfo: 'a+b c' } });
  });

  it('fails closed on a vnp_ key given twice, even with the same value', () => {
    expect(verify(`${IPN_QUERY}&vnp_Amount=15000000`)).toMatchObject({ valid: false, reason: 'duplicate_field' });
    expect(verify(`${IPN_QUERY}&vnp_SecureHash=${IPN_HASH}`)).toMatchObject({ valid: false, reason: 'duplicate_field' });
  });

  it('fails closed on malformed percent-encoding in a vnp_ field, and ignores it elsewhere', () => {
    expect(verify(`${IPN_QUERY}&vnp_X=%E0%A4%A`)).toMatchObject({ valid: false, reason: 'malformed_query' });
    expect(verify(`${IPN_QUERY}&vnp_%ZZ=1`)).toMatchObject({ valid: false, reason: 'malformed_query' });
    expect(verify(`${IPN_QUERY}&vnp_X=%C3`)).toMatchObject({ valid: false, reason: 'malformed_query' }); // not UTF-8
    expect(verify(`${IPN_QUERY}&other=%&%ZZ=1`).valid).toBe(true);
  });

  it('rejects a correctly signed query for another terminal', () => {
    const other = signedQuery({ ...IPN_FIELDS, vnp_TmnCode: 'OTHERTMN' });
    expect(verify(other)).toMatchObject({ valid: false, reason: 'tmn_mismatch' });
  });

  it('rejects a correctly signed query with a secret that is not ours', () => {
    expect(verify(signedQuery(IPN_FIELDS, 'ANOTHERSECRET'))).toMatchObject({ valid: false, reason: 'bad_signature' });
  });

  it('rejects signed amounts that are not whole VND, and other unreadable signed fields', () => {
    for (const [key, value] of [
      ['vnp_Amount', '15000050'], ['vnp_Amount', '1.5e7'], ['vnp_Amount', '-15000000'], ['vnp_Amount', '1234567890000'],
      ['vnp_PayDate', '20250230103100'], ['vnp_PayDate', '2025010110310'], ['vnp_ResponseCode', '0'],
      ['vnp_TransactionStatus', 'OK'], ['vnp_TxnRef', 'HS 1'],
    ] as const) {
      expect(verify(signedQuery({ ...IPN_FIELDS, [key]: value })), `${key}=${value}`).toMatchObject({ valid: false, reason: 'malformed_params' });
    }
    const { vnp_TransactionStatus: _omitted, ...withoutStatus } = IPN_FIELDS;
    expect(verify(signedQuery(withoutStatus))).toMatchObject({ valid: false, reason: 'malformed_params' });
  });

  it('reads a cancelled payment (24/02, TransactionNo 0, no BankTranNo)', () => {
    const { vnp_BankTranNo: _none, ...rest } = IPN_FIELDS;
    const query = signedQuery({ ...rest, vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_TransactionNo: '0', vnp_CardType: 'QRCODE' });
    expect(verify(query)).toMatchObject({
      valid: true,
      params: { responseCode: '24', transactionStatus: '02', transactionNo: '0', bankTranNo: undefined, cardType: 'QRCODE' },
    });
  });

  it('treats an empty value as absent, in the hash and in the params', () => {
    expect(verify(`vnp_BankTranNo=&${IPN_QUERY.replace('vnp_BankTranNo=VNP14226112&', '')}`)).toMatchObject({ valid: false, reason: 'bad_signature' });
    const { vnp_BankTranNo: _none, ...rest } = IPN_FIELDS;
    expect(verify(`vnp_BankTranNo=&${signedQuery(rest)}`)).toMatchObject({ valid: true, params: { bankTranNo: undefined } });
  });

  it("falls back to the WHATWG encoding only when a value holds one of * ~ ! ' ( )", () => {
    const fields: Record<string, string> = { ...IPN_FIELDS, vnp_OrderInfo: "Don (hang) ~1 it's" };
    const canonical = Object.keys(fields).sort().map((k) => `${k}=${encodeWhatwg(fields[k] as string)}`).join('&');
    const whatwgSigned = `${canonical}&vnp_SecureHash=${hmacSha512Hex(SECRET, canonical)}`;
    expect(verify(whatwgSigned)).toMatchObject({ valid: true, encoder: 'whatwg', params: { orderInfo: "Don (hang) ~1 it's" } });
    expect(verify(signedQuery(fields))).toMatchObject({ valid: true, encoder: 'node-demo' });
  });
});
