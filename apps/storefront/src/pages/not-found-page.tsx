import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title.ts';

/** Any address the shop does not know, or a product or category that is gone. */
export default function NotFoundPage({ what = 'page' }: { readonly what?: string }) {
  useDocumentTitle('Not found');
  return (
    <div className="page not-found">
      <h1>We couldn’t find that {what}</h1>
      <p>It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/" className="button">
          Back to the shop
        </Link>{' '}
        <Link to="/search" className="button secondary">
          Search products
        </Link>
      </p>
    </div>
  );
}
