import { Db, MongoServerError } from 'mongodb';

/** The oldest MongoDB the read store supports: 4.4 (transactions that create collections; 4.2 cannot). */
export const MINIMUM_MONGODB_VERSION = [4, 4] as const;

/** What the server says about itself: its version (buildInfo) and its topology (hello, or isMaster before 4.4.2). */
export interface MongoServerFacts {
  version: string | undefined;
  /** The replica set's name, when the server is a member of one. */
  setName?: string;
  /** `isdbgrid` from a mongos (a sharded cluster's router). */
  msg?: string;
}

/**
 * Why the read store cannot use this server, or undefined when it can. It commits in multi-document transactions,
 * which need a replica set (a single node started with --replSet and initiated will do) or a sharded cluster, and
 * creates collections inside them, which needs MongoDB 4.4.
 */
export function serverRequirementProblem(facts: MongoServerFacts): string | undefined {
  const needed = `MongoDB ${MINIMUM_MONGODB_VERSION.join('.')} or later`;
  const match = /^(\d+)\.(\d+)/.exec(facts.version ?? '');
  if (!match) return `the server did not tell its version; this product needs ${needed}`;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const [needMajor, needMinor] = MINIMUM_MONGODB_VERSION;
  if (major < needMajor || (major === needMajor && minor < needMinor)) return `the server is MongoDB ${facts.version}; this product needs ${needed}`;
  if (!facts.setName && facts.msg !== 'isdbgrid') {
    return (
      'it is a standalone server; the read store commits in transactions, which need a replica set ' +
      '(a single node started with --replSet and initiated will do) or a sharded cluster'
    );
  }
  return undefined;
}

/** Server error code for an unknown command. */
const COMMAND_NOT_FOUND = 59;

/** Asks the server for its version and topology (both commands need no privileges beyond a login). */
export async function serverFactsOf(db: Db): Promise<MongoServerFacts> {
  const admin = db.admin();
  const build = (await admin.command({ buildInfo: 1 })) as { version?: string };
  let hello: { setName?: string; msg?: string };
  try {
    hello = await admin.command({ hello: 1 });
  } catch (error) {
    // MongoDB 4.4.0 and 4.4.1 have no `hello`; `isMaster` answers the same.
    if (!(error instanceof MongoServerError && error.code === COMMAND_NOT_FOUND)) throw error;
    hello = await admin.command({ isMaster: 1 });
  }
  return { version: build.version, setName: hello.setName, msg: hello.msg };
}
