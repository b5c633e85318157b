import pg from 'pg';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Result parsing chosen on purpose: int8 becomes a JS number but refuses values past 2^53 rather than
 * silently rounding; numeric stays a string so that no decimal is ever turned into a float.
 */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) {
      return (value: string) => {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
        return n;
      };
    }
    if (oid === NUMERIC) return (value: string) => value;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as const;
