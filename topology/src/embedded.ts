import module from 'node:module';
import path from 'node:path';

// V8 keeps the code it compiled for each module on disk (under the system's temporary directory, or
// NODE_COMPILE_CACHE), so every start after the first parses and compiles far less. It must be on before the
// system's modules load, hence the import below comes after it; the service threads read it from the
// environment.
const cache = module.enableCompileCache();
if (cache.directory) process.env['NODE_COMPILE_CACHE'] ??= path.dirname(cache.directory);
const { main } = await import('./embedded-placement.ts');
await main();
