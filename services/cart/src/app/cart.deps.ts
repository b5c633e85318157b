import type { CartStore } from '../store/cart.store.ts';
import type { CatalogGateway } from './catalog.gateway.ts';

/** What cart's use cases work with. */
export interface CartDeps {
  readonly store: CartStore;
  readonly catalog: CatalogGateway;
  readonly clock: () => Date;
  readonly userTtlSeconds: number;
  readonly anonymousTtlSeconds: number;
}
