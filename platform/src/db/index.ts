export { openDatabase, type Database, type DatabaseOptions } from './database.ts';
export { listen, type Listener, type OnNotify } from './listener.ts';
export { ensureDatabase, dropDatabase, databaseUrl, listDatabases } from './server.ts';
export { startEmbeddedPostgres, type EmbeddedServer } from './embedded-server.ts';
export { pgTypes } from './types.ts';
export { inTransaction, inResultTransaction, afterCommit, executeDeferred } from './transaction.ts';
export { statement, type Statement } from './statement.ts';
export { sql, type Kysely, type Transaction, type Selectable, type Insertable, type Updateable, type Generated, type ColumnType, type QueryCreator } from 'kysely';
