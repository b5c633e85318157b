import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@bazaar/platform/net';
import { systemEngines, type SystemEngines } from '@bazaar/platform/testing';
import { cpuSecondsOf, cpuSecondsOfPid, findDescendant, startNode, type Started } from './processes.ts';
import { machineLine, publishSection } from './results-doc.ts';

/**
 * `npm run bench:checkout`: complete checkouts (add to cart, check out, wait for CONFIRMED) at rising
 * concurrency through the gateway, in the embedded placement and against the PostgreSQL, Redis and RabbitMQ
 * servers, each beside pgbench (TPC-B-like, 8 clients) on the same PostgreSQL server. It counts the database
 * transactions one checkout costs from PostgreSQL's own statistics, and writes the results to docs/benchmarks.md.
 */
const DURATION_S = Number(process.env['BENCH_DURATION_SECONDS'] ?? 15);
const LEVELS = (process.env['BENCH_CONCURRENCY'] ?? '1,4,8,16,48').split(',').map(Number);
const PLACEMENTS = new Set((process.env['BENCH_PLACEMENTS'] ?? 'embedded,servers').split(','));
const SERVER_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PGBENCH_CLIENTS = 8;
const PGBENCH_SECONDS = 15;
// The issue's latency target for time to confirmed.
const TARGET_P99_MS = 500;
const STOCKED_PRODUCTS = 100;
const ADDRESS = { name: 'Bench Shopper', line1: '1 Load Street', city: 'Rotterdam', postalCode: '3011', country: 'NL' };
const ADMIN = { email: 'admin@bazaar.local', password: 'bench-admin-password' };
// The statuses of an order whose saga is still running; CONFIRMED and CANCELLED are final.
const IN_PROGRESS = new Set(['PENDING', 'RESERVED', 'AUTHORIZED']);
/** How often a client asks for its order's status while the saga runs. */
const POLL_MS = 50;
/** How long a client follows one order before counting it as failed. */
const ORDER_PATIENCE_MS = 60_000;

interface Level {
  concurrency: number;
  confirmed: number;
  cancelled: number;
  failed: number;
  ordersPerSecond: number;
  p50: number;
  p99: number;
  /** CPU milliseconds per confirmed order, by who spent them. */
  cpuPerOrder: Record<keyof CpuReading, number>;
  /** Share of the machine's cores busy during the level. */
  busy: number;
}

