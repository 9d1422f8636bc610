/**
 * Checks a licence PDF the visitor holds, in the browser, with WebCrypto only (nothing is
 * uploaded): SHA-256 of the file against the register's hash, and the register's detached ECDSA
 * P-256 signature against the published public key (`crypto.subtle.verify`). The file is valid
 * only when both hold. Encodings are read liberally: the hash as hex or base64, the key as base64
 * SPKI DER or PEM, the signature as base64/base64url/hex, raw r||s (IEEE P1363, what WebCrypto
 * wants) or DER (what KMS returns), converted here.
 */

export interface LicenceSignature {
  sha256: string;
  value: string;
  publicKeySpki: string;
}

export interface FileCheck {
  /** The file's SHA-256 equals the registered hash. */
  hashMatches: boolean;
  /** The registered signature verifies over the file with the published key. */
  signatureValid: boolean;
  /** The file's SHA-256 in hex (shown to the visitor). */
  sha256: string;
}

export const toHex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

type Bytes = Uint8Array<ArrayBuffer>;

function fromBase64(text: string): Bytes {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  const padded = clean.padEnd(Math.ceil(clean.length / 4) * 4, '=');
  const binary = atob(padded);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function fromHex(text: string): Bytes {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Hex (even length, hex digits only) or base64/base64url. */
export function decodeBytes(text: string): Bytes {
  const t = text.trim();
  return /^(?:[0-9a-fA-F]{2})+$/.test(t) ? fromHex(t) : fromBase64(t);
}

/** A PEM `-----BEGIN PUBLIC KEY-----` block or bare base64 → the SPKI DER bytes. */
export function spkiBytes(key: string): Bytes {
  return fromBase64(key.replace(/-----(BEGIN|END) [A-Z ]+-----/g, ''));
}

/** The registered hash as lower-case hex, whichever encoding the register used. */
export function hashHex(registered: string): string {
  const t = registered.trim();
  return /^[0-9a-fA-F]{64}$/.test(t) ? t.toLowerCase() : toHex(fromBase64(t));
}

/**
 * An ECDSA signature as WebCrypto wants it (r||s, 32 bytes each for P-256). A DER SEQUENCE of two
 * INTEGERs is unpacked (leading zero bytes dropped, short values left-padded); 64 raw bytes pass.
 */
export function toP1363(signature: Uint8Array, size = 32): Bytes {
  if (signature.length === size * 2 && signature[0] !== 0x30) return new Uint8Array(signature);
  let at = 0;
  const read = (): number => {
    const b = signature[at++];
    if (b === undefined) throw new Error('truncated signature');
    return b;
  };
  const length = (): number => {
    const first = read();
    if (first < 0x80) return first;
    let n = 0;
    for (let i = 0; i < (first & 0x7f); i++) n = (n << 8) | read();
    return n;
  };
  if (read() !== 0x30) {
    if (signature.length === size * 2) return new Uint8Array(signature);
    throw new Error('not a DER signature');
  }
  length();
  const integer = (): Bytes => {
    if (read() !== 0x02) throw new Error('not a DER integer');
    const n = length();
    let value = signature.slice(at, at + n);
    at += n;
    while (value.length > size && value[0] === 0) value = value.slice(1);
    if (value.length > size) throw new Error('integer too long');
    const out = new Uint8Array(size);
    out.set(value, size - value.length);
    return out;
  };
  const r = integer();
  const s = integer();
  const out = new Uint8Array(size * 2);
  out.set(r, 0);
  out.set(s, size);
  return out;
}

/** Checks `file` against the register's hash and signature. Never throws for a bad file or key: it reads as invalid. */
export async function checkLicenceFile(file: ArrayBuffer, signature: LicenceSignature, subtle: typeof globalThis.crypto.subtle = globalThis.crypto.subtle): Promise<FileCheck> {
  const digest = toHex(new Uint8Array(await subtle.digest('SHA-256', file)));
  let hashMatches: boolean;
  try {
    hashMatches = digest === hashHex(signature.sha256);
  } catch {
    hashMatches = false;
  }
  let signatureValid: boolean;
  try {
    const key = await subtle.importKey('spki', spkiBytes(signature.publicKeySpki), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    signatureValid = await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, toP1363(decodeBytes(signature.value)), file);
  } catch {
    signatureValid = false;
  }
  return { hashMatches, signatureValid, sha256: digest };
}
