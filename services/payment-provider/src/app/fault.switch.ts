import { setTimeout as sleep } from 'node:timers/promises';
import type { Faults } from '../contract/fault.schemas.ts';

/** The current fault knobs, and the delay they impose. */
export interface FaultSwitch {
  current(): Faults;
  set(next: Faults): Faults;
  /** Waits `latencyMs`; cut short when the provider shuts down, so a slow call never holds up a close. */
  delay(): Promise<void>;
  /** Counts a call refused by the outage knob, and says whether the knob is on. */
  refuseForOutage(): boolean;
  /** Calls refused by the outage knob since start. */
  refused(): number;
  /** Ends every pending delay. */
  release(): void;
}

export function createFaultSwitch(initial: Faults): FaultSwitch {
  let faults = { ...initial };
  const closing = new AbortController();
  let refused = 0;
  return {
    current: () => ({ ...faults }),
    set(next) {
      faults = { ...next };
      return { ...faults };
    },
    async delay() {
      if (faults.latencyMs === 0 || closing.signal.aborted) return;
      await sleep(faults.latencyMs, undefined, { signal: closing.signal }).catch(() => undefined);
    },
    refuseForOutage() {
      if (faults.outage) refused += 1;
      return faults.outage;
    },
    refused: () => refused,
    release: () => closing.abort(),
  };
}
