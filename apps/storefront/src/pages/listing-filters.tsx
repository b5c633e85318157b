import { useId, useState } from 'react';
import type { ProductSort } from '../api/types.ts';
import { parseMajorAmount, toMajorText } from '../lib/money.ts';

export const SORT_OPTIONS: readonly { value: ProductSort; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
  { value: 'name', label: 'Name' },
];

function parseSort(value: string | null, fallback: ProductSort): ProductSort {
  return SORT_OPTIONS.some((option) => option.value === value) ? (value as ProductSort) : fallback;
}

/** A whole non-negative number of minor units from the address bar, or undefined. */
function parseMinor(value: string | null): number | undefined {
  if (value === null || !/^\d{1,11}$/.test(value)) return undefined;
  return Number(value);
}

export interface Filters {
  readonly sort: ProductSort;
  readonly minPrice: number | undefined;
  readonly maxPrice: number | undefined;
}

/** The filters a listing's address holds, with `fallback` as the order when none is chosen. */
export function readFilters(params: URLSearchParams, fallback: ProductSort): Filters {
  return { sort: parseSort(params.get('sort'), fallback), minPrice: parseMinor(params.get('minPrice')), maxPrice: parseMinor(params.get('maxPrice')) };
}

interface Props {
  readonly filters: Filters;
  /** The currency the price bounds are typed in (the catalog's). */
  readonly currency: string;
  readonly sorts?: readonly ProductSort[];
  onChange(filters: Filters): void;
}

/** Sort order (applied at once) and a price range (applied with the button, so typing does not reload). */
export function ListingFilters({ filters, currency, sorts, onChange }: Props) {
  const id = useId();
  const [min, setMin] = useState(filters.minPrice === undefined ? '' : toMajorText(filters.minPrice, currency));
  const [max, setMax] = useState(filters.maxPrice === undefined ? '' : toMajorText(filters.maxPrice, currency));
  const [problem, setProblem] = useState<string | null>(null);
  const options = SORT_OPTIONS.filter((option) => !sorts || sorts.includes(option.value));

  return (
    <form
      className="filters"
      aria-label="Filter and sort"
      onSubmit={(event) => {
        event.preventDefault();
        const minPrice = min.trim() ? parseMajorAmount(min, currency) : undefined;
        const maxPrice = max.trim() ? parseMajorAmount(max, currency) : undefined;
        if ((min.trim() && minPrice === undefined) || (max.trim() && maxPrice === undefined)) {
          setProblem('Prices are amounts such as 25 or 19.99.');
          return;
        }
        if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) {
          setProblem('The lowest price is above the highest.');
          return;
        }
        setProblem(null);
        onChange({ ...filters, minPrice, maxPrice });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select id={`${id}-sort`} value={filters.sort} onChange={(event) => onChange({ ...filters, sort: event.target.value as ProductSort })}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="price-range">
        <legend>Price ({currency})</legend>
        <div className="field">
          <label htmlFor={`${id}-min`}>From</label>
          <input id={`${id}-min`} inputMode="decimal" value={min} onChange={(event) => setMin(event.target.value)} aria-describedby={problem ? `${id}-problem` : undefined} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-max`}>To</label>
          <input id={`${id}-max`} inputMode="decimal" value={max} onChange={(event) => setMax(event.target.value)} aria-describedby={problem ? `${id}-problem` : undefined} />
        </div>
        <button type="submit" className="button secondary">
          Apply
        </button>
      </fieldset>
      {problem ? (
        <p className="field-error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
