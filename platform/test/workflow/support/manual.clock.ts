/** A clock that moves only when told to, so deadlines are reached on purpose rather than by waiting. */
export function manualClock(start = new Date('2030-01-01T00:00:00Z')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number): Date {
      current += ms;
      return new Date(current);
    },
  };
}

export type ManualClock = ReturnType<typeof manualClock>;
