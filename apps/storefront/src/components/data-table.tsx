import type { ReactNode } from 'react';

/** One column of a data table: its header, and what each row shows in it. */
export interface Column<T> {
  /** Also the column's key, so headers are unique within a table. */
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  /** The class of the column's cells, e.g. `mono` for ids. */
  readonly className?: string;
  /** Read by screen readers but not shown: for a column of buttons, which say what they do themselves. */
  readonly hideHeader?: boolean;
}

interface Props<T> {
  /** Names the table for screen readers; not shown, since the heading above it says the same. */
  readonly caption: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
}

/** Rows under column headers; it scrolls sideways on a narrow screen rather than squeezing its columns. */
export function DataTable<T>({ caption, columns, rows, rowKey }: Props<T>) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
