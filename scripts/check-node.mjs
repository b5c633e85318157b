// Guards every npm script: Bazaar runs on Node 24 (pinned by the `node` devDependency), never below 22.
const [major] = process.versions.node.split('.').map(Number);
const installing = process.argv.includes('--install');
if (major < 22) {
  if (installing) {
    // The first `npm install` runs on the machine's Node; it installs the pinned Node 24 that every later script uses.
    console.warn(`bazaar: installing with Node ${process.versions.node}; npm scripts will run on the pinned Node 24 from node_modules.`);
  } else {
    console.error(
      `bazaar: Node ${process.versions.node} is too old (need >= 22; Bazaar pins Node 24).\n` +
        'Run `npm install` first so that npm scripts use the pinned Node from node_modules/.bin.',
    );
    process.exit(1);
  }
}
