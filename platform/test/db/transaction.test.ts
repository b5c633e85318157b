import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { afterCommit, inTransaction } from '@bazaar/platform/db';
import { openMessagingDatabase } from '../messaging/support/messaging-database.ts';

let database: Awaited<ReturnType<typeof openMessagingDatabase>>;

beforeAll(async () => {
  database = await openMessagingDatabase();
});
afterAll(() => database.drop());
beforeEach(() => database.reset());

const stockOf = async (sku: string) => (await database.db.selectFrom('stock').select('reserved').where('sku', '=', sku).executeTakeFirst())?.reserved;

describe('inTransaction', () => {
  it('runs the commit hooks after the commit, in order, where the change is already visible to others', async () => {
    const ran: string[] = [];
    let seenByHook: Promise<number | undefined> | undefined;
    const result = await inTransaction(database.db, async (trx) => {
      await trx.insertInto('stock').values({ sku: 'sku_kettle', reserved: 2 }).execute();
      expect(afterCommit(trx, () => ran.push('first'))).toBe(true);
      afterCommit(trx, () => {
        ran.push('second');
        seenByHook = stockOf('sku_kettle');
      });
      expect(ran).toEqual([]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(ran).toEqual(['first', 'second']);
    expect(await seenByHook).toBe(2);
  });

  it('never runs the hooks of a transaction that rolled back', async () => {
    const ran: string[] = [];
    const failed = inTransaction(database.db, async (trx) => {
      await trx.insertInto('stock').values({ sku: 'sku_mug', reserved: 1 }).execute();
      afterCommit(trx, () => ran.push('hook'));
      throw new Error('refused');
    });
    await expect(failed).rejects.toThrow('refused');
    expect(ran).toEqual([]);
    expect(await stockOf('sku_mug')).toBeUndefined();
  });

  it('joins a transaction it is given, whose commit then runs the hooks registered inside', async () => {
    const ran: string[] = [];
    await inTransaction(database.db, async (outer) => {
      await inTransaction(outer, async (inner) => {
        expect(inner).toBe(outer);
        afterCommit(inner, () => ran.push('inner'));
      });
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['inner']);
  });

  it('refuses a hook on a transaction it did not open, whose commit it cannot see', async () => {
    const ran: string[] = [];
    await database.db.transaction().execute(async (trx) => {
      expect(afterCommit(trx, () => ran.push('hook'))).toBe(false);
    });
    expect(afterCommit(database.db, () => ran.push('hook'))).toBe(false);
    expect(ran).toEqual([]);
  });
});
