/** Who may call a route through the gateway: anyone, any signed-in user, or an administrator. */
export type Access = 'public' | 'customer' | 'admin';

/** One entry of the gateway's route table: which service owns a public path and who may call it. */
export interface GatewayRoute {
  /** `/api/me` is that path only, `/api/auth/*` every path below it, `/api/products*` both. */
  readonly path: string;
  /** The owning service's name in discovery. */
  readonly service: string;
  /** Who may read (GET, HEAD). */
  readonly access: Access;
  /** Who may change (every other method); the same as `access` when absent. */
  readonly writeAccess?: Access;
}
