import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The repository root, whatever the bench's working directory. */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

const RESULTS_FILE = path.join(repoRoot, 'docs/benchmarks.md');
const NEW_FILE = '# Benchmarks\n\nMeasured on the machine named in each section; every figure is a ratio to a baseline measured in the same run.\n';

/** This machine in one line: processors, memory, kernel and Node, as every results section names it. */
export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.versions.node}`;
}

/**
 * Prints a bench's results and writes them to docs/benchmarks.md between the bench's own markers, replacing the
 * previous run's section (or adding one), so every bench owns exactly one section of the file.
 */
export async function publishSection(bench: string, lines: readonly string[]): Promise<void> {
  const section = [`<!-- bench:${bench}:start -->`, ...lines, `<!-- bench:${bench}:end -->`].join('\n');
  console.log(`\n${section}\n`);
  const doc = await readFile(RESULTS_FILE, 'utf8').catch(() => NEW_FILE);
  const marked = new RegExp(`<!-- bench:${bench}:start -->[\\s\\S]*<!-- bench:${bench}:end -->`);
  await writeFile(RESULTS_FILE, marked.test(doc) ? doc.replace(marked, () => section) : `${doc.trimEnd()}\n\n${section}\n`);
}
