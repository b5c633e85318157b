import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** Every descendant of `pid` (children, grandchildren, …), read from /proc. */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const [child, parent] of parentOf) {
      if (parent === current) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/**
 * The first descendant of `pid` whose command line contains `text` (e.g. the Node process behind `npm start`),
 * skipping the shell npm runs the command through.
 */
export function findDescendant(pid: number, text: string): number | undefined {
  return descendants(pid).find((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(text) && readFileSync(`/proc/${p}/comm`, 'utf8').trim() !== 'sh';
    } catch {
      return false;
    }
  });
}

/**
 * Proportional set size of a process tree in bytes: shared pages (PostgreSQL's shared buffers) are split
 * among the processes that map them instead of being counted once per process as RSS would.
 */
export function treeMemoryBytes(pid: number): number {
  let total = 0;
  for (const p of [pid, ...descendants(pid)]) {
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      const pss = /^Pss:\s+(\d+) kB/m.exec(rollup);
      if (pss) total += Number(pss[1]) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

export interface Started {
  readonly child: ChildProcess;
  readonly readyAfterMs: number;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Runs a command (by default a Node script on the pinned Node) and waits for `readyText` on its output. */
export async function startNode(script: string, env: Record<string, string>, readyText: string, command: readonly string[] = [process.execPath, script]): Promise<Started> {
  const began = performance.now();
  const child = spawn(command[0]!, command.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  // 'close' waits for every process holding the output (npm's child included) to end.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (output.includes(readyText)) {
        clearInterval(poll);
        resolve();
      }
    }, 10);
    void exited.then((code) => {
      clearInterval(poll);
      if (!output.includes(readyText)) reject(new Error(`${command.join(' ')} exited with ${code} before ready:\n${output}`));
    });
  });
  return {
    child,
    readyAfterMs: performance.now() - began,
    output: () => output,
    async stop() {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

// The kernel's clock tick (USER_HZ) in which /proc reports CPU time; 100 on Linux.
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds (user + system) used so far by every process whose command name is one of `names`. */
export function cpuSecondsOf(names: readonly string[]): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!names.includes(command)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended while we looked
    }
  }
  return ticks / CLOCK_TICKS;
}

/** CPU seconds used so far by one process (all its threads). */
export function cpuSecondsOfPid(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
