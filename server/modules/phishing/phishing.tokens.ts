import { createHmac } from 'node:crypto';
import { hashToken } from '../../crypto.ts';

/**
 * The tracking token in a recipient's links: HMAC-SHA256 of the recipient row's id under SECRET_KEY, base64url (43
 * characters, 256 bits). Only its SHA-256 is stored; the token itself is computed again when the mail is built, so
 * a resumed sending needs no stored secret, and once the recipient row is deleted at the close nothing maps a token
 * to anyone.
 */
export function trackingToken(secretKey: Buffer, recipientId: string): string {
  return createHmac('sha256', secretKey).update(`praxisschild phishing token v1:${recipientId}`).digest('base64url');
}

export const trackingTokenHash = (token: string) => hashToken(token);
