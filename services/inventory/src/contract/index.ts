export { InventoryErrors } from './inventory.errors.ts';
export { InventoryPaths } from './inventory.paths.ts';
export { InventoryLimits } from './inventory.limits.ts';
export { Sku, Warehouse, WarehouseList, StockParams, Availability, StockCounts, SetStock, WarehouseStock, StockLevel } from './stock.schemas.ts';
export { ReservationStatus, OrderRef, RequestedLine, ReserveStock, ReservationLine, Reservation, StockShortage } from './reservation.schemas.ts';
export {
  SagaStepRef,
  ReserveStockCommand,
  ReleaseStockCommand,
  StockReservedReply,
  StockReservationFailedReply,
  StockReleasedReply,
  InventoryCommands,
  InventoryReplies,
} from './inventory.messages.ts';