interface PlacementResult {
  name: string;
  levels: Level[];
  pgbenchTps: number;
  /** Transactions that wrote (took a transaction id) per confirmed checkout. */
  writesPerCheckout: number;
  /** Every committed transaction, read-only statements included, per confirmed checkout. */
  transactionsPerCheckout: number;
  backgroundPerSecond: number;
  backgroundWritesPerSecond: number;
  serverVersion: string;
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON from the wire

async function call(base: string, method: string, url: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  const response = await fetch(`${base}${url}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface CpuReading {
  readonly system: number;
  readonly postgres: number;
  readonly rabbitmq: number;
  readonly redis: number;
  readonly loadGenerator: number;
}

function readCpu(systemPid: number): CpuReading {
  const own = process.cpuUsage();
  return {
    system: cpuSecondsOfPid(systemPid),
    postgres: cpuSecondsOf(['postgres']),
    rabbitmq: cpuSecondsOf(['beam.smp']),
    redis: cpuSecondsOf(['redis-server']),
    loadGenerator: (own.user + own.system) / 1e6,
  };
}

function psql(serverUrl: string, query: string): string {
  return execFileSync('psql', [serverUrl, '-Atc', query], { encoding: 'utf8' }).trim();
}

/** Committed transactions so far, over every database of the system (by name prefix). */
function committedTransactions(serverUrl: string, prefix: string): number {
  // Statistics reach pg_stat_database when a backend flushes them (about once a second); the caller waits.
  return Number(psql(serverUrl, `SELECT coalesce(sum(xact_commit), 0) FROM pg_stat_database WHERE starts_with(datname, '${prefix}')`));
}

/**
 * Counts the commits of transactions that wrote, read from the server's WAL with pg_walinspect: a transaction
 * that wrote leaves one commit record (a savepoint's writes ride in its parent's), one that only read leaves
 * none. The extension lives in a database of the bench's own, and a replication slot holds the WAL from the
 * first mark until `close()`, so no checkpoint recycles a segment before it is read.
 */
function walCommits(serverUrl: string) {
  const id = randomUUID().slice(0, 8);
  const database = `bazaar_bench_wal_${id}`;
  const slot = `bazaar_bench_wal_${id}`;
  psql(serverUrl, `CREATE DATABASE ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const inspect = url.toString();
  psql(inspect, 'CREATE EXTENSION pg_walinspect');
  psql(inspect, `SELECT pg_create_physical_replication_slot('${slot}', true)`);
  return {
    /** A point in the WAL: everything written (and flushed) so far. */
    mark: (): string => psql(inspect, 'SELECT pg_current_wal_flush_lsn()'),
    /** Commit records between two marks. */
    between: (from: string, to: string): number =>
      // With nothing written in between, pg_walinspect finds no record to start from and says so as an error.
      from === to ? 0 : Number(psql(inspect, `SELECT coalesce(sum(count), 0) FROM pg_get_wal_stats('${from}', '${to}', true) WHERE "resource_manager/record_type" = 'Transaction/COMMIT'`)),
    close() {
      psql(inspect, `SELECT pg_drop_replication_slot('${slot}')`);
      psql(serverUrl, `DROP DATABASE ${database}`);
    },
  };
}

function pgbench(serverUrl: string): number {
  const database = `bazaar_bench_pgbench_${randomUUID().slice(0, 8)}`;
  psql(serverUrl, `CREATE DATABASE ${database}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    execFileSync('pgbench', ['-i', '-q', '-s', '10', url.toString()], { stdio: 'ignore' });
    const out = execFileSync('pgbench', ['-c', String(PGBENCH_CLIENTS), '-j', '2', '-T', String(PGBENCH_SECONDS), url.toString()], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const tps = /tps = ([\d.]+)/.exec(out);
    if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
    return Number(tps[1]);
  } finally {
    psql(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

/** The embedded server's URL, read from its data directory (its port from postmaster.pid, its password from the secret). */
async function embeddedServerUrl(dataDir: string): Promise<string> {
  const pid = await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8');
  const port = pid.split('\n')[3]!.trim();
  const password = (await readFile(path.join(dataDir, 'postgres.secret'), 'utf8')).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** One shopper's loop: add a product, check out, wait for the outcome; until the deadline. */
async function shop(base: string, token: string, products: readonly string[], deadline: number, outcomes: { ms: number; status: string }[]): Promise<void> {
  while (performance.now() < deadline) {
    const productId = products[Math.floor(Math.random() * products.length)]!;
    const began = performance.now();
    const added = await call(base, 'POST', '/api/cart/items', { token, body: { productId, quantity: 1 } });
    if (added.status !== 200) {
      outcomes.push({ ms: performance.now() - began, status: `cart ${added.status}` });
      continue;
    }
    const placed = await call(base, 'POST', '/api/checkout', { token, headers: { 'idempotency-key': randomUUID() }, body: { shippingAddress: ADDRESS, paymentToken: 'tok_visa' } });
    let status: string = placed.body?.status ?? `checkout ${placed.status}`;
    const orderId: string | undefined = placed.body?.orderId ?? placed.body?.id;
    const giveUpAt = performance.now() + ORDER_PATIENCE_MS;
    while (orderId && IN_PROGRESS.has(status)) {
      if (performance.now() > giveUpAt) {
        status = `still ${status} after ${ORDER_PATIENCE_MS / 1000} s`;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      status = (await call(base, 'GET', `/api/orders/${orderId}`, { token })).body?.status ?? 'unknown';
    }
    outcomes.push({ ms: performance.now() - began, status });
  }
}

async function measurePlacement(name: string, engines: SystemEngines | undefined): Promise<PlacementResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bazaar-bench-checkout-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const prefix = engines?.env['BAZAAR_DATABASE_PREFIX'] ?? 'bazaar_';
  const env: Record<string, string> = {
    DATABASE_URL: '',
    REDIS_URL: '',
    AMQP_URL: '',
    ...engines?.env,
    BAZAAR_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    BAZAAR_ADMIN_EMAIL: ADMIN.email,
    BAZAAR_ADMIN_PASSWORD: ADMIN.password,
    // One client address and a few users drive the load: lift the edge limits so they measure checkout, not throttling.
    GATEWAY_RATE_LIMIT_IP_CAPACITY: '100000000',
    GATEWAY_RATE_LIMIT_IP_REFILL_PER_SECOND: '100000000',
    GATEWAY_RATE_LIMIT_USER_CAPACITY: '100000000',
    GATEWAY_RATE_LIMIT_USER_REFILL_PER_SECOND: '100000000',
  };
  console.log(`\n${name}: starting…`);
  let system: Started | undefined;
  let commits: ReturnType<typeof walCommits> | undefined;
  try {
    system = await startNode('', env, 'Bazaar is ready at', ['npm', 'start', '--silent']);
    const serverUrl = engines ? SERVER_URL : await embeddedServerUrl(dataDir);
    const serverVersion = psql(serverUrl, 'SHOW server_version');

    // Stock plenty of a hundred products, so that every checkout can succeed.
    const admin = (await call(base, 'POST', '/api/auth/login', { body: ADMIN })).body.accessToken as string;
    const warehouse = (await call(base, 'GET', '/api/inventory/warehouses')).body[0].id as string;
    const page = (await call(base, 'GET', `/api/products?limit=${STOCKED_PRODUCTS}`)).body.items as { id: string; sku: string }[];
    for (const product of page) {
      const stocked = await call(base, 'PUT', `/api/inventory/${product.sku}`, { token: admin, body: { warehouseId: warehouse, onHand: 1_000_000 } });
      if (stocked.status !== 200) throw new Error(`stocking ${product.sku} failed: ${JSON.stringify(stocked.body)}`);
    }
    const products = page.map((product) => product.id);

    // One signed-in shopper per concurrent client; signing in (argon2id) is not part of the measured checkout.
    const tokens: string[] = [];
    for (let i = 0; i < Math.max(...LEVELS); i += 1) {
      const email = `bench-${i}-${Date.now()}@example.com`;
      const password = 'a long benchmark passphrase';
      await call(base, 'POST', '/api/auth/register', { body: { email, password, name: `Bench ${i}` } });
      tokens.push((await call(base, 'POST', '/api/auth/login', { body: { email, password } })).body.accessToken as string);
    }

    // Warm-up, then the background rate of transactions (relay and saga pollers, expiry sweeps) while idle.
    await Promise.all(tokens.slice(0, 4).map((token) => shop(base, token, products, performance.now() + 3_000, [])));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleFrom = committedTransactions(serverUrl, prefix);
    commits = walCommits(serverUrl);
    const idleWritesFrom = commits.mark();
    const idleStarted = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const idleSeconds = (performance.now() - idleStarted) / 1000;
    const backgroundPerSecond = (committedTransactions(serverUrl, prefix) - idleFrom) / idleSeconds;
    const backgroundWritesPerSecond = commits.between(idleWritesFrom, commits.mark()) / idleSeconds;
    const systemPid = system.child.pid ? findDescendant(system.child.pid, 'topology/src/embedded.ts') : undefined;
    if (systemPid === undefined) throw new Error('could not find the Node process behind npm start');

    const levels: Level[] = [];
    let transactions = 0;
    let writes = 0;
    let confirmedTotal = 0;
    let measuredSeconds = 0;
    for (const concurrency of LEVELS) {
      const outcomes: { ms: number; status: string }[] = [];
      const before = committedTransactions(serverUrl, prefix);
      const writesBefore = commits.mark();
      const cpuBefore = readCpu(systemPid);
      const started = performance.now();
      const deadline = started + DURATION_S * 1000;
      await Promise.all(tokens.slice(0, concurrency).map((token) => shop(base, token, products, deadline, outcomes)));
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = readCpu(systemPid);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      transactions += committedTransactions(serverUrl, prefix) - before;
      writes += commits.between(writesBefore, commits.mark());
      measuredSeconds += seconds + 1.5;
      const confirmed = outcomes.filter((o) => o.status === 'CONFIRMED');
      confirmedTotal += confirmed.length;
      const latencies = confirmed.map((o) => o.ms).sort((a, b) => a - b);
      const spent = (key: keyof CpuReading) => cpuAfter[key] - cpuBefore[key];
      const keys = Object.keys(cpuBefore) as (keyof CpuReading)[];
      const cpuPerOrder = Object.fromEntries(keys.map((key) => [key, (spent(key) * 1000) / Math.max(1, confirmed.length)])) as Record<keyof CpuReading, number>;
      const busy = keys.reduce((sum, key) => sum + spent(key), 0) / seconds / os.cpus().length;
      const level: Level = {
        concurrency,
        confirmed: confirmed.length,
        cancelled: outcomes.filter((o) => o.status === 'CANCELLED').length,
        failed: outcomes.filter((o) => o.status !== 'CONFIRMED' && o.status !== 'CANCELLED').length,
        ordersPerSecond: confirmed.length / seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        cpuPerOrder,
        busy,
      };
      levels.push(level);
      const failures = new Map<string, number>();
      for (const outcome of outcomes) if (outcome.status !== 'CONFIRMED' && outcome.status !== 'CANCELLED') failures.set(outcome.status, (failures.get(outcome.status) ?? 0) + 1);
      if (failures.size > 0) console.log(`  failures: ${[...failures].map(([status, n]) => `${status} × ${n}`).join(', ')}`);
      const cpu = keys.map((key) => `${key} ${cpuPerOrder[key].toFixed(1)}`).join(', ');
      console.log(`  ${concurrency} clients: ${level.ordersPerSecond.toFixed(1)} orders/s, p50 ${level.p50.toFixed(0)} ms, p99 ${level.p99.toFixed(0)} ms (${level.cancelled} cancelled, ${level.failed} failed); CPU ms per order: ${cpu}; cores busy ${(busy * 100).toFixed(0)}%`);
    }
    const transactionsPerCheckout = (transactions - backgroundPerSecond * measuredSeconds) / confirmedTotal;
    const writesPerCheckout = (writes - backgroundWritesPerSecond * measuredSeconds) / confirmedTotal;

    console.log(`  pgbench (${PGBENCH_CLIENTS} clients) on the same server…`);
    const pgbenchTps = pgbench(serverUrl);
    console.log(`  pgbench: ${pgbenchTps.toFixed(0)} TPS; per checkout ${writesPerCheckout.toFixed(1)} writing transactions, ${transactionsPerCheckout.toFixed(1)} in all`);
    return { name, levels, pgbenchTps, writesPerCheckout, transactionsPerCheckout, backgroundPerSecond, backgroundWritesPerSecond, serverVersion };
  } finally {
    commits?.close();
    await system?.stop();
    // The system's own log (LOG_LEVEL, default warn) for a look at what went wrong under load.
    const logDir = process.env['BENCH_SYSTEM_LOG_DIR'];
    if (logDir && system) await writeFile(path.join(logDir, `checkout-${engines ? 'servers' : 'embedded'}.log`), system.output());
    await engines?.release();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * What the target asks of the machine's CPU, at the best level that keeps p99 under the target's 500 ms: at half the
 * bound, with the cores as busy as at that level, how much CPU one order may cost in all, and how much of it the
 * engines and the load generator already spent there.
 */
function budgetLine(levels: readonly Level[], bound: number): string {
  const within = levels.filter((level) => level.p99 < TARGET_P99_MS);
  if (within.length === 0) return `No level kept p99 under ${TARGET_P99_MS} ms.`;
  const level = within.reduce((best, candidate) => (candidate.ordersPerSecond > best.ordersPerSecond ? candidate : best));
  const half = bound / 2;
  const budget = (os.cpus().length * 1000 * level.busy) / half;
  const { system, postgres, rabbitmq, redis, loadGenerator } = level.cpuPerOrder;
  const others = postgres + rabbitmq + redis + loadGenerator;
  return (
    `The best level with p99 under ${TARGET_P99_MS} ms is ${level.concurrency} clients: **${level.ordersPerSecond.toFixed(1)} orders/s** (${((level.ordersPerSecond / bound) * 100).toFixed(0)}% of the bound). ` +
    `At half the bound (${half.toFixed(0)} orders/s), with the cores as busy as there (${(level.busy * 100).toFixed(0)}%), one order may cost **${budget.toFixed(1)} ms of CPU** in all; ` +
    `at that level PostgreSQL, RabbitMQ, Redis and the load generator spent ${others.toFixed(1)} ms of it and the Node process ${system.toFixed(1)} ms.`
  );
}

function section(results: readonly PlacementResult[]): string[] {
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `## Checkout (\`npm run bench:checkout\`) — ${date}`,
    '',
    `Machine: ${machineLine()}.`,
    `Each client is a signed-in shopper looping for ${DURATION_S} s per level: add one of ${STOCKED_PRODUCTS} stocked products to the cart, \`POST /api/checkout\` with a fresh Idempotency-Key and \`tok_visa\`, then follow the order (the answer itself when the saga ends within orders' short wait, else \`GET /api/orders/:id\` every ${POLL_MS} ms) until \`CONFIRMED\`. Time to confirmed runs from the cart request to the confirmed answer. The load generator shares the machine's two cores with the system.`,
    '',
  ];
  for (const result of results) {
    const bound = result.pgbenchTps / result.writesPerCheckout;
    const best = Math.max(...result.levels.map((level) => level.ordersPerSecond));
    lines.push(
      `### ${result.name} (PostgreSQL ${result.serverVersion})`,
      '',
      '| clients | confirmed orders/s | of the pgbench bound | p50 ms | p99 ms | confirmed | cancelled | failed | CPU ms per order: Node system / PostgreSQL / RabbitMQ / Redis / load generator | cores busy |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
      ...result.levels.map(
        (level) =>
          `| ${level.concurrency} | ${level.ordersPerSecond.toFixed(1)} | ${((level.ordersPerSecond / bound) * 100).toFixed(0)}% | ${level.p50.toFixed(0)} | ${level.p99.toFixed(0)} | ${level.confirmed} | ${level.cancelled} | ${level.failed} | ` +
          `${level.cpuPerOrder.system.toFixed(1)} / ${level.cpuPerOrder.postgres.toFixed(1)} / ${level.cpuPerOrder.rabbitmq.toFixed(1)} / ${level.cpuPerOrder.redis.toFixed(1)} / ${level.cpuPerOrder.loadGenerator.toFixed(1)} | ${(level.busy * 100).toFixed(0)}% |`,
      ),
      '',
      `pgbench (TPC-B-like, scale 10, ${PGBENCH_CLIENTS} clients, ${PGBENCH_SECONDS} s) on the same server: **${result.pgbenchTps.toFixed(0)} TPS**. ` +
        `One checkout cost **${result.writesPerCheckout.toFixed(1)} transactions that wrote** (commit records in the server's WAL during the levels, counted with pg_walinspect, less the idle background rate of ${result.backgroundWritesPerSecond.toFixed(1)}/s) ` +
        `and ${result.transactionsPerCheckout.toFixed(1)} committed transactions in all, read-only statements included (\`pg_stat_database.xact_commit\` over the system's databases, less ${result.backgroundPerSecond.toFixed(1)}/s idle). ` +
        `Against pgbench's writing transactions the bound is ${result.pgbenchTps.toFixed(0)} / ${result.writesPerCheckout.toFixed(1)} = **${bound.toFixed(0)} orders/s**; the best level reached ${best.toFixed(1)} (${((best / bound) * 100).toFixed(0)}%).`,
      '',
      budgetLine(result.levels, bound),
      '',
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const results: PlacementResult[] = [];
  if (PLACEMENTS.has('embedded')) results.push(await measurePlacement('Embedded placement (embedded PostgreSQL, in-process bus, in-memory cart)', undefined));
  if (PLACEMENTS.has('servers')) {
    results.push(
      await measurePlacement(
        'PostgreSQL, RabbitMQ and Redis servers',
        systemEngines(SERVER_URL, ['cart', 'inventory-commands', 'inventory-orders', 'notifications', 'orders-saga', 'payments-commands']),
      ),
    );
  }
  // The published section compares both placements; a run of one prints its table and leaves the document alone.
  if (results.length === 2) await publishSection('checkout', section(results));
  else console.log(section(results).join('\n'));
}

await main();
