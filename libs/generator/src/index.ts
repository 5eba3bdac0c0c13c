export * from './random';
export * from './region-plan';
export * from './generate';
export * from './relations-sheet';
export * from './relations-sheet-files';
export type { Fate, HandoverKind, ScriptStats } from './partnership-script';
