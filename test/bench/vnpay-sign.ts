/**
 * Bench part: VNPay sign + verify per second, the project's own code (shared/src/vnpay) vs the npm
 * `vnpay@2.5.0` package (dev dependency only) on the same inputs and secret. One operation = build a
 * signed pay URL + verify a signed IPN query. Both start the verify from the raw query string (a
 * Lambda gets `rawQueryString`; the package wants an object, so it pays for URLSearchParams too).
 * Sign and verify are timed apart (A B B A twice each, after a warm-up, so drift hits both alike)
 * and combined: one sign + one verify takes 1/sign + 1/verify seconds. Also one sanity row: the two
 * libraries give the same vnp_SecureHash for the same fields.
 */
import { performance } from 'node:perf_hooks';
import { VNPay, ignoreLogger } from 'vnpay';
import { buildPayUrl, signFields, verifyVnpayQuery, vnpayDateTime, type PayUrlInput } from '../../shared/src/vnpay/index';
import { localVnpaySettings } from '../../functions/src/local/sandbox/vnpay-settings';
import { median } from './load';
import { fmtInt, ratioText, type BenchContext, type BenchSection } from './section';

const TARGET_RATIO = 1;
const WARMUP_MS = 500;

const { tmnCode, hashSecret } = localVnpaySettings('http://unused');
const createdAt = new Date('2025-03-04T02:05:06Z');

/** The pay-URL inputs both libraries sign. */
const payInput: PayUrlInput = {
  tmnCode,
  hashSecret,
  payBaseUrl: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
  amountVnd: 398_000,
  txnRef: '01JBENCHPAYMENT0000000000A',
  orderInfo: 'Thanh toan vien phi HD-2025-000123',
  returnUrl: 'https://portal.example.vn/thanh-toan/ket-qua',
  ipAddr: '203.0.113.7',
  createdAt,
  locale: 'vn',
  orderType: 'other',
};

/** A successful IPN for that payment, signed once with our code (both verify the same string). */
const ipnQuery = signFields({
  vnp_Amount: String(payInput.amountVnd * 100),
  vnp_BankCode: 'NCB',
  vnp_BankTranNo: 'VNP14123456',
  vnp_CardType: 'ATM',
  vnp_OrderInfo: payInput.orderInfo,
  vnp_PayDate: vnpayDateTime(createdAt),
  vnp_ResponseCode: '00',
  vnp_TmnCode: tmnCode,
  vnp_TransactionNo: '14123456',
  vnp_TransactionStatus: '00',
  vnp_TxnRef: payInput.txnRef,
}, hashSecret).query;

const ours = buildPayUrl(payInput);

const vnpay = new VNPay({
  tmnCode,
  secureSecret: hashSecret,
  vnpayHost: 'https://sandbox.vnpayment.vn',
  hashAlgorithm: 'SHA512' as never,
  enableLog: false,
  loggerFn: ignoreLogger,
});

/** The package's build call for the very same fields (it multiplies the amount by 100 itself). */
const packageInput = {
  vnp_Amount: payInput.amountVnd,
  vnp_OrderInfo: payInput.orderInfo,
  vnp_TxnRef: payInput.txnRef,
  vnp_IpAddr: payInput.ipAddr,
  vnp_ReturnUrl: payInput.returnUrl,
  vnp_CreateDate: Number(ours.createDate),
  vnp_ExpireDate: Number(ours.expireDate),
  vnp_Locale: 'vn',
  vnp_OrderType: 'other',
} as Parameters<VNPay['buildPaymentUrl']>[0];

const oursSign = () => buildPayUrl(payInput).url.length > 0;
const oursVerify = () => verifyVnpayQuery(ipnQuery, { hashSecret, tmnCode }).valid;
const packageSign = () => vnpay.buildPaymentUrl(packageInput).length > 0;
const packageVerify = () => vnpay.verifyIpnCall(Object.fromEntries(new URLSearchParams(ipnQuery)) as never).isVerified;

/** Synchronous loop for `ms`; every failed verification counts, so a broken side cannot look fast. */
function opsPerSecond(op: () => boolean, ms: number): { opsPerSec: number; failures: number } {
  let ops = 0;
  let failures = 0;
  const started = performance.now();
  let now = started;
  while (now - started < ms) {
    // Check the clock every 50 operations: performance.now() is not free next to a few µs of work.
    for (let i = 0; i < 50; i++) {
      if (!op()) failures++;
      ops++;
    }
    now = performance.now();
  }
  return { opsPerSec: ops / ((now - started) / 1000), failures };
}

