import { useState, type ChangeEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { catalogApi } from '../api/catalog.api.ts';
import { ApiError } from '../api/problem.ts';
import type { Product } from '../api/types.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { Field } from '../components/field.tsx';
import { Loading } from '../components/loading.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useResource } from '../hooks/use-resource.ts';
import { useSubmit } from '../hooks/use-submit.ts';
import NotFoundPage from '../pages/not-found-page.tsx';
import { createRequest, draftOf, EMPTY_DRAFT, parseDraft, updateRequest, type DraftErrors, type ProductDraft } from './product-form.ts';

/** The server's field names, by the form field that shows their messages. */
const SERVER_FIELDS: Record<keyof ProductDraft, string> = {
  sku: 'sku',
  name: 'name',
  description: 'description',
  categoryId: 'categoryId',
  price: 'priceMinor',
  currency: 'currency',
  attributes: 'attributes',
};

function ProductForm({ product }: { readonly product: Product | null }) {
  const navigate = useNavigate();
  const categories = useResource('categories', (signal) => catalogApi.listCategories(signal));
  const [draft, setDraft] = useState<ProductDraft>(product ? draftOf(product) : EMPTY_DRAFT);
  const [saved, setSaved] = useState<Product | null>(product);
  const [localErrors, setLocalErrors] = useState<DraftErrors>({});
  const submission = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const messageFor = (field: keyof ProductDraft) => localErrors[field] ?? submission.fieldError(SERVER_FIELDS[field]);
  const update = (field: keyof ProductDraft) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setDraft({ ...draft, [field]: event.target.value });

  const save = () => {
    setNotice(null);
    submission.clearError();
    const parsed = parseDraft(draft);
    if (!parsed.ok) {
      setLocalErrors(parsed.errors);
      return;
    }
    setLocalErrors({});
    if (saved) {
      const changes = updateRequest(saved, draft, parsed.value);
      if (Object.keys(changes).length === 0) {
        setNotice('Nothing to save: no field changed.');
        return;
      }
      submission.submit(() => catalogApi.updateProduct(saved.id, changes), {
        onSuccess: (updated) => {
          setSaved(updated);
          setDraft(draftOf(updated));
          setNotice(`Saved (version ${updated.version}).`);
        },
      });
    } else {
      submission.submit(() => catalogApi.createProduct(createRequest(draft, parsed.value)), {
        onSuccess: (created) => void navigate(`/admin/products/${created.id}`, { replace: true }),
        leavesPage: true,
      });
    }
  };

  const remove = () => {
    if (!saved) return;
    submission.submit(() => catalogApi.deleteProduct(saved.id), {
      onSuccess: () => void navigate('/admin', { replace: true }),
      onFailure: () => setConfirmDelete(false),
      leavesPage: true,
    });
  };

  return (
    <form
      className="stack admin-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {submission.error ? <ErrorMessage error={submission.error} shownFields={Object.values(SERVER_FIELDS)} /> : null}
      <div aria-live="polite">{notice ? <p className="notice success">{notice}</p> : null}</div>
      <Field
        label="SKU"
        value={draft.sku}
        onChange={update('sku')}
        disabled={saved !== null}
        error={messageFor('sku')}
        hint={saved ? 'The SKU is fixed once the product exists.' : 'Leave empty to have one assigned, or use sku_ and lower-case words, e.g. sku_blue-mug.'}
      />
      <Field label="Name" required value={draft.name} onChange={update('name')} error={messageFor('name')} maxLength={200} />
      <div className="field">
        <label htmlFor="product-description">Description</label>
        <textarea
          id="product-description"
          rows={5}
          value={draft.description}
          onChange={update('description')}
          aria-invalid={messageFor('description') ? true : undefined}
          aria-describedby={messageFor('description') ? 'product-description-error' : undefined}
        />
        {messageFor('description') ? (
          <p className="field-error" id="product-description-error">
            {messageFor('description')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="product-category">Category</label>
        <select
          id="product-category"
          value={draft.categoryId}
          onChange={update('categoryId')}
          aria-invalid={messageFor('categoryId') ? true : undefined}
          aria-describedby={messageFor('categoryId') ? 'product-category-error' : undefined}
        >
          <option value="">{categories.loading ? 'Loading categories…' : 'Choose a category'}</option>
          {categories.data?.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
        {messageFor('categoryId') ? (
          <p className="field-error" id="product-category-error">
            {messageFor('categoryId')}
          </p>
        ) : null}
      </div>
      <div className="field-row">
        <Field label="Price" inputMode="decimal" required value={draft.price} onChange={update('price')} error={messageFor('price')} hint="In the currency's main unit, e.g. 19.99." />
        <Field label="Currency" required value={draft.currency} onChange={update('currency')} error={messageFor('currency')} maxLength={3} />
      </div>
      <div className="field">
        <label htmlFor="product-attributes">Attributes (JSON)</label>
        <textarea
          id="product-attributes"
          className="mono"
          rows={8}
          value={draft.attributes}
          onChange={update('attributes')}
          aria-invalid={messageFor('attributes') ? true : undefined}
          aria-describedby={messageFor('attributes') ? 'product-attributes-error' : undefined}
        />
        {messageFor('attributes') ? (
          <p className="field-error" id="product-attributes-error">
            {messageFor('attributes')}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={submission.pending}>
          {submission.pending ? 'Saving…' : saved ? 'Save changes' : 'Create product'}
        </button>
        {saved ? (
          <>
            <Link to={`/admin/stock/${saved.sku}`} className="button secondary">
              Manage stock
            </Link>
            <Link to={`/products/${saved.id}`} className="button secondary">
              View in shop
            </Link>
            {confirmDelete ? (
              <>
                <button type="button" className="button danger" onClick={remove} disabled={submission.pending}>
                  Yes, delete {saved.name}
                </button>
                <button type="button" className="button secondary" onClick={() => setConfirmDelete(false)}>
                  Keep it
                </button>
              </>
            ) : (
              <button type="button" className="button danger" onClick={() => setConfirmDelete(true)} disabled={submission.pending}>
                Delete
              </button>
            )}
          </>
        ) : null}
      </div>
    </form>
  );
}

/** Create a product (`/admin/products/new`) or edit one (`/admin/products/:id`). */
export default function ProductFormPage() {
  const { id } = useParams();
  const creating = id === undefined || id === 'new';
  const product = useResource(creating ? null : `admin-product:${id}`, (signal) => catalogApi.getProduct(id ?? '', signal));
  useDocumentTitle(creating ? 'Admin: new product' : `Admin: ${product.data?.name ?? 'product'}`);

  if (!creating && product.loading) return <Loading label="Loading product…" />;
  if (product.error instanceof ApiError && product.error.status === 404) return <NotFoundPage what="product" />;
  if (!creating && !product.data) return <ErrorMessage error={product.error} onRetry={product.reload} />;

  return (
    <div className="page narrow">
      <p>
        <Link to="/admin">← Products</Link>
      </p>
      <h1>{creating ? 'New product' : `Edit ${product.data?.name ?? ''}`}</h1>
      <ProductForm key={product.data?.id ?? 'new'} product={creating ? null : (product.data ?? null)} />
    </div>
  );
}
