import { describe, expect, it } from 'vitest';
import { topicMatcher } from '../../src/messaging/topic-pattern.ts';

describe('topicMatcher, as AMQP topic exchanges match', () => {
  it.each([
    ['order.placed', 'order.placed', true],
    ['order.placed', 'order.confirmed', false],
    ['order.*', 'order.placed', true],
    ['order.*', 'order', false],
    ['order.*', 'order.placed.late', false],
    ['*.placed', 'order.placed', true],
    ['order.#', 'order', true],
    ['order.#', 'order.placed', true],
    ['order.#', 'order.placed.late', true],
    ['order.#', 'orders.placed', false],
    ['#', 'stock.level-changed', true],
    ['#.changed', 'stock.level.changed', true],
    ['#.changed', 'stock.level-changed', false],
    ['stock.#.changed', 'stock.changed', true],
    ['stock.*.changed', 'stock.changed', false],
  ])('%s matches %s: %s', (pattern, routingKey, expected) => {
    expect(topicMatcher(pattern)(routingKey)).toBe(expected);
  });
});
