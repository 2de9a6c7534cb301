import { describeConversationStorage } from './support/conversationStorageSuite';
import { d1Target, pgliteTarget, postgresServerTarget, sqliteD1Target } from './support/tipStorageTargets';

// The one SQL ConversationStore on every driver the tip storage suite runs on (tipStorage.test.ts).
describeConversationStorage(d1Target);
describeConversationStorage(sqliteD1Target);
describeConversationStorage(pgliteTarget);
if (process.env.DATABASE_URL) describeConversationStorage(postgresServerTarget(process.env.DATABASE_URL));
