import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { ConfigError, Env, loadConfig } from '@bazaar/platform/config';

const Schema = Type.Object({
  PORT: Env.port(8080),
  LOG_LEVEL: Env.logLevel(),
  DATABASE_URL: Type.Optional(Env.url(['postgres', 'postgresql'])),
  CACHE_TTL_MS: Type.Number({ default: 30_000 }),
  SEARCH_ENABLED: Type.Boolean({ default: false }),
});

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(Schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted an invalid environment');
}

describe('loadConfig', () => {
  it('converts variables to the declared types', () => {
    const config = loadConfig(Schema, { PORT: '9090', CACHE_TTL_MS: '1500.5', SEARCH_ENABLED: 'true', LOG_LEVEL: 'debug' });
    expect(config).toEqual({ PORT: 9090, CACHE_TTL_MS: 1500.5, SEARCH_ENABLED: true, LOG_LEVEL: 'debug' });
  });

  it('applies the defaults of the schema for unset and empty variables', () => {
    expect(loadConfig(Schema, {})).toEqual({ PORT: 8080, LOG_LEVEL: 'info', CACHE_TTL_MS: 30_000, SEARCH_ENABLED: false });
    expect(loadConfig(Schema, { PORT: '' }).PORT).toBe(8080);
  });

  it('ignores variables the schema does not name', () => {
    const config = loadConfig(Schema, { HOME: '/root', PATH: '/usr/bin', PORT: '81' });
    expect(config).not.toHaveProperty('HOME');
    expect(config).not.toHaveProperty('PATH');
    expect(config.PORT).toBe(81);
  });

  it('keeps an optional variable that is set', () => {
    expect(loadConfig(Schema, { DATABASE_URL: 'postgres://db:5432/x' }).DATABASE_URL).toBe('postgres://db:5432/x');
  });

  it('throws a ConfigError naming the variable that is not a number', () => {
    const error = configError({ PORT: 'abc' });
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('"abc"');
    expect(error.problems).toHaveLength(1);
  });

  it('names every bad variable at once', () => {
    const error = configError({ PORT: '70000', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://db/x', SEARCH_ENABLED: 'perhaps' });
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'SEARCH_ENABLED']) expect(error.message).toContain(name);
    expect(error.problems).toHaveLength(4);
    expect(error.name).toBe('ConfigError');
  });

  it('names a required variable that is missing', () => {
    const error = (() => {
      try {
        loadConfig(Type.Object({ JWKS_URL: Type.String() }), {});
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('JWKS_URL');
  });

  it('rejects a fractional port rather than truncating it', () => {
    expect(configError({ PORT: '80.5' }).message).toContain('PORT');
  });

  it('reads a number as a whole, exponent included, and rejects trailing text', () => {
    expect(loadConfig(Schema, { PORT: '8e3', CACHE_TTL_MS: '2.5e3' })).toMatchObject({ PORT: 8000, CACHE_TTL_MS: 2500 });
    expect(configError({ CACHE_TTL_MS: '100ms' }).message).toContain('CACHE_TTL_MS');
    expect(configError({ CACHE_TTL_MS: '   ' }).message).toContain('CACHE_TTL_MS');
  });
});
