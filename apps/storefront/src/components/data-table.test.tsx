import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './data-table.tsx';

interface Letter {
  readonly id: string;
  readonly consumer: string;
}

const columns: readonly Column<Letter>[] = [
  { header: 'Consumer', cell: (letter) => letter.consumer, className: 'mono' },
  { header: 'Actions', hideHeader: true, cell: (letter) => <button type="button">Re-drive {letter.id}</button> },
];

describe('DataTable', () => {
  it('is named by its caption, with a column header over every cell', () => {
    render(<DataTable caption="Dead letters of orders" columns={columns} rows={[{ id: 'dl_1', consumer: 'orders.saga' }]} rowKey={(letter) => letter.id} />);

    const table = screen.getByRole('table', { name: 'Dead letters of orders' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((header) => header.getAttribute('scope'))).toEqual(['col', 'col']);
    expect(within(table).getByRole('cell', { name: 'orders.saga' })).toHaveClass('mono');
    expect(within(table).getByRole('row', { name: 'orders.saga Re-drive dl_1' })).toBeInTheDocument();
  });

  it('keeps a hidden header for screen readers', () => {
    render(<DataTable caption="Letters" columns={columns} rows={[]} rowKey={(letter) => letter.id} />);

    const actions = screen.getByRole('columnheader', { name: 'Actions' });
    expect(actions.firstElementChild).toHaveClass('visually-hidden');
    expect(screen.getByRole('columnheader', { name: 'Consumer' }).firstElementChild).toBeNull();
  });

  it('scrolls sideways on a narrow screen instead of squeezing its columns', () => {
    render(<DataTable caption="Letters" columns={columns} rows={[]} rowKey={(letter) => letter.id} />);

    expect(screen.getByRole('table').parentElement).toHaveClass('table-scroll');
    expect(screen.getByRole('table')).toHaveClass('data-table');
  });
});
