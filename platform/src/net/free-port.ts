import { readFileSync } from 'node:fs';
import net from 'node:net';

const LOWEST = 10_000;

/**
 * The first port of the kernel's ephemeral range: the ports it hands to `listen(0)` and to the local end of
 * outgoing connections. A port told to a server must lie below it, or a connection to PostgreSQL opened while
 * the system starts may take it first.
 */
function ephemeralStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return low !== undefined && Number.isInteger(low) && low > LOWEST + 1_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port on loopback that was free a moment ago, for a server that is told its port (PostgreSQL, a gateway
 * under test). It is drawn at random from below the ephemeral range, so nothing the system does meanwhile
 * (listening on port 0, connecting out) can be given the same port before its server binds it.
 */
export async function freePort(): Promise<number> {
  const high = ephemeralStart();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = LOWEST + Math.floor(Math.random() * (high - LOWEST));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port found between ${LOWEST} and ${high}`);
}
