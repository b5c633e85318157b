import { createInProcessBroker } from '@bazaar/platform/messaging';
import { testLogger } from '@bazaar/platform/testing';
import { describeBrokerContract } from './broker.contract.ts';
import { describeMessagingContract } from './messaging.contract.ts';
import { refusingWhileDown } from './support/broker-outage.ts';
import type { BrokerUnderTest } from './support/broker-under-test.ts';

async function inProcessBroker(): Promise<BrokerUnderTest> {
  const inner = createInProcessBroker({ logger: testLogger('in-process-broker') });
  const { broker, outage } = refusingWhileDown(inner);
  return {
    broker,
    outage,
    deadLettered: async (consumer) => inner.bus.deadLettered(consumer).length,
    dispose: () => broker.close(),
  };
}

describeBrokerContract('the in-process broker', inProcessBroker);
describeMessagingContract('the in-process broker', inProcessBroker);
