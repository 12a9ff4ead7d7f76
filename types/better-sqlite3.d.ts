// The part of better-sqlite3's API that the backup scripts (scripts/lib/sqlite-backup.mjs)
// and their tests use, and the app's snapshot reads (app/infra/db.server.ts, readSnapshot). better-sqlite3 is the driver under @prisma/adapter-better-sqlite3;
// its type package (@types/better-sqlite3) is not installed (docs/decisions/013-operations.md).
declare module "better-sqlite3" {
  type Options = { readonly?: boolean; fileMustExist?: boolean; timeout?: number };
  type Statement = {
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
    run(...params: unknown[]): { changes: number };
  };
  type BackupProgress = { totalPages: number; remainingPages: number };
  class Database {
    constructor(filename: string, options?: Options);
    prepare(sql: string): Statement;
    exec(sql: string): this;
    pragma(source: string, options?: { simple?: boolean }): unknown;
    backup(
      destination: string,
      options?: { progress?: (info: BackupProgress) => number | undefined },
    ): Promise<BackupProgress>;
    close(): this;
    /** Integers come back as BigInt (every statement of this connection). */
    defaultSafeIntegers(toggle?: boolean): this;
    readonly inTransaction: boolean;
  }
  export default Database;
}
