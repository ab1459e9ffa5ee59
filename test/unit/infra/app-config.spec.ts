import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../src/infra/config/app-config';
import { envSchema } from '../../../src/infra/config/env.schema';

describe('loadConfig', () => {
  it('gives working defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.role).toBe('all');
    expect(c.http.port).toBe(3000);
    expect(c.http.publicUrl).toBe('http://localhost:3000');
    expect(c.database.url).toBeUndefined();
    expect(c.mail.transport).toBe('log');
    expect(c.storage.dir).toBe(join(c.dataDir, 'files'));
  });

  it('names the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: /);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a URL starting with postgres:\/\//,
    );
    expect(() => loadConfig({ ROLE: 'web' })).toThrow(/ROLE: /);
  });

  it('requires SMTP_URL when the smtp transport is chosen', () => {
    expect(() => loadConfig({ MAIL_TRANSPORT: 'smtp' })).toThrow(
      /SMTP_URL: is required when MAIL_TRANSPORT=smtp/,
    );
    expect(
      loadConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://127.0.0.1:25' }).mail.smtpUrl,
    ).toBe('smtp://127.0.0.1:25');
  });

  it('requires CLOCK_FIXED_AT for the fixed clock', () => {
    expect(() => loadConfig({ CLOCK: 'fixed' })).toThrow(/CLOCK_FIXED_AT/);
    expect(
      loadConfig({ CLOCK: 'fixed', CLOCK_FIXED_AT: '2026-03-02T09:00:00+08:00' }).clock.kind,
    ).toBe('fixed');
  });

  it('treats empty strings as unset and lets overrides win', () => {
    const c = loadConfig({ DATABASE_URL: '', ROLE: 'api' }, { ROLE: 'worker' });
    expect(c.database.url).toBeUndefined();
    expect(c.role).toBe('worker');
  });

  it('returns a frozen object', () => {
    const c = loadConfig({});
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.http)).toBe(true);
  });
});

describe('.env.example', () => {
  const text = readFileSync(join(__dirname, '../../../.env.example'), 'utf8');
  const documented = new Set([...text.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));

  it('documents every variable the service reads, and nothing else', () => {
    expect([...documented].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('is itself a valid configuration', () => {
    const values = Object.fromEntries(
      [...text.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(() => loadConfig(values)).not.toThrow();
  });
});
