import type { Broker } from '@bazaar/platform/messaging';
import type { Outage } from './broker-outage.ts';

/** A broker made for one test, a way to take it down, and how to remove every trace of it afterwards. */
export interface BrokerUnderTest {
  readonly broker: Broker;
  readonly outage: Outage;
  /** Messages parked in `consumer`'s dead-letter queue on the broker. */
  deadLettered(consumer: string): Promise<number>;
  dispose(): Promise<void>;
}

let sequence = 0;

/** A consumer name unique within the test run, so queues never mix between tests. */
export const uniqueConsumer = (role: string) => `${role}-${process.pid}-${++sequence}`;
