/**
 * VNPay settings of the local stack. The portal's functions and the /sandbox/vnpay double read the
 * same values, as a merchant and VNPay share a TmnCode and hash secret. Override with
 * VNPAY_TMN_CODE / VNPAY_HASH_SECRET; these defaults are for the local sandbox only.
 */
export function localVnpaySettings(origin: string, env: NodeJS.ProcessEnv = process.env) {
  return {
    tmnCode: env.VNPAY_TMN_CODE ?? 'CONGYTE1',
    hashSecret: env.VNPAY_HASH_SECRET ?? 'LOCALSANDBOXSECRETFORDEVELOPMENT',
    payUrl: `${origin}/sandbox/vnpay/paymentv2/vpcpay.html`,
    apiUrl: `${origin}/sandbox/vnpay/merchant_webapi/api/transaction`,
    ipnUrl: `${origin}/api/payments/vnpay/ipn`,
    payLinkKey: env.PAY_LINK_KEY ?? 'local-pay-link-key-not-for-production',
    hisSigningKey: env.HIS_SIGNING_KEY ?? 'local-his-signing-key-not-for-production',
  };
}
