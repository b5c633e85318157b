import type { Kysely } from '@bazaar/platform/db';
import type { Outbox } from '@bazaar/platform/messaging';
import type { SagaOrchestrator } from '@bazaar/platform/workflow';
import type { CartReader } from '../contract/cart-reader.ts';
import type { OrdersTables } from '../store/orders.tables.ts';
import type { SettledOrders } from './settled-orders.watcher.ts';

/** What orders' use cases work with. */
export interface OrdersDeps {
  readonly db: Kysely<OrdersTables>;
  readonly outbox: Outbox;
  readonly orchestrator: SagaOrchestrator<OrdersTables>;
  readonly cart: CartReader;
  /** How long a checkout waits for the saga's end before answering that it is still running. */
  readonly checkoutWaitMs: number;
  /** Wakes a waiting checkout when its order settles. */
  readonly settledOrders: SettledOrders;
}
