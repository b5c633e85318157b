/**
 * The currency the shop's price filters are typed in. The catalog prices every demo product in USD; a
 * shop in several currencies would need a currency filter in the catalog API first.
 */
export const STORE_CURRENCY = 'USD';
