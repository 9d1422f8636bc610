/**
 * The local licence-signing key (ADR 0015): a P-256 private key in a git-ignored PEM file under
 * `.data/`, made on first `npm start` when missing, so licences signed yesterday still verify
 * today. Tests get a fresh one in a temporary directory. In AWS the key is a KMS key instead and
 * never leaves KMS.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function ensureLicenceKey(file: string): Promise<string> {
  try {
    await readFile(file);
    return file;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  await mkdir(dirname(file), { recursive: true });
  // 'wx': two processes starting at once keep the first key, never overwrite it.
  await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return file;
}
