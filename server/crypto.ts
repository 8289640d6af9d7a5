import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/** AES-256-GCM with a random nonce; output "v1.<nonce>.<tag>.<ciphertext>" in base64url. Used for TOTP secrets. */
export function encryptSecret(key: Buffer, plain: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decryptSecret(key: Buffer, sealed: string): string {
  const [version, nonce, tag, data] = sealed.split('.');
  if (version !== 'v1' || !nonce || !tag || data === undefined) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** Random token for cookies and links (256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256: a stolen database holds no usable session or invitation. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const KEY_CHECK_LABEL = 'praxisschild secret key check v1';

/**
 * A value that identifies the secret key without revealing it: HMAC-SHA256 of a fixed label under the key (the
 * "key check value" of key management, cf. NIST SP 800-57 Part 1 § 5.1). Stored in the database at the first start.
 */
export function keyCheckValue(key: Buffer): string {
  return createHmac('sha256', key).update(KEY_CHECK_LABEL).digest('hex');
}
