import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { inventoryApi } from '../api/inventory.api.ts';
import type { StockCounts, StockLevel, Warehouse } from '../api/types.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { Loading } from '../components/loading.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useResource } from '../hooks/use-resource.ts';
import { useSubmit } from '../hooks/use-submit.ts';

type Counts = StockCounts['warehouses'][number];

function WarehouseStockForm({ sku, warehouse, counts, onSaved }: { sku: string; warehouse: Warehouse; counts: Counts | undefined; onSaved(level: StockLevel): void }) {
  const [onHand, setOnHand] = useState('');
  const submission = useSubmit();
  const inputId = `on-hand-${warehouse.id}`;
  return (
    <form
      className="stock-row"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!/^\d+$/.test(onHand.trim())) {
          submission.clearError();
          return;
        }
        submission.submit(() => inventoryApi.setStock(sku, warehouse.id, Number(onHand.trim())), {
          onSuccess: (level) => {
            setOnHand('');
            onSaved(level);
          },
        });
      }}
    >
      <h2>{warehouse.name}</h2>
      <p>
        On hand <strong>{counts?.onHand ?? 0}</strong>, reserved <strong>{counts?.reserved ?? 0}</strong>, available <strong>{counts?.available ?? 0}</strong>
      </p>
      <div className="field inline">
        <label htmlFor={inputId}>New stock on hand</label>
        <input id={inputId} type="number" min={0} inputMode="numeric" required value={onHand} onChange={(event) => setOnHand(event.target.value)} />
        <button type="submit" className="button secondary" disabled={submission.pending || !/^\d+$/.test(onHand.trim())}>
          {submission.pending ? 'Saving…' : 'Set stock'}
        </button>
      </div>
      {submission.error ? <ErrorMessage error={submission.error} /> : null}
    </form>
  );
}

/** Stock of one SKU per warehouse: on hand, reserved and available, and setting what is on hand. */
export default function StockPage() {
  const { sku = '' } = useParams();
  useDocumentTitle(`Admin: stock of ${sku}`);
  const warehouses = useResource('warehouses', (signal) => inventoryApi.warehouses(signal));
  const availability = useResource(`admin-stock:${sku}`, (signal) => inventoryApi.counts(sku, signal));
  const [level, setLevel] = useState<StockLevel | null>(null);

  if (warehouses.loading || availability.loading) return <Loading label="Loading stock…" />;
  if (warehouses.error || !warehouses.data) return <ErrorMessage error={warehouses.error} onRetry={warehouses.reload} />;
  if (availability.error) return <ErrorMessage error={availability.error} onRetry={availability.reload} />;

  const countsIn = (warehouseId: string) => availability.data?.warehouses.find((row) => row.warehouseId === warehouseId);

  return (
    <div className="page narrow">
      <p>
        <Link to="/admin">← Products</Link>
      </p>
      <h1>
        Stock of <span className="mono">{sku}</span>
      </h1>
      <p>
        In total: {availability.data?.onHand ?? 0} on hand, {availability.data?.reserved ?? 0} reserved, {availability.data?.available ?? 0} available
      </p>
      {level ? (
        <div className="notice success" role="status">
          <p>Saved. On hand, reserved and available now:</p>
          <ul>
            {level.warehouses.map((row) => (
              <li key={row.warehouseId}>
                {warehouses.data?.find((w) => w.id === row.warehouseId)?.name ?? row.warehouseId}: {row.onHand} on hand, {row.reserved} reserved, {row.available} available
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {warehouses.data.map((warehouse) => (
        <WarehouseStockForm
          key={warehouse.id}
          sku={sku}
          warehouse={warehouse}
          counts={countsIn(warehouse.id)}
          onSaved={(saved) => {
            setLevel(saved);
            availability.reload();
          }}
        />
      ))}
    </div>
  );
}
