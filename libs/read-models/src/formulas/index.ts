/** Pure functions of (facts, people lookup, asOf, config) → figures with reasons (SPEC §3.1–3.5). */
export * from './config';
export * from './as-of';
export * from './commitments';
export * from './agreements';
export * from './health-components';
export * from './health';
export * from './continuity';
export * from './key-person-risk';
export * from './exposure';
export * from './levels-report';
export * from './worklist';
export * from './statistics';
export * from './partner-load';
export * from './departure-aftermath';
export * from './start-up-pace';
export * from './recurring-cooperation';
export * from './history';
