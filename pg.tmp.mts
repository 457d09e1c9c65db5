import { startScratchPostgres } from './scripts/support/embeddedPostgres.js';
const pg = await startScratchPostgres({ durable: true });
console.log(pg.url);
process.on('SIGTERM', async () => { await pg.stop(); process.exit(0); });
setInterval(() => {}, 1000);
