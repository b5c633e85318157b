import { formatMoney } from '../lib/money.ts';

export function Price({ minor, currency, className }: { readonly minor: number; readonly currency: string; readonly className?: string }) {
  return <span className={className ?? 'price'}>{formatMoney(minor, currency)}</span>;
}
