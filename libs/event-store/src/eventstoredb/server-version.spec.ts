import { serverVersionProblem } from './server-version';

describe('EventStoreDB server versions', () => {
  it('accepts EventStoreDB 23.10 and later, and KurrentDB', () => {
    for (const version of ['23.10.0', '23.10.3', '24.2.0', '24.10.1', '25.0.0']) expect(serverVersionProblem(version)).toBeUndefined();
  });

  it('refuses older servers and says which version is needed', () => {
    expect(serverVersionProblem('22.10.4')).toBe('the server is EventStoreDB 22.10.4; this product needs EventStoreDB/KurrentDB 23.10 or later');
    expect(serverVersionProblem('23.6.0')).toMatch(/needs EventStoreDB\/KurrentDB 23\.10 or later/);
    expect(serverVersionProblem('5.0.11')).toMatch(/5\.0\.11/);
  });

  it('refuses a server that cannot tell its version', () => {
    expect(serverVersionProblem(undefined)).toMatch(/did not tell its version/);
  });
});
