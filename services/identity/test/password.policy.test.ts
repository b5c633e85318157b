import { describe, expect, it } from 'vitest';
import { checkPassword, passwordProblems } from '../src/domain/password.policy.ts';

describe('the password policy', () => {
  it('accepts a long passphrase of lower-case letters only, as it imposes no composition rules', () => {
    expect(passwordProblems('correct horse battery staple', 'alice')).toEqual([]);
  });

  it('requires at least ten characters, counted as code points', () => {
    expect(passwordProblems('nine-char', 'alice')).toEqual(['must be at least 10 characters long']);
    expect(passwordProblems('🦊🦊🦊🦊🦊🐻🐻🐻🐻🐻', 'alice')).toEqual([]);
  });

  it('allows at most 128 characters', () => {
    expect(passwordProblems('x'.repeat(64) + 'y'.repeat(64), 'alice')).toEqual([]);
    expect(passwordProblems('x'.repeat(64) + 'y'.repeat(65), 'alice')).toEqual(['must be at most 128 characters long']);
  });

  it('refuses the most common passwords whatever their case', () => {
    expect(passwordProblems('Password123', 'alice')).toEqual(['is one of the most common passwords']);
    expect(passwordProblems('QWERTYUIOP', 'alice')).toEqual(['is one of the most common passwords']);
  });

  it('refuses a single character repeated', () => {
    expect(passwordProblems('zzzzzzzzzzzz', 'alice')).toEqual(['must not repeat a single character']);
  });

  it('refuses a password that contains the e-mail local part, ignoring case', () => {
    expect(passwordProblems('my-Alice-is-great', 'alice')).toEqual(['must not contain your e-mail address']);
  });

  it('does not check very short local parts, which would forbid too much', () => {
    expect(passwordProblems('nobody-guesses-this', 'no')).toEqual([]);
  });

  it('reports every broken rule as a field error on body.password', () => {
    const result = checkPassword('alice', 'alice');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IDENTITY.WEAK_PASSWORD');
    expect(result.error.status).toBe(400);
    expect(result.error.errors).toEqual([
      { path: 'body.password', message: 'must be at least 10 characters long' },
      { path: 'body.password', message: 'must not contain your e-mail address' },
    ]);
  });
});
