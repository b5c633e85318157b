import { ConfigError } from '@bazaar/platform/config';
import { describe, expect, it } from 'vitest';
import { loadPlacementConfig } from '../src/placement-config.ts';

describe('the placement configuration', () => {
  it('has working defaults for a laptop', () => {
    const config = loadPlacementConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.BAZAAR_DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.BAZAAR_ADMIN_EMAIL).toBe('admin@bazaar.local');
  });

  it('names every bad variable in one error', () => {
    expect(() => loadPlacementConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadPlacementConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('LOG_LEVEL');
    }
  });
});
