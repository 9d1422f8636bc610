/**
 * The licence signature (ADR 0015): ECDSA P-256 over the SHA-256 of the PDF, a detached signature
 * kept in the register. In AWS a KMS asymmetric key (ECC_NIST_P256, ECDSA_SHA_256) signs the digest
 * (MessageType DIGEST), so the private key never leaves KMS; locally and in tests a P-256 private
 * key from a PEM file signs the same way.
 *
 * Format: signatures are stored and served as IEEE P1363 (r‖s, 64 bytes, base64), what WebCrypto's
 * `verify({name: 'ECDSA', hash: 'SHA-256'}, …)` takes; KMS answers DER, converted here. Public keys
 * are DER SubjectPublicKeyInfo (base64), what `importKey('spki', …)` takes and KMS GetPublicKey
 * returns.
 */
import { createHash, createPrivateKey, createPublicKey, sign as signData, verify as verifyData, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { KMSClient } from '@aws-sdk/client-kms';

export const SIGNATURE_ALGORITHM = 'ECDSA_P256_SHA256' as const;

export interface LicenceSigner {
  /** What the register records beside each signature (the KMS key ARN, or `local:<fingerprint>`). */
  keyId: string;
  /**
   * ECDSA P-256 over SHA-256 of the document, as P1363 r‖s. KMS signs the digest; node:crypto can
   * only sign a message (it hashes itself), so the local signer uses the bytes. Same signature
   * either way: both are ECDSA over the same SHA-256.
   */
  sign(document: { sha256: Uint8Array; bytes: Uint8Array }): Promise<Uint8Array>;
}

/** Where the public half comes from when checking: KMS GetPublicKey in AWS (cached), the PEM's public key locally. */
export interface LicenceKeys {
  keyId: string;
  publicKeySpki(): Promise<Uint8Array>;
}

export const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());

/** DER `SEQUENCE { INTEGER r, INTEGER s }` → r‖s, 32 bytes each (P-256). */
export function derToP1363(der: Uint8Array, size = 32): Uint8Array {
  let offset = 0;
  const byte = () => {
    const b = der[offset++];
    if (b === undefined) throw new Error('Truncated DER signature');
    return b;
  };
  const length = () => {
    const first = byte();
    if (first < 0x80) return first;
    let n = 0;
    for (let i = 0; i < (first & 0x7f); i++) n = (n << 8) | byte();
    return n;
  };
  if (byte() !== 0x30) throw new Error('Not a DER sequence');
  length();
  const out = new Uint8Array(2 * size);
  for (let part = 0; part < 2; part++) {
    if (byte() !== 0x02) throw new Error('Not a DER integer');
    const len = length();
    let value = der.slice(offset, offset + len);
    offset += len;
    while (value.length > size && value[0] === 0) value = value.slice(1);
    if (value.length > size) throw new Error('DER integer too long');
    out.set(value, part * size + (size - value.length));
  }
  return out;
}

/** Checks a P1363 signature over the document's bytes with a DER SPKI public key, as a browser would with WebCrypto. */
export function verifySignature(bytes: Uint8Array, signatureP1363: Uint8Array, publicKeySpki: Uint8Array): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeySpki), format: 'der', type: 'spki' });
    return verifyData('sha256', bytes, { key, dsaEncoding: 'ieee-p1363' }, signatureP1363);
  } catch {
    return false;
  }
}

const localKeyId = (publicKeySpki: Uint8Array): string => `local:${createHash('sha256').update(publicKeySpki).digest('hex').slice(0, 16)}`;

async function readPrivateKey(pemFile: string): Promise<KeyObject> {
  const key = createPrivateKey(await readFile(pemFile));
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error('Invalid configuration: LICENCE_SIGNING_KEY_FILE must hold a P-256 private key');
  return key;
}

/** Local and tests: the P-256 key in `pemFile`. */
export async function localLicenceSigner(pemFile: string): Promise<LicenceSigner & LicenceKeys> {
  const privateKey = await readPrivateKey(pemFile);
  const spki = new Uint8Array(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }));
  return {
    keyId: localKeyId(spki),
    async sign({ bytes }) {
      return new Uint8Array(signData('sha256', bytes, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
    },
    async publicKeySpki() {
      return spki;
    },
  };
}

/**
 * The KMS SDK, loaded on first use rather than at module load: several bundles import this module
 * (the dossier functions, the reminders job) but only the licences job signs and only the public
 * check reads the key, so the others should not pay for loading the package at cold start.
 */
const kmsSdk = () => import('@aws-sdk/client-kms');

/** AWS: the KMS key; the licences job may only Sign with it, the public function only GetPublicKey (infra). */
export function kmsLicenceSigner(keyId: string, client: KMSClient): LicenceSigner & LicenceKeys {
  let publicKey: Promise<Uint8Array> | undefined;
  return {
    keyId,
    async sign({ sha256: digest }) {
      const { SignCommand } = await kmsSdk();
      const { Signature } = await client.send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }));
      if (!Signature) throw new Error('KMS returned no signature');
      return derToP1363(Signature);
    },
    publicKeySpki() {
      // The key's public half never changes: one call per container.
      publicKey ??= kmsSdk()
        .then(({ GetPublicKeyCommand }) => client.send(new GetPublicKeyCommand({ KeyId: keyId })))
        .then(({ PublicKey }) => {
          if (!PublicKey) throw new Error('KMS returned no public key');
          return PublicKey;
        });
      publicKey.catch(() => (publicKey = undefined));
      return publicKey;
    },
  };
}

/** The configured key: KMS when `LICENCE_SIGNING_KEY_ID` is set (AWS), else the local PEM file. */
export async function licenceSignerFrom(settings: { LICENCE_SIGNING_KEY_ID?: string; LICENCE_SIGNING_KEY_FILE?: string; AWS_REGION?: string }): Promise<LicenceSigner & LicenceKeys> {
  if (settings.LICENCE_SIGNING_KEY_ID) {
    const { KMSClient } = await kmsSdk();
    return kmsLicenceSigner(settings.LICENCE_SIGNING_KEY_ID, new KMSClient(settings.AWS_REGION ? { region: settings.AWS_REGION } : {}));
  }
  if (settings.LICENCE_SIGNING_KEY_FILE) return localLicenceSigner(settings.LICENCE_SIGNING_KEY_FILE);
  throw new Error('Invalid configuration: LICENCE_SIGNING_KEY_ID or LICENCE_SIGNING_KEY_FILE is required by this function');
}
