import { parentPort, workerData } from 'node:worker_threads';
import { staticDiscovery } from '@bazaar/platform/http';
import { createLogger, installTracing } from '@bazaar/platform/telemetry';
import { topology } from './services.ts';

/** What the embedded launcher hands a service that runs on a thread of its own. */
export interface ServiceThreadData {
  readonly databaseServerUrl: string;
  readonly databaseName: string;
  readonly redisUrl: string | undefined;
  readonly discovery: Record<string, readonly string[]>;
  readonly env: Record<string, string | undefined>;
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  readonly otlpEndpoint: string | undefined;
}

/** Messages from the launcher to a service thread: its settings once the services it calls listen, then stop. */
export type LauncherMessage = { type: 'start'; data: ServiceThreadData } | 'stop';

/** Messages from a service thread to the launcher. */
export type ServiceThreadMessage = { type: 'listening'; url: string } | { type: 'stopped' };

/** What the launcher gives a service thread when it makes it. */
export interface ServiceThreadOptions {
  readonly name: string;
}

const { name } = workerData as ServiceThreadOptions;
const entry = topology.find((e) => e.name === name);
if (!entry || !parentPort) throw new Error(`service-thread started without a known service (${name})`);
const port = parentPort;

// The thread is made early, so that its service's code loads while the launcher starts the database and the
// other services; its settings follow once they are known.
const loading = entry.load();
const data = await new Promise<ServiceThreadData>((resolve) => {
  port.once('message', (message: LauncherMessage) => {
    if (message === 'stop') port.close();
    else resolve(message.data);
  });
});
const start = await loading;

installTracing({ processName: 'bazaar-embedded', otlpEndpoint: data.otlpEndpoint });
const service = await start({
  databaseServerUrl: data.databaseServerUrl,
  databaseName: data.databaseName,
  redisUrl: data.redisUrl,
  logger: createLogger(name, data.logLevel),
  discovery: staticDiscovery(data.discovery),
  env: data.env,
});
const url = await service.listen(data.port, data.host);
port.postMessage({ type: 'listening', url } satisfies ServiceThreadMessage);
port.on('message', (message: LauncherMessage) => {
  if (message !== 'stop') return;
  void service.close().then(() => {
    port.postMessage({ type: 'stopped' } satisfies ServiceThreadMessage);
    port.close();
  });
});
