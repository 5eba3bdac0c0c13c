export * from './facts/partnership-facts';
export * from './facts/person-facts';
export * from './facts/organisation-facts';
export * from './projections';
export * from './engine/projection-runner';
export * from './engine/projection-engine';
export * from './formulas';
export * from './vocabulary';
