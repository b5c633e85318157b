import { parentPort, workerData } from 'node:worker_threads';
import { staticDiscovery } from '@bazaar/platform/http';
import { createLogger, installTracing } from '@bazaar/platform/telemetry';
import { topology } from './services.ts';

/** What the embedded launcher hands a service that runs on a thread of its own. */
export interface ServiceThreadData {
  readonly name: string;
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

/** Messages between the launcher and a service thread. */
export type ServiceThreadMessage = { type: 'listening'; url: string } | { type: 'stopped' };

const data = workerData as ServiceThreadData;
const entry = topology.find((e) => e.name === data.name);
if (!entry || !parentPort) throw new Error(`service-thread started without a known service (${data.name})`);
const port = parentPort;

installTracing({ processName: 'bazaar-embedded', otlpEndpoint: data.otlpEndpoint });
const service = await entry.start({
  databaseServerUrl: data.databaseServerUrl,
  databaseName: data.databaseName,
  redisUrl: data.redisUrl,
  logger: createLogger(data.name, data.logLevel),
  discovery: staticDiscovery(data.discovery),
  env: data.env,
});
const url = await service.listen(data.port, data.host);
port.postMessage({ type: 'listening', url } satisfies ServiceThreadMessage);
port.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  void service.close().then(() => {
    port.postMessage({ type: 'stopped' } satisfies ServiceThreadMessage);
    port.close();
  });
});
