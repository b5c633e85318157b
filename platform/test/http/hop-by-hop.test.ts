import { describe, expect, it } from 'vitest';
import { endToEndHeaders } from '../../src/http/index.ts';

describe('endToEndHeaders', () => {
  it('keeps end-to-end headers, names in lower case, and drops hop-by-hop ones', () => {
    const kept = endToEndHeaders({
      'Content-Type': 'application/json',
      accept: 'application/json',
      'Keep-Alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      TE: 'trailers',
      'content-length': 12,
      'set-cookie': ['a=1', 'b=2'],
      absent: undefined,
    });
    expect(kept).toEqual({ 'content-type': 'application/json', accept: 'application/json', 'content-length': '12', 'set-cookie': ['a=1', 'b=2'] });
  });

  it('drops the headers the Connection header names, whatever the case of either', () => {
    expect(endToEndHeaders({ Connection: 'keep-alive, X-Secret-Hop', 'x-secret-hop': '1', 'x-kept': '2' })).toEqual({ 'x-kept': '2' });
    expect(endToEndHeaders({ connection: ['close', 'x-a'], 'X-A': '1', 'x-b': '2' })).toEqual({ 'x-b': '2' });
  });

  it('drops the names it is asked to, and copies arrays so the caller’s are never shared', () => {
    const cookies = ['a=1'];
    const kept = endToEndHeaders({ host: 'example.com', 'Content-Length': '3', 'set-cookie': cookies }, new Set(['host', 'content-length']));
    expect(kept).toEqual({ 'set-cookie': ['a=1'] });
    expect(kept['set-cookie']).not.toBe(cookies);
  });
});
