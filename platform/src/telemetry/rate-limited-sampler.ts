import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import { SamplingDecision, type Sampler, type SamplingResult } from '@opentelemetry/sdk-trace-base';

/**
 * Records new traces up to `perSecond` a second and drops the rest: a token bucket holding one second's worth,
 * refilled continuously. A person clicking through the system has every trace recorded; a load test has a
 * steady trickle instead of paying a recorded span on every hop of every request (the in-memory buffer keeps
 * well under a second of such traffic anyway). Meant as the root sampler of a parent-based one, so a trace is
 * recorded whole or not at all.
 */
export class RateLimitedSampler implements Sampler {
  private readonly perSecond: number;
  private tokens: number;
  private last = performance.now();

  constructor(perSecond: number) {
    this.perSecond = perSecond;
    this.tokens = perSecond;
  }

  shouldSample(_context: Context, _traceId: string, _name: string, _kind: SpanKind, _attributes: Attributes, _links: Link[]): SamplingResult {
    const now = performance.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return NOT_RECORDED;
    this.tokens -= 1;
    return RECORDED;
  }

  toString(): string {
    return `RateLimitedSampler{${this.perSecond}/s}`;
  }
}

const RECORDED: SamplingResult = Object.freeze({ decision: SamplingDecision.RECORD_AND_SAMPLED });
const NOT_RECORDED: SamplingResult = Object.freeze({ decision: SamplingDecision.NOT_RECORD });
