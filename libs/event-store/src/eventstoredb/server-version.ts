import type { EventStoreDBClient } from '@eventstore/db-client';

/**
 * The oldest server this adapter supports: EventStoreDB 23.10 (or any KurrentDB). Older servers break it in ways
 * no test here would see: before 22.x stream reads report commit position 2^64−1 (every position would be refused),
 * and before 23.10 a filtered subscription sends no caught-up message (a type scan would wait for ever).
 */
export const MINIMUM_SERVER_VERSION = [23, 10] as const;

/** Why a server of this version cannot be used, or undefined when it can. */
export function serverVersionProblem(version: string | undefined): string | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version ?? '');
  const needed = `${MINIMUM_SERVER_VERSION.join('.')} or later`;
  if (!match) return `the server did not tell its version (EventStoreDB before 21.10 cannot); this product needs EventStoreDB/KurrentDB ${needed}`;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const [needMajor, needMinor] = MINIMUM_SERVER_VERSION;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  return `the server is EventStoreDB ${version}; this product needs EventStoreDB/KurrentDB ${needed}`;
}

/** The version the server reports through its ServerFeatures service (fetched once per client, as the client does itself). */
export async function serverVersionOf(client: EventStoreDBClient): Promise<string | undefined> {
  // `capabilities` is the client's own cached ServerFeatures call; its type is not exported, so it is read here.
  const features = await (client as unknown as { capabilities: Promise<{ serverVersion?: string }> }).capabilities;
  return features.serverVersion === 'unknown' ? undefined : features.serverVersion;
}
