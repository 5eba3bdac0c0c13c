import { serverRequirementProblem } from './server-requirements';

describe('MongoDB server requirements (checked at connect)', () => {
  const replicaSet = { setName: 'rs0' };

  it('accepts MongoDB 4.4 and later as a replica set member or behind a mongos', () => {
    for (const version of ['4.4.0', '4.4.1', '5.0.26', '6.0.0', '7.0.12', '8.0.4', '10.1.0']) {
      expect(serverRequirementProblem({ version, ...replicaSet })).toBeUndefined();
    }
    expect(serverRequirementProblem({ version: '7.0.12', msg: 'isdbgrid' })).toBeUndefined();
  });

  it('refuses a server older than 4.4, naming its version and the one needed', () => {
    expect(serverRequirementProblem({ version: '4.2.24', ...replicaSet })).toBe('the server is MongoDB 4.2.24; this product needs MongoDB 4.4 or later');
    expect(serverRequirementProblem({ version: '3.6.23', ...replicaSet })).toContain('MongoDB 3.6.23');
    expect(serverRequirementProblem({ version: undefined, ...replicaSet })).toBe('the server did not tell its version; this product needs MongoDB 4.4 or later');
  });

  it('refuses a standalone server of any version: transactions need a replica set', () => {
    expect(serverRequirementProblem({ version: '8.0.4' })).toMatch(/standalone server.*replica set/);
  });
});
