/** The paths inventory serves; the gateway exposes them unchanged. */
export const InventoryPaths = {
  warehouses: '/api/inventory/warehouses',
  stock: '/api/inventory/:sku',
  counts: '/api/inventory/:sku/counts',
} as const;
