import { describe, expect, it } from 'vitest';
import { AppError, defineErrors, fail, ok, PlatformErrors, unwrap } from '@bazaar/platform/errors';

const CatalogErrors = defineErrors('CATALOG', {
  NOT_FOUND: [404, 'Product not found'],
  PRICE_CHANGED: [409, 'The price changed'],
});

describe('defineErrors', () => {
  it('prefixes each code with the catalog name and keeps status and title', () => {
    expect(CatalogErrors.NOT_FOUND).toEqual({ code: 'CATALOG.NOT_FOUND', status: 404, title: 'Product not found' });
    expect(CatalogErrors.PRICE_CHANGED).toEqual({ code: 'CATALOG.PRICE_CHANGED', status: 409, title: 'The price changed' });
  });

  it('freezes the catalog and its entries so codes cannot be changed at run time', () => {
    expect(Object.isFrozen(CatalogErrors)).toBe(true);
    expect(Object.isFrozen(CatalogErrors.NOT_FOUND)).toBe(true);
  });

  it('gives the platform catalog its PLATFORM prefix', () => {
    expect(PlatformErrors.VALIDATION.code).toBe('PLATFORM.VALIDATION');
    expect(PlatformErrors.INTERNAL.status).toBe(500);
  });
});

describe('AppError', () => {
  it('carries its catalog entry and uses the title as message when no detail is given', () => {
    const error = new AppError(CatalogErrors.NOT_FOUND);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'CATALOG.NOT_FOUND', status: 404, title: 'Product not found', message: 'Product not found' });
  });

  it('is recognised by AppError.is, optionally for one catalog entry only', () => {
    const error = new AppError(CatalogErrors.NOT_FOUND, 'No product prd_1');
    expect(AppError.is(error)).toBe(true);
    expect(AppError.is(error, CatalogErrors.NOT_FOUND)).toBe(true);
    expect(AppError.is(error, CatalogErrors.PRICE_CHANGED)).toBe(false);
    expect(AppError.is(new Error('No product prd_1'))).toBe(false);
  });
});

describe('Result', () => {
  it('unwraps a success to its value and throws the error of a failure', () => {
    expect(unwrap(ok(42))).toBe(42);
    const error = new AppError(CatalogErrors.NOT_FOUND);
    expect(() => unwrap(fail(error))).toThrow(error);
  });
});
