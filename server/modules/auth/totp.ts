import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { decryptSecret } from '../../crypto.ts';

export const TOTP_ISSUER = 'praxisschild';

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

export async function newEnrolment(accountEmail: string, secret = generateSecret()): Promise<Enrolment> {
  const otpauthUri = generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret });
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 });
  return { secret, otpauthUri, qrCodeDataUrl };
}

/**
 * Checks a 6-digit code allowing one 30-second step of clock drift either way. A code (time step) already used
 * is refused, so an observed code cannot be replayed (RFC 6238 section 5.2).
 */
export async function checkTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

let unreadableLogged = false;

/**
 * checkTotp on a stored (encrypted) secret. A secret the configured key cannot open (another SECRET_KEY, a damaged
 * value) is a wrong code, not a server error: the attempt counts towards the lockout like any other, and the cause
 * is logged once per process (the start-up key check normally refuses such a key before anyone signs in).
 */
export async function checkSealedTotp(key: Buffer, sealed: string, code: string, lastStep: number | null): Promise<number | null> {
  let secret: string;
  try {
    secret = decryptSecret(key, sealed);
  } catch {
    if (!unreadableLogged) {
      unreadableLogged = true;
      process.stderr.write('praxisschild: a stored two-factor secret cannot be decrypted with the configured secret key; the sign-in counts as failed\n');
    }
    return null;
  }
  return checkTotp(secret, code, lastStep);
}
