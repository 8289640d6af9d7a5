import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

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
