import { SubscriptionRunner } from './subscription-runner';

describe('SubscriptionRunner close hooks', () => {
  it('a hook removed when its connection ended does not run on close: hooks do not pile up over reconnections', async () => {
    const closedConnections: number[] = [];
    let opened = 0;
    let lastOpen: (() => void) | undefined;
    const runner = new SubscriptionRunner({ from: 0, onEvent: () => undefined }, async (sub) => {
      // 1000 server subscriptions that each ended (a leader change), then one that stays open until close.
      for (let connection = 1; connection <= 1001; connection++) {
        opened = connection;
        const forget = sub.onClose(() => void closedConnections.push(connection));
        if (connection <= 1000) forget();
        else await new Promise<void>((resolve) => (lastOpen = resolve, sub.onClose(resolve)));
      }
    });
    while (!lastOpen) await new Promise((resolve) => setImmediate(resolve));

    await runner.close();

    expect(opened).toBe(1001);
    expect(closedConnections).toEqual([1001]);
  });

  it('a hook added after close runs at once, and its remover does nothing', async () => {
    const runner = new SubscriptionRunner({ from: 0, onEvent: () => undefined }, async () => undefined);
    await runner.close();
    let ran = 0;
    const forget = runner.onClose(() => void ran++);
    forget();
    expect(ran).toBe(1);
  });
});
