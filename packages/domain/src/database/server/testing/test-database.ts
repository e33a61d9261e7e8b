import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { createOrmConfig } from '../orm-config.ts';
import { createDatabase, dropDatabase } from '../scratch-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

export interface TestDatabase {
  readonly orm: MikroORM;
  readonly url: string;
  /** A fresh EntityManager, as each request gets. */
  em(): EntityManager;
}

/** A database of this test file's own, cloned from the migrated template and dropped afterwards. */
export function useTestDatabase(): TestDatabase {
  const serverUrl = inject('databaseServerUrl');
  const name = `${inject('templateDatabase').replace(/template_\w+$/, '')}${randomBytes(6).toString('hex')}`;
  let orm: MikroORM | undefined;
  let url = '';

  beforeAll(async () => {
    url = await createDatabase(serverUrl, name, inject('templateDatabase'));
    orm = await MikroORM.init(createOrmConfig(url, { poolMax: 30 }));
  });
  afterAll(async () => {
    await orm?.close(true);
    await dropDatabase(serverUrl, name);
  });

  const requireOrm = () => {
    if (!orm) throw new Error('useTestDatabase(): the database is ready only inside tests and hooks');
    return orm;
  };
  return {
    get orm() {
      return requireOrm();
    },
    get url() {
      return url;
    },
    em: () => requireOrm().em.fork(),
  };
}
