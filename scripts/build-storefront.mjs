// Builds the storefront (apps/storefront/dist) when it is missing or older than its sources, so that
// `npm start` always serves the UI that is in the tree. Up to date, it only compares file times.
//
//   node scripts/build-storefront.mjs            build if stale
//   node scripts/build-storefront.mjs --force    build regardless
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const app = path.join(root, 'apps', 'storefront');
const dist = path.join(app, 'dist');
const builtMarker = path.join(dist, 'index.html');
// What the bundle is made of; tests are not, so editing one does not force a build.
const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((entry) => path.join(app, entry));
const isTest = (file) => /\.test\.[cm]?[jt]sx?$/.test(file) || file.includes(`${path.sep}test${path.sep}`);

function newestInput(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return isTest(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestInput(path.join(entry, child)));
  return newest;
}

function isStale() {
  if (!existsSync(builtMarker)) return true;
  const builtAt = statSync(builtMarker).mtimeMs;
  return inputs.some((input) => newestInput(input) > builtAt);
}

// Text files worth compressing; below COMPRESS_MIN_BYTES the headers outweigh the saving.
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt', '.map']);
const COMPRESS_MIN_BYTES = 1024;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build, compressed once at the
 * highest level, so that the gateway serves the smaller one a browser accepts without compressing per request.
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      precompress(file);
      continue;
    }
    if (!COMPRESSIBLE.has(path.extname(entry.name))) continue;
    const content = readFileSync(file);
    if (content.length < COMPRESS_MIN_BYTES) continue;
    const brotli = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
    const gzip = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
    if (brotli.length < content.length) writeFileSync(`${file}.br`, brotli);
    if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip);
  }
}

function build() {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    console.error('bazaar: cannot build the storefront: Vite is not installed. Run `npm install` first.');
    process.exit(1);
  }
  // Built beside dist and swapped in, so that two starts at once (or a gateway reading dist) never see half a build.
  const staging = path.join(app, `.dist-build-${process.pid}`);
  console.log('bazaar: building the storefront (apps/storefront/dist)…');
  const started = Date.now();
  // Always a production build: a start from inside a test runner inherits NODE_ENV=test, which would otherwise
  // ship React's development build (and keep it, since the sources have not changed).
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', 'production', '--logLevel', 'warn', '--outDir', staging], {
    cwd: app,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error('bazaar: the storefront build failed (see above); fix it or run `npm run build:storefront` to retry.');
    process.exit(result.status ?? 1);
  }
  precompress(staging);
  const retired = path.join(app, `.dist-old-${process.pid}`);
  try {
    if (existsSync(dist)) renameSync(dist, retired);
    renameSync(staging, dist);
  } catch (error) {
    // Another start swapped its own fresh build in at the same moment: that one serves as well as ours.
    if (!existsSync(builtMarker)) throw error;
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(retired, { recursive: true, force: true });
  console.log(`bazaar: storefront built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv.includes('--force') || isStale()) build();
