/**
 * 2,000 generated single-field mutations of signed IPNs (issue 3 "Figures the tests must show"):
 * every one is answered 97 with nothing to record, except "amount changed and signature recomputed"
 * (valid, answered 04) and "hash case flipped" (same hash, valid, answered 00).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideIpn, encodeNodeDemo, signFields, verifyVnpayQuery, type IpnRecordView } from '../../../shared/src/vnpay/index';
import { SECRET, TMN } from './fixtures';

type Fields = Record<string, string>;
const serialise = (fields: Fields): string => Object.entries(fields).map(([k, v]) => `${encodeNodeDemo(k)}=${encodeNodeDemo(v)}`).join('&');

/** A random genuine IPN for one of our attempts. */
const ipn = fc.record({
  vnp_Amount: fc.integer({ min: 1, max: 99_999_999 }).map((vnd) => `${vnd}00`),
  vnp_BankCode: fc.constantFrom('NCB', 'VNPAY', 'VCB', 'INTCARD'),
  vnp_BankTranNo: fc.stringMatching(/^VNP\d{8}$/),
  vnp_CardType: fc.constantFrom('ATM', 'QRCODE', 'VISA'),
  vnp_OrderInfo: fc.stringMatching(/^[A-Za-z0-9 ]{1,40}$/).map((s) => s.trim() || 'Thanh toan'),
  vnp_PayDate: fc.date({ min: new Date('2025-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => new Date(d.getTime() + 7 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14)),
  vnp_ResponseCode: fc.constantFrom('00', '24', '51'),
  vnp_TmnCode: fc.constant(TMN),
  vnp_TransactionNo: fc.stringMatching(/^\d{8}$/),
  vnp_TransactionStatus: fc.constantFrom('00', '02'),
  vnp_TxnRef: fc.stringMatching(/^[A-Za-z0-9]{8,32}$/),
});

type Mutation = { kind: string; query: (fields: Fields, hash: string) => string; expectCode: '97' | '04' | '00' };

const otherValue = fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^\d{1,12}$/), fc.constantFrom('', ' ', '00', '0', '+', '%'));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), otherValue).map(([i, v]): Mutation => ({
    kind: 'change a value',
    query: (f, h) => {
      const key = Object.keys(f)[i % Object.keys(f).length] as string;
      // Guarantee a different value; '' drops the field from the hash, which is a change too.
      const next = v === f[key] ? `${v}1` : v;
      return `${serialise({ ...f, [key]: next })}&vnp_SecureHash=${h}`;
    },
    expectCode: '97',
  })),
  fc.nat().map((i): Mutation => ({
    kind: 'drop a field',
    query: (f, h) => {
      const all = { ...f, vnp_SecureHash: h };
      const key = Object.keys(all)[i % Object.keys(all).length] as string;
      delete (all as Fields)[key];
      return serialise(all);
    },
    expectCode: '97',
  })),
  fc.tuple(fc.stringMatching(/^vnp_[A-Za-z][A-Za-z0-9]{0,11}$/), fc.string({ minLength: 1, maxLength: 12 })).map(([k, v]): Mutation => ({
    kind: 'add a vnp_ field',
    query: (f, h) => {
      const key = k in f || k === 'vnp_SecureHash' || k === 'vnp_SecureHashType' ? `${k}X` : k;
      return `${serialise({ ...f, [key]: v })}&vnp_SecureHash=${h}`;
    },
    expectCode: '97',
  })),
  fc.tuple(fc.nat({ max: 127 }), fc.nat({ max: 14 })).map(([pos, shift]): Mutation => ({
    kind: 'flip a hash character',
    query: (f, h) => {
      const hex = '0123456789abcdef';
      const next = hex[(hex.indexOf(h[pos] as string) + shift + 1) % 16] as string;
      return `${serialise(f)}&vnp_SecureHash=${h.slice(0, pos)}${next}${h.slice(pos + 1)}`;
    },
    expectCode: '97',
  })),
  fc.nat().map((i): Mutation => ({
    kind: 'duplicate a field',
    query: (f, h) => {
      const key = Object.keys(f)[i % Object.keys(f).length] as string;
      return `${serialise(f)}&vnp_SecureHash=${h}&${key}=${encodeNodeDemo(f[key] as string)}`;
    },
    expectCode: '97',
  })),
  fc.constant<Mutation>({ kind: 'flip the hash case', query: (f, h) => `${serialise(f)}&vnp_SecureHash=${h.toUpperCase()}`, expectCode: '00' }),
  fc.integer({ min: 1, max: 1_000_000 }).map((delta): Mutation => ({
    kind: 'change the amount and re-sign',
    query: (f) => signFields({ ...f, vnp_Amount: `${Number(f.vnp_Amount) / 100 + delta}00` }, SECRET).query,
    expectCode: '04',
  })),
);

describe('single-field mutations of a signed IPN', () => {
  it('2,000 mutations: 97 with no state change, except a re-signed amount (04) and hash case (00)', () => {
    const seen: Record<string, number> = {};
    fc.assert(
      fc.property(ipn, mutation, (fields, m) => {
        const hash = signFields(fields, SECRET).secureHash;
        const record: IpnRecordView = { found: true, amountVnd: Number(fields.vnp_Amount) / 100, status: 'pending' };
        const decision = decideIpn(verifyVnpayQuery(m.query(fields, hash), { hashSecret: SECRET, tmnCode: TMN }), record);
        seen[m.kind] = (seen[m.kind] ?? 0) + 1;
        expect(decision.answer.RspCode, m.kind).toBe(m.expectCode);
        if (m.expectCode !== '00') expect(decision.record).toBeUndefined();
      }),
      { numRuns: 2_000 },
    );
    expect(Object.values(seen).reduce((a, b) => a + b, 0)).toBe(2_000);
    expect(Object.keys(seen)).toHaveLength(7);
  });
});
