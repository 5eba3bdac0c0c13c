import { ProjectionDefinition } from '../projections/projection-definition';

/** Where a projection's live generation is recorded, as `<generation>:<version>`. */
export const generationKey = (projection: string) => `projection:${projection}`;

export function generationOf(meta: string | undefined): { generation: number; version?: number } {
  const [generation, version] = (meta ?? '1:').split(':').map(Number);
  return { generation: generation || 1, ...(version ? { version } : {}) };
}

export const targetOf = (definition: ProjectionDefinition, generation: number) => ({
  collection: `${definition.collection}_g${generation}`,
  checkpoint: `${definition.name}_g${generation}`,
});

/** Whether a stored collection (any generation) belongs to one of `definitions` that is kept on disk. */
export function keptOnDiskCollections(definitions: readonly ProjectionDefinition[]): (collection: string) => boolean {
  const prefixes = definitions.filter((definition) => definition.keptOnDisk).map((definition) => `${definition.collection}_g`);
  return (collection) => prefixes.some((prefix) => collection.startsWith(prefix) && /^\d+$/.test(collection.slice(prefix.length)));
}
