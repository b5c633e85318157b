/** A key-value cache of JSON values with per-entry TTL; in memory or in Redis, with the same behaviour. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** The value's JSON text as stored, unparsed: what an HTTP answer can send as it is. */
  getJson(key: string): Promise<string | undefined>;
  /** Stores a value given as JSON text (the caller has serialized it). */
  setJson(key: string, json: string, ttlMs: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  /** Atomically increments a counter (created at 0) and returns its new value; used for namespace versions. */
  increment(key: string): Promise<number>;
  /** Resolves when the cache is usable; used by `/readyz`. */
  check(): Promise<void>;
  close(): Promise<void>;
}
