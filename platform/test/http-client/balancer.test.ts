import { afterEach, describe, expect, it } from 'vitest';
import { createBalancer, createServiceClient, TransportError, type ServiceClient } from '../../src/http/index.ts';
import { discoveryOf, startUpstream, type Upstream } from './upstream.ts';

const A = 'http://10.0.0.1:8000';
const B = 'http://10.0.0.2:8000';
const C = 'http://10.0.0.3:8000';

function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

function countPicks(pick: () => { url: string; release(outcome: 'success'): void }, times: number) {
  const counts: Record<string, number> = {};
  for (let i = 0; i < times; i++) {
    const lease = pick();
    counts[lease.url] = (counts[lease.url] ?? 0) + 1;
    lease.release('success');
  }
  return counts;
}

describe('the balancer', () => {
  it('spreads calls evenly over the replicas in round-robin', () => {
    const balancer = createBalancer({ service: 'catalog', urls: () => [A, B, C], strategy: 'round-robin' });
    expect(countPicks(() => balancer.pick(), 30)).toEqual({ [A]: 10, [B]: 10, [C]: 10 });
  });

  it('with least-outstanding, sends calls to the idle replica while another is busy', () => {
    const balancer = createBalancer({ service: 'catalog', urls: () => [A, B], strategy: 'least-outstanding' });
    const busy = balancer.pick();
    const idle = busy.url === A ? B : A;
    expect(countPicks(() => balancer.pick(), 5)).toEqual({ [idle]: 5 });
    busy.release('success');
    expect(balancer.instances().map((i) => i.inFlight)).toEqual([0, 0]);
  });

  it('with least-outstanding, breaks ties in rotation', () => {
    const balancer = createBalancer({ service: 'catalog', urls: () => [A, B, C], strategy: 'least-outstanding' });
    expect(countPicks(() => balancer.pick(), 9)).toEqual({ [A]: 3, [B]: 3, [C]: 3 });
  });

  it('ejects a replica after three consecutive failures and probes it back with one call after the cool-down', () => {
    const clock = manualClock();
    const balancer = createBalancer({ service: 'catalog', urls: () => [A, B], strategy: 'round-robin', now: clock.now });
    let failures = 0;
    while (failures < 3) {
      const lease = balancer.pick();
      if (lease.url === A) failures += 1;
      lease.release(lease.url === A ? 'failure' : 'success');
    }
    const ejected = balancer.instances().find((i) => i.url === A)!;
    expect(ejected.ejectedUntil).toBe(clock.now() + 5_000);
    expect(countPicks(() => balancer.pick(), 10)).toEqual({ [B]: 10 });

    clock.advance(5_000);
    const probe = balancer.pick();
    expect(probe.url).toBe(A);
    expect(balancer.instances().find((i) => i.url === A)!.probing).toBe(true);
    expect(countPicks(() => balancer.pick(), 4)).toEqual({ [B]: 4 });
    probe.release('success');

    expect(balancer.instances().find((i) => i.url === A)).toMatchObject({ ejectedUntil: undefined, consecutiveFailures: 0 });
    expect(countPicks(() => balancer.pick(), 10)).toEqual({ [A]: 5, [B]: 5 });
  });

  it('doubles the cool-down when the probe fails, up to the cap', () => {
    const clock = manualClock();
    const balancer = createBalancer({ service: 'catalog', urls: () => [A], ejectionMs: 1_000, maxEjectionMs: 3_000, now: clock.now });
    for (let i = 0; i < 3; i++) balancer.pick().release('failure');
    const cooldowns: number[] = [];
    for (let round = 0; round < 3; round++) {
      const until = balancer.instances()[0]!.ejectedUntil!;
      cooldowns.push(until - clock.now());
      clock.advance(until - clock.now());
      balancer.pick().release('failure');
    }
    expect(cooldowns).toEqual([1_000, 2_000, 3_000]);
  });

  it('fails fast with PLATFORM.UNAVAILABLE when every replica is ejected or none is registered', () => {
    const ejectedAll = createBalancer({ service: 'catalog', urls: () => [A] });
    for (let i = 0; i < 3; i++) ejectedAll.pick().release('failure');
    expect(() => ejectedAll.pick()).toThrow(TransportError);
    expect(() => ejectedAll.pick()).toThrow(expect.objectContaining({ code: 'PLATFORM.UNAVAILABLE', status: 503 }));

    const empty = createBalancer({ service: 'cart', urls: () => [] });
    expect(() => empty.pick()).toThrow(expect.objectContaining({ code: 'PLATFORM.UNAVAILABLE', failure: 'no-replica' }));
  });

  it('does not count a call the caller abandoned against the replica', () => {
    const balancer = createBalancer({ service: 'catalog', urls: () => [A] });
    for (let i = 0; i < 5; i++) balancer.pick().release('ignored');
    expect(balancer.instances()[0]).toMatchObject({ consecutiveFailures: 0, ejectedUntil: undefined, inFlight: 0 });
  });
});

describe('balancing over two real replicas', () => {
  let healthy: Upstream;
  let broken: Upstream;
  let client: ServiceClient;

  afterEach(async () => {
    await client.close();
    await healthy.close();
    await broken.close();
  });

  async function twoReplicas() {
    healthy = await startUpstream('healthy');
    broken = await startUpstream('broken');
    const urls = [healthy.url, broken.url];
    client = createServiceClient({ service: 'catalog', discovery: discoveryOf(() => urls), balancing: { strategy: 'round-robin' } });
  }

  it('shares the load between both while both are healthy', async () => {
    await twoReplicas();
    for (let i = 0; i < 10; i++) expect((await client.request({ method: 'GET', path: '/api/products' })).status).toBe(200);
    expect(healthy.seen.length).toBe(5);
    expect(broken.seen.length).toBe(5);
  });

  it('keeps every request succeeding when one replica answers 503, and stops sending it traffic', async () => {
    await twoReplicas();
    broken.answer((_request, reply) => reply.status(503).send({ down: true }));
    for (let i = 0; i < 20; i++) {
      const response = await client.request<{ from: string }>({ method: 'GET', path: '/api/products' });
      expect(response).toMatchObject({ status: 200, body: { from: 'healthy' } });
    }
    expect(broken.seen.length).toBe(3);
    expect(client.instances().find((i) => i.url === broken.url)!.ejectedUntil).toBeGreaterThan(Date.now());
  });

  it('keeps every request succeeding when one replica is killed', async () => {
    await twoReplicas();
    await client.request({ method: 'GET', path: '/warm-up' });
    await broken.close();
    for (let i = 0; i < 20; i++) {
      expect((await client.request({ method: 'GET', path: '/api/products' })).status).toBe(200);
    }
    const dead = client.instances().find((i) => i.url === broken.url)!;
    expect(dead.ejectedUntil).toBeGreaterThan(Date.now());
    expect(healthy.seen.length).toBeGreaterThanOrEqual(20);
  });
});
