import type { AppError } from '@bazaar/platform/errors';

/** The consumer (and so the queue) inventory reads the checkout saga's commands from. */
export const INVENTORY_COMMANDS_CONSUMER = 'inventory-commands';

/** The consumer (and so the queue) inventory reads orders' events from. */
export const INVENTORY_ORDERS_CONSUMER = 'inventory-orders';

/** A failure as a saga reply's reason: code and message, within the reply's limit. */
export const reasonOf = (error: AppError): string => `${error.code}: ${error.message}`.slice(0, 500);
