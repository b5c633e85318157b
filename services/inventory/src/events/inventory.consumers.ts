import type { Transaction } from '@bazaar/platform/db';
import type { AppError } from '@bazaar/platform/errors';
import type { InventoryTables } from '../store/inventory.tables.ts';

/** The consumer (and so the queue) inventory reads the checkout saga's commands from. */
export const INVENTORY_COMMANDS_CONSUMER = 'inventory-commands';

/** The consumer (and so the queue) inventory reads orders' events from. */
export const INVENTORY_ORDERS_CONSUMER = 'inventory-orders';

/** Use cases that work in the consumer's transaction, so their writes commit with the inbox row and the reply. */
export type UseCasesIn<U> = (trx: Transaction<InventoryTables>) => U;

/** A failure as a saga reply's reason: code and message, within the reply's limit. */
export const reasonOf = (error: AppError): string => `${error.code}: ${error.message}`.slice(0, 500);
