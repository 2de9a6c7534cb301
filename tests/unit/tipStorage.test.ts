import { describeTipStorage } from './support/tipStorageSuite';
import { d1Target, pgliteTarget, postgresServerTarget } from './support/tipStorageTargets';

// One tip suite, every storage adapter: Cloudflare's (local D1 and R2) and PostgreSQL's, on
// embedded PGlite always and on a real PostgreSQL server when DATABASE_URL names one (.ci/run
// starts Debian's PostgreSQL and sets it).
describeTipStorage(d1Target);
describeTipStorage(pgliteTarget);
if (process.env.DATABASE_URL) describeTipStorage(postgresServerTarget(process.env.DATABASE_URL));
