import { describeTipStorage } from './support/tipStorageSuite';
import { d1Target, pgliteTarget, postgresServerTarget, sqliteD1Target } from './support/tipStorageTargets';

// One suite, the one SQL TipStore and StaffStore on every driver: D1 (miniflare's local D1 and
// R2, and node:sqlite standing in for D1), PostgreSQL on embedded PGlite always, and on a real
// PostgreSQL server when DATABASE_URL names one (.ci/run starts Debian's PostgreSQL and sets it).
describeTipStorage(d1Target);
describeTipStorage(sqliteD1Target);
describeTipStorage(pgliteTarget);
if (process.env.DATABASE_URL) describeTipStorage(postgresServerTarget(process.env.DATABASE_URL));
