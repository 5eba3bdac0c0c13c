export * from './lease.port';
export * from './sqlite-lease';
export * from './mongodb-lease';
