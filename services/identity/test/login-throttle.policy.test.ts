import { describe, expect, it } from 'vitest';
import { throttleVerdict } from '../src/domain/login-throttle.policy.ts';

const limits = { maxFailuresPerEmail: 5, maxFailuresPerIp: 50, windowSeconds: 900 };

describe('the login throttle', () => {
  it('lets an attempt through when no window is open', () => {
    expect(throttleVerdict([], limits)).toEqual({ blocked: false });
  });

  it('lets an attempt through below both limits', () => {
    const verdict = throttleVerdict(
      [
        { scope: 'email', failures: 4, secondsLeft: 600 },
        { scope: 'ip', failures: 49, secondsLeft: 600 },
      ],
      limits,
    );
    expect(verdict).toEqual({ blocked: false });
  });

  it('blocks an address with five failures until its window closes', () => {
    expect(throttleVerdict([{ scope: 'email', failures: 5, secondsLeft: 612.3 }], limits)).toEqual({
      blocked: true,
      retryAfterSeconds: 613,
    });
  });

  it('blocks a client address with fifty failures, whichever e-mail it tries', () => {
    expect(throttleVerdict([{ scope: 'ip', failures: 50, secondsLeft: 30 }], limits)).toEqual({ blocked: true, retryAfterSeconds: 30 });
  });

  it('asks to wait for the later of two exhausted windows, and never for zero seconds', () => {
    const both = throttleVerdict(
      [
        { scope: 'email', failures: 9, secondsLeft: 10 },
        { scope: 'ip', failures: 60, secondsLeft: 400 },
      ],
      limits,
    );
    expect(both).toEqual({ blocked: true, retryAfterSeconds: 400 });
    expect(throttleVerdict([{ scope: 'email', failures: 5, secondsLeft: 0.0001 }], limits)).toEqual({ blocked: true, retryAfterSeconds: 1 });
  });
});
