export * from './storage-error';
export * from './storage-health';
export * from './file-identity';
