import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, loadSecretKey, readSecretKey } from './config.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'praxisschild-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration', () => {
  it('generates the secret key into the data folder once and reuses it', () => {
    const first = loadSecretKey({}, dir);
    expect(first).toHaveLength(32);
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8').trim()).toBe(first.toString('hex'));
    expect(loadSecretKey({}, dir).equals(first)).toBe(true);
  });

  it('says where the key came from, so that the start-up check can drop a key it generated for an existing database', () => {
    const fresh = path.join(dir, 'fresh');
    expect(readSecretKey({}, fresh).source).toBe('generated');
    expect(readSecretKey({}, fresh).source).toBe('file');
    expect(readSecretKey({ SECRET_KEY: 'ab'.repeat(32) }, fresh).source).toBe('env');
    expect(loadConfig({ DATA_DIR: fresh }).secretKeySource).toBe('file');
  });

  it('prefers SECRET_KEY from the environment and rejects a short one', () => {
    const hex = 'ab'.repeat(32);
    expect(loadSecretKey({ SECRET_KEY: hex }, dir).toString('hex')).toBe(hex);
    expect(() => loadSecretKey({ SECRET_KEY: 'too-short' }, dir)).toThrow(/32 bytes/);
  });

  it('reads PORT, DATA_DIR, DATABASE_URL, SMTP_URL and PUBLIC_URL', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: dir,
      DATABASE_URL: 'postgres://u@db/praxis',
      SMTP_URL: 'smtp://mail:25',
      PUBLIC_URL: 'https://praxis.example/',
      SECRET_KEY: 'cd'.repeat(32),
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: dir,
      databaseUrl: 'postgres://u@db/praxis',
      smtpUrl: 'smtp://mail:25',
      publicUrl: 'https://praxis.example',
      secureCookies: true,
    });
  });

  it('defaults to port 3000, ./data and the embedded database', () => {
    const config = loadConfig({ SECRET_KEY: 'cd'.repeat(32) });
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.databaseUrl).toBeNull();
    expect(config.secureCookies).toBe(false);
    expect(() => loadConfig({ PORT: 'abc', SECRET_KEY: 'cd'.repeat(32) })).toThrow(/PORT/);
  });
});
