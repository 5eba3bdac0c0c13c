import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];
type Grouped = Record<string, ValidationMetadata[]>;

const CACHED = Symbol('crm.validationMetadataCached');

/**
 * class-validator works out a class's rules on every validation: it filters the class's rules, tests the class
 * against every other decorated class for inheritance, and groups the result by property (and Nest's ValidationPipe
 * asks once more per body). The rules of a class are fixed once its module is loaded, so the answers are remembered,
 * per class and options; a rule registered later (a class decorated after start-up) forgets all of them.
 * Callers only read the answers (as they did the fresh copies). Installed once per process, on the shared storage.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const patched = storage as Storage & { [CACHED]?: true };
  if (patched[CACHED]) return;
  patched[CACHED] = true;

  const targets = new Map<unknown, Map<string, ValidationMetadata[]>>();
  const grouped = new WeakMap<ValidationMetadata[], Grouped>();
  const getTarget = storage.getTargetValidationMetadatas.bind(storage);
  const groupBy = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = targets.get(target);
    if (!byOptions) targets.set(target, (byOptions = new Map()));
    let metadatas = byOptions.get(key);
    if (!metadatas) byOptions.set(key, (metadatas = getTarget(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
  storage.groupByPropertyName = (metadatas) => {
    let result = grouped.get(metadatas);
    if (!result) grouped.set(metadatas, (result = groupBy(metadatas)));
    return result;
  };
  storage.addValidationMetadata = (metadata) => {
    targets.clear();
    add(metadata);
  };
}
