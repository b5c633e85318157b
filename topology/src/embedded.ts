import module from 'node:module';

// V8 keeps the code it compiled for each module on disk (under the system's temporary directory, or
// NODE_COMPILE_CACHE), so every start after the first parses and compiles far less. It must be on before the
// system's modules load, hence the import below comes after it.
module.enableCompileCache();
const { main } = await import('./embedded-placement.ts');
await main();