/** The hash each library puts on the pay URL for the same fields, and whether each accepts the IPN. */
function sameHash(): { ours: string; pkg: string; equal: boolean; oursVerifies: boolean; pkgVerifies: boolean } {
  const pkgUrl = new URL(vnpay.buildPaymentUrl(packageInput));
  const pkg = pkgUrl.searchParams.get('vnp_SecureHash') ?? '';
  return { ours: ours.secureHash, pkg, equal: pkg === ours.secureHash, oursVerifies: oursVerify(), pkgVerifies: packageVerify() };
}

interface Halves {
  sign: number[];
  verify: number[];
}

/** Alternating runs (A B B A twice) of one half, ours vs the package; failures counted. */
async function alternate(ours: () => boolean, pkg: () => boolean, runMs: number, into: { ours: number[]; pkg: number[] }): Promise<number> {
  opsPerSecond(ours, WARMUP_MS);
  opsPerSecond(pkg, WARMUP_MS);
  let failures = 0;
  for (const which of ['ours', 'pkg', 'pkg', 'ours', 'ours', 'pkg', 'pkg', 'ours'] as const) {
    const run = opsPerSecond(which === 'ours' ? ours : pkg, runMs);
    into[which].push(run.opsPerSec);
    failures += run.failures;
    // Let timers and I/O of anything else in the process run between the synchronous loops.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return failures;
}

/** Sign + verify per second from the halves: one of each takes 1/sign + 1/verify seconds. */
const combined = (sign: number, verify: number) => 1 / (1 / sign + 1 / verify);

export async function vnpaySignPart(ctx: BenchContext): Promise<BenchSection> {
  const hash = sameHash();
  // Sixteen runs in all, each an eighth of the load duration; medians, because the machine is shared.
  const runMs = Math.max(200, (ctx.durationS * 1000) / 8);
  ctx.log(`VNPay sign, then verify: warm-up, then 8 alternating runs of ${runMs} ms each`);
  const ours: Halves = { sign: [], verify: [] };
  const pkg: Halves = { sign: [], verify: [] };
  let failures = await alternate(oursSign, packageSign, runMs, { ours: ours.sign, pkg: pkg.sign });
  failures += await alternate(oursVerify, packageVerify, runMs, { ours: ours.verify, pkg: pkg.verify });
  const o = { sign: median(ours.sign), verify: median(ours.verify) };
  const p = { sign: median(pkg.sign), verify: median(pkg.verify) };
  const oursOps = combined(o.sign, o.verify);
  const pkgOps = combined(p.sign, p.verify);
  const ratio = oursOps / pkgOps;
  const notes = [
    `VNPay halves (median op/s, ours vs \`vnpay@2.5.0\`): sign (signed pay URL) ${fmtInt(o.sign)} vs ${fmtInt(p.sign)} (${ratioText(o.sign / p.sign)}); verify (IPN query from the raw string) ${fmtInt(o.verify)} vs ${fmtInt(p.verify)} (${ratioText(o.verify / p.verify)}). Ours validates every pay-URL input (zod/mini) and parses the raw query itself (duplicate keys, hex check, constant-time compare); the package does neither.`,
  ];
  if (ratio < TARGET_RATIO) notes.push(`VNPay sign + verify is ${ratioText(ratio)} of the package: the slower half is ${o.sign / p.sign < o.verify / p.verify ? 'signing' : 'verification'}.`);
  if (failures) notes.push(`${failures} VNPay sign or verify operations failed during the runs.`);
  if (!hash.equal) notes.push(`The two libraries disagree on the pay URL's hash: ours ${hash.ours.slice(0, 16)}…, vnpay ${hash.pkg.slice(0, 16)}….`);
  return {
    id: 'vnpaySign',
    title: 'VNPay sign + verify',
    rows: [
      {
        figure: 'VNPay sign + verify per second (a signed pay URL + an IPN check), our code vs `vnpay@2.5.0` on the same inputs',
        measured: `${fmtInt(oursOps)} op/s`,
        baseline: `${fmtInt(pkgOps)} op/s`,
        ratio,
        target: `≥ ${TARGET_RATIO}×`,
        met: ratio >= TARGET_RATIO && failures === 0,
      },
      {
        figure: 'Same vnp_SecureHash from both libraries for the same pay-URL fields; each accepts the signed IPN',
        measured: hash.equal ? 'same hash' : 'different hashes',
        baseline: '—',
        target: 'same hash, both verify',
        met: hash.equal && hash.oursVerifies && hash.pkgVerifies,
      },
    ],
    notes,
    json: {
      oursOpsPerSec: Math.round(oursOps), vnpayOpsPerSec: Math.round(pkgOps), ratio: Number(ratio.toFixed(2)),
      halves: { ours: o, vnpay: p }, runs: { ours, vnpay: pkg }, runMs, failures, sanity: hash,
    },
  };
}
