import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Environment variables, see README "Configuration". */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  secretKey: Buffer;
  /** Cookies get the Secure flag when the app is reached over https. */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  backupKeep: number;
  /** Behind a reverse proxy: trust its X-Forwarded-For (rate limits per client address). Off by default. */
  trustProxy: boolean | string;
}

/** Reads SECRET_KEY (64 hex chars or base64 of 32 bytes) or generates it into DATA_DIR/secret.key on first start. */
export function loadSecretKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  const fromEnv = env.SECRET_KEY?.trim();
  if (fromEnv) return decodeKey(fromEnv, 'SECRET_KEY');
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return decodeKey(readFileSync(file, 'utf8').trim(), file);
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return key;
}

function decodeKey(value: string, where: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`${where} must hold 32 bytes (64 hex characters or base64)`);
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL?.trim() || null,
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM ?? 'praxisschild <no-reply@praxisschild.local>',
    publicUrl,
    secretKey: loadSecretKey(env, dataDir),
    secureCookies: publicUrl.startsWith('https://'),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 60),
    sessionMaxHours: Number(env.SESSION_MAX_HOURS ?? 12),
    backupKeep: Number(env.BACKUP_KEEP ?? 7),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}

/** TRUST_PROXY: unset/false, true, or the proxy's addresses (e.g. "127.0.0.1,10.0.0.0/8"). */
function parseTrustProxy(value: string | undefined): boolean | string {
  if (!value || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  return value;
}
