// Child process for the killed-import tests (import-file.test.ts): loads the TypeScript sources through Vite
// (with the repository's vitest aliases), starts importing FILE into the store DB (a SQLite path or a postgres://
// URL), and once the first batch is written inside the open transaction prints IN_TRANSACTION and blocks until it
// is SIGKILLed.
import { createServer } from 'vite';

const [root, dbPath, file] = process.argv.slice(2);
const server = await createServer({
  root,
  configFile: `${root}/vitest.config.ts`,
  logLevel: 'silent',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});
const { openStore } = await server.ssrLoadModule('/packages/data/src/store/index.ts');
const { importFile } = await server.ssrLoadModule('/packages/data/src/import/index.ts');
// DB: a SQLite path, or a postgres:// URL (the PostgreSQL variant of the test).
const location = /^postgres(ql)?:\/\//.test(dbPath) ? { kind: 'postgres', url: dbPath } : { kind: 'sqlite', path: dbPath };
const store = await openStore(location, { at: new Date('2026-01-01T00:00:00Z') });
let signalled = false;
await importFile(store, file, {
  at: new Date('2026-01-01T00:00:00Z'),
  onProgress: (phase, done) => {
    if (phase !== 'store' || done === 0 || signalled) return;
    signalled = true;
    process.stdout.write('IN_TRANSACTION\n');
    // Hold the transaction open (synchronously) until the parent kills us.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
process.stdout.write('COMMITTED\n');
process.exit(0);
