import { describe, expect, it } from 'vitest';
import { fakeAccessToken } from '../test/fake-api.ts';
import { decodeAccessToken } from './jwt.ts';

describe('decodeAccessToken', () => {
  it("reads identity's subject, e-mail and roles claim", () => {
    const claims = decodeAccessToken(fakeAccessToken({ sub: 'usr_a', email: 'a@example.com', roles: ['customer', 'admin'] }));
    expect(claims).toEqual({ sub: 'usr_a', email: 'a@example.com', roles: ['customer', 'admin'] });
  });

  it('accepts a single `role` claim as well', () => {
    const payload = btoa(JSON.stringify({ sub: 'usr_b', role: 'admin' })).replace(/=+$/, '');
    expect(decodeAccessToken(`e30.${payload}.sig`)?.roles).toEqual(['admin']);
  });

  it('decodes base64url payloads with non-ASCII text', () => {
    const json = JSON.stringify({ sub: 'usr_c', email: 'zoë@example.com', roles: [] });
    const payload = btoa(String.fromCharCode(...new TextEncoder().encode(json))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(decodeAccessToken(`e30.${payload}.sig`)?.email).toBe('zoë@example.com');
  });

  it('gives null for anything that is not a token with a subject', () => {
    expect(decodeAccessToken('not-a-token')).toBeNull();
    expect(decodeAccessToken('a.%%%.c')).toBeNull();
    expect(decodeAccessToken(`e30.${btoa('{"email":"x"}')}.sig`)).toBeNull();
  });
});
