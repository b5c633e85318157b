/** Redis for tests that need it: `REDIS_URL`, or the local default. With `CI=true` it must be reachable. */
export function testRedisUrl(): string {
  return process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}
