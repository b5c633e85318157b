import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { afterCommit, inResultTransaction, inTransaction } from '@bazaar/platform/db';
import { fail, ok } from '@bazaar/platform/errors';
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

describe('inResultTransaction', () => {
  it('commits what a success wrote and rolls back what a failure wrote', async () => {
    expect(await inResultTransaction(database.db, async (trx) => {
      await trx.insertInto('stock').values({ sku: 'sku_lamp', reserved: 1 }).execute();
      return ok('kept');
    })).toEqual(ok('kept'));
    expect(await inResultTransaction(database.db, async (trx) => {
      await trx.insertInto('stock').values({ sku: 'sku_rug', reserved: 1 }).execute();
      return fail('out of stock');
    })).toEqual(fail('out of stock'));
    expect(await stockOf('sku_lamp')).toBe(1);
    expect(await stockOf('sku_rug')).toBeUndefined();
  });

  it("inside a transaction, undoes a failure's writes alone and lets the caller's transaction go on", async () => {
    const ran: string[] = [];
    await inTransaction(database.db, async (trx) => {
      await trx.insertInto('stock').values({ sku: 'sku_before', reserved: 1 }).execute();
      const refused = await inResultTransaction(trx, async (inner) => {
        await inner.insertInto('stock').values({ sku: 'sku_refused', reserved: 1 }).execute();
        afterCommit(inner, () => ran.push('inner'));
        return fail('no');
      });
      expect(refused).toEqual(fail('no'));
      const kept = await inResultTransaction(trx, async (inner) => {
        await inner.updateTable('stock').set({ reserved: 2 }).where('sku', '=', 'sku_before').execute();
        return ok('yes');
      });
      expect(kept).toEqual(ok('yes'));
      await trx.insertInto('stock').values({ sku: 'sku_after', reserved: 1 }).execute();
    });
    expect(await stockOf('sku_before')).toBe(2);
    expect(await stockOf('sku_refused')).toBeUndefined();
    expect(await stockOf('sku_after')).toBe(1);
    expect(ran).toEqual(['inner']);
  });

  it('inside a transaction, undoes the writes of work that threw, and the caller may recover', async () => {
    await inTransaction(database.db, async (trx) => {
      await trx.insertInto('stock').values({ sku: 'sku_first', reserved: 1 }).execute();
      const failed = inResultTransaction(trx, async (inner) => {
        await inner.updateTable('stock').set({ reserved: 7 }).where('sku', '=', 'sku_first').execute();
        // A duplicate key: the statement fails and the transaction is aborted until the savepoint is restored.
        await inner.insertInto('stock').values({ sku: 'sku_first', reserved: 1 }).execute();
        return ok(undefined);
      });
      await expect(failed).rejects.toMatchObject({ code: '23505' });
      await trx.insertInto('stock').values({ sku: 'sku_second', reserved: 1 }).execute();
    });
    expect(await stockOf('sku_first')).toBe(1);
    expect(await stockOf('sku_second')).toBe(1);
  });
});
