/** The bounds inventory enforces on stock and reservations; schemas and domain rules share them. */
export const InventoryLimits = {
  /** Fits PostgreSQL's integer with room for every sum the service computes. */
  onHandMax: 1_000_000_000,
  reservationLinesMax: 100,
  lineQuantityMax: 10_000,
  orderIdMaxLength: 100,
  orderIdPattern: '^[A-Za-z0-9_.:-]+$',
  ttlMsMin: 1_000,
  ttlMsMax: 86_400_000,
} as const;
