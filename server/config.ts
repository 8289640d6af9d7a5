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
  /** Where the key came from; "generated" means DATA_DIR/secret.key was created by this start. */
  secretKeySource?: SecretKeySource;
  /** Cookies get the Secure flag when the app is reached over https. */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  backupKeep: number;
  /** Behind a reverse proxy: trust its X-Forwarded-For (rate limits per client address). Off by default. */
  trustProxy: boolean | string;
}

export type SecretKeySource = 'env' | 'file' | 'generated';

/**
 * Reads SECRET_KEY (64 hex chars or base64 of 32 bytes) or DATA_DIR/secret.key, or generates the file. Whether a
 * generated key may be used is decided at start against the database's key check value (runtime.ts).
 */
export function readSecretKey(env: NodeJS.ProcessEnv, dataDir: string): { key: Buffer; source: SecretKeySource } {
  const fromEnv = env.SECRET_KEY?.trim();
  if (fromEnv) return { key: decodeKey(fromEnv, 'SECRET_KEY'), source: 'env' };
  const file = secretKeyFile(dataDir);
  if (existsSync(file)) return { key: decodeKey(readFileSync(file, 'utf8').trim(), file), source: 'file' };
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return { key, source: 'generated' };
}

export function loadSecretKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  return readSecretKey(env, dataDir).key;
}

export function secretKeyFile(dataDir: string): string {
  return path.join(dataDir, 'secret.key');
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
  const secret = readSecretKey(env, dataDir);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL?.trim() || null,
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM ?? 'praxisschild <no-reply@praxisschild.local>',
    publicUrl,
    secretKey: secret.key,
    secretKeySource: secret.source,
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
