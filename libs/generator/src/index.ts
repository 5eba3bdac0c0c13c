export * from './random';
export * from './region-plan';
export * from './generate';
export type { Fate, HandoverKind, ScriptStats } from './partnership-script';
