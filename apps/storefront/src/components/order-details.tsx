import type { Order } from '../api/types.ts';
import { Price } from './price.tsx';

const STEPS = ['PENDING', 'RESERVED', 'AUTHORIZED', 'CONFIRMED'] as const;
const STEP_LABELS: Record<(typeof STEPS)[number], string> = {
  PENDING: 'Order placed',
  RESERVED: 'Stock reserved',
  AUTHORIZED: 'Payment authorized',
  CONFIRMED: 'Confirmed',
};

/** A saga's reason reads `CODE: sentence`; the sentence is for the shopper, the code for whoever investigates. */
export function splitReason(reason: string | null): { text: string; code?: string } {
  if (!reason) return { text: 'not given' };
  const match = /^([A-Z][A-Z0-9_]*(?:\.[A-Z0-9_]+)+):\s*(.+)$/.exec(reason);
  return match?.[1] && match[2] ? { text: match[2], code: match[1] } : { text: reason };
}

/** Where the order is on its way to CONFIRMED; a cancelled order shows its reason instead. */
export function OrderProgress({ order }: { readonly order: Order }) {
  if (order.status === 'CANCELLED') {
    const reason = splitReason(order.cancelReason);
    return (
      <div className="notice danger" role="status">
        <p className="error-title">This order was cancelled.</p>
        <p>
          Reason: {reason.text}
          {reason.code ? <span className="mono muted"> ({reason.code})</span> : null}
        </p>
      </div>
    );
  }
  const reached = STEPS.indexOf(order.status);
  return (
    <ol className="progress" aria-label="Order progress">
      {STEPS.map((step, index) => (
        <li key={step} className={index <= reached ? 'done' : 'todo'} aria-current={index === reached ? 'step' : undefined}>
          {STEP_LABELS[step]}
        </li>
      ))}
    </ol>
  );
}

export function OrderLines({ order }: { readonly order: Order }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Items in this order</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Quantity</th>
          <th scope="col">Price</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((line) => (
          <tr key={line.productId}>
            <td>{line.name}</td>
            <td>{line.quantity}</td>
            <td>
              <Price minor={line.unitPriceMinor * line.quantity} currency={line.currency} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Total
          </th>
          <td>
            <Price minor={order.totalMinor} currency={order.currency} />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

export function ShippingTo({ order }: { readonly order: Order }) {
  const { name, line1, postalCode, city, country } = order.shippingAddress;
  return (
    <address className="shipping">
      {name}
      <br />
      {line1}
      <br />
      {postalCode} {city}
      <br />
      {country}
    </address>
  );
}
