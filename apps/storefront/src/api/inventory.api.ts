import { apiRequest } from './http.ts';
import type { Availability, StockCounts, StockLevel, Warehouse } from './types.ts';

export const inventoryApi = {
  availability: (sku: string, signal?: AbortSignal) => apiRequest<Availability>(`/api/inventory/${encodeURIComponent(sku)}`, { signal }),
  counts: (sku: string, signal?: AbortSignal) => apiRequest<StockCounts>(`/api/inventory/${encodeURIComponent(sku)}/counts`, { signal }),
  warehouses: (signal?: AbortSignal) => apiRequest<Warehouse[]>('/api/inventory/warehouses', { signal }),
  setStock: (sku: string, warehouseId: string, onHand: number) =>
    apiRequest<StockLevel>(`/api/inventory/${encodeURIComponent(sku)}`, { method: 'PUT', body: { warehouseId, onHand } }),
};
