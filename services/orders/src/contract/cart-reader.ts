/** One line of a buyer's cart, with the price snapshot taken when it was added (whole minor units). */
export interface CartLine {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPriceMinor: number;
  readonly currency: string;
}

/** How orders reads a buyer's cart at checkout; the cart service's client implements it. */
export interface CartReader {
  /** The user's cart lines; an empty array for an empty (or missing) cart. */
  read(userId: string, credentials: { readonly authorization: string }): Promise<readonly CartLine[]>;
}
