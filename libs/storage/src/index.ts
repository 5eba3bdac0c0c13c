export * from './storage-error';
export * from './storage-health';
export * from './file-identity';
export * from './ensure-directory';
export * from './answering-worker';
