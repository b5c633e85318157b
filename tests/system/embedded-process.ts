import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
export { freePort } from '@bazaar/platform/net';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface StartedProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves with npm's exit code once every process of the placement has closed its output. */
  readonly exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/**
 * Runs `npm start` as a newcomer would, with a clean environment: no engine URLs, so everything is embedded.
 * Resolves once the banner says the system is ready, or rejects with the output if it exits first.
 */
export async function npmStart(env: Record<string, string>, readyTimeoutMs = 60_000): Promise<StartedProcess> {
  const cleanEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !['DATABASE_URL', 'REDIS_URL', 'AMQP_URL', 'CI'].includes(key)) cleanEnv[key] = value;
  }
  const child = spawn('npm', ['start', '--silent'], {
    cwd: repoRoot,
    env: { ...cleanEnv, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close', not 'exit': npm exits at the signal, but the system behind it still holds the output pipe
  // until it has drained and stopped.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const started: StartedProcess = {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
      return exited;
    },
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after ${readyTimeoutMs} ms:\n${output}`)), readyTimeoutMs);
    const poll = setInterval(() => {
      if (output.includes('Bazaar is ready at')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      if (!output.includes('Bazaar is ready at')) reject(new Error(`exited with ${code} before ready:\n${output}`));
    });
  });
  return started;
}
