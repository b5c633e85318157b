import { describe, expect, it } from 'vitest';
import { defineSaga, defineStep, type SagaStep } from '@bazaar/platform/workflow';

interface Data {
  readonly orderId: string;
}

const remote = (id: string): SagaStep<Data> => ({
  id,
  doc: 'Asks another service to do something.',
  timeoutMs: 1_000,
  command: (data) => ({ type: 'DoSomething', payload: data }),
  onReply: () => ({ ok: true }),
});

describe('declaring steps and sagas', () => {
  it('accepts a remote step, a local step and their undos', () => {
    expect(() =>
      defineSaga<Data>({
        name: 'checkout',
        steps: [
          defineStep({ ...remote('reserve-stock'), compensation: { timeoutMs: 500, command: () => ({ type: 'Undo', payload: {} }) } }),
          defineStep<Data>({ id: 'confirm-order', doc: 'Confirms locally.', run: async () => ({ ok: true }), compensation: { run: async () => ({ ok: true }) } }),
        ],
      }),
    ).not.toThrow();
  });

  it('rejects a step id that is not kebab-case', () => {
    expect(() => defineStep(remote('Reserve Stock'))).toThrow(/kebab-case/);
  });

  it('rejects a step without a doc line', () => {
    expect(() => defineStep({ ...remote('reserve-stock'), doc: ' ' })).toThrow(/one-line doc/);
  });

  it('rejects a step that is both remote and local', () => {
    const both = { ...remote('reserve-stock'), run: async () => ({ ok: true as const }) };
    expect(() => defineStep(both)).toThrow(/exactly one of command/);
  });

  it('rejects a remote step or undo without a positive timeout', () => {
    expect(() => defineStep({ ...remote('reserve-stock'), timeoutMs: 0 })).toThrow(/positive timeoutMs/);
    expect(() => defineStep({ ...remote('reserve-stock'), compensation: { timeoutMs: Number.NaN, command: () => ({ type: 'Undo', payload: {} }) } })).toThrow(
      /compensation of 'reserve-stock' needs a positive timeoutMs/,
    );
  });

  it('rejects an undo limited to less than one attempt', () => {
    expect(() => defineStep({ ...remote('reserve-stock'), compensation: { run: async () => ({ ok: true }), maxAttempts: 0 } })).toThrow(/maxAttempts >= 1/);
  });

  it('rejects a saga without steps or with two steps of one id', () => {
    expect(() => defineSaga<Data>({ name: 'checkout', steps: [] })).toThrow(/at least one step/);
    expect(() => defineSaga<Data>({ name: 'checkout', steps: [remote('pay'), remote('pay')] })).toThrow(/two steps with id 'pay'/);
  });
});
