/** Property tests, 10,000 cases each (research/payments.md §1.13; issue 3 "Figures the tests must show"). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_AMOUNT_VND, buildPayUrl, parseVnpQuery, signFields, verifyQuerySignature, verifyVnpayQuery,
} from '../../../shared/src/vnpay/index';
import { IPN_FIELDS, PAY_INPUT, SECRET, TMN } from './fixtures';

const RUNS = 10_000;

/** Characters that break naive encoders: separators, plus, percent, Vietnamese, emoji, CJK, controls. */
const tricky = fc.constantFrom(
  ' ', '&', '=', '+', '%', '%2B', '%20', '?', '#', '/', ':', ';', ',', '*', '~', '!', "'", '(', ')', '"', '<', '\\', '|',
  '\n', '\t', '\u0000', 'ệ', 'đ', 'Đ', 'ư', 'ơ', 'ầ', '😀', '👨‍👩‍👧', '中', '\u00a0', '\u200b', 'e\u0301', 'a', 'Z', '0', '-', '_', '.',
);
const value = fc.oneof(
  fc.string({ unit: tricky, minLength: 1, maxLength: 20 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
);
const key = fc.stringMatching(/^vnp_[A-Za-z0-9_]{1,16}$/).filter((k) => k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType');

describe('VNPay properties', () => {
  it('amount × 100 round trip: build the pay URL → VNPay echoes vnp_Amount in a signed IPN → verify gives the same VND', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_AMOUNT_VND }), (amountVnd) => {
        const pay = buildPayUrl({ ...PAY_INPUT, amountVnd });
        // What VNPay reads from the URL (the URL's signature is covered by the vectors and the next property).
        const sent = parseVnpQuery(pay.url.slice(pay.url.indexOf('?')));
        if (!sent.ok) return false;
        const wireAmount = sent.fields.vnp_Amount as string;
        if (wireAmount !== `${amountVnd}00` || !/^\d{1,12}$/.test(wireAmount)) return false;
        const ipn = signFields({ ...IPN_FIELDS, vnp_Amount: wireAmount }, SECRET).query;
        const result = verifyVnpayQuery(ipn, { hashSecret: SECRET, tmnCode: TMN });
        return result.valid && result.params.amountVnd === amountVnd && Number.isInteger(result.params.amountVnd);
      }),
      { numRuns: RUNS },
    );
  });

  it('canonical string round trip: sign random vnp_ fields → parse the raw query → same fields, valid hash', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 12 }), (fields) => {
        const { query, secureHash } = signFields(fields, SECRET);
        // What goes on the wire is plain ASCII: nothing for a proxy to re-encode.
        if (!/^[\x21-\x7e]*$/.test(query)) return false;
        const result = verifyQuerySignature(query, SECRET);
        expect(result).toEqual({ ok: true, encoder: 'node-demo', fields: { ...fields, vnp_SecureHash: secureHash } });
        return true;
      }),
      { numRuns: RUNS },
    );
  });
});
