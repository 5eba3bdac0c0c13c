import { connect, Socket } from 'node:net';
import { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';

/** Sends `head` on a new connection and resolves with everything the server answers until it closes the connection. */
function exchange(port: number, head: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    // A connection the server resets answered nothing more.
    socket.on('error', () => resolve(answer));
  });
}

function opened(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

jest.setTimeout(15_000);

describe('slow and abusive clients', () => {
  let t: TestApp;
  let port: number;
  const before = process.env.MAX_CONNECTIONS_PER_ADDRESS;

  beforeAll(async () => {
    process.env.MAX_CONNECTIONS_PER_ADDRESS = '8';
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    if (before === undefined) delete process.env.MAX_CONNECTIONS_PER_ADDRESS;
    else process.env.MAX_CONNECTIONS_PER_ADDRESS = before;
    await t.close();
  });

  it('answers a body without a valid token 401 before reading it, and closes the connection', async () => {
    // Announces a megabyte and sends one byte: answered (and closed) without waiting for the rest.
    const answer = await exchange(port, 'POST /api/organisations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{');
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(answer).toMatch(/www-authenticate: Bearer realm="partnership-crm"/i);
    expect(answer).toContain('"code":"unauthenticated"');
    const forged = await exchange(port, 'POST /api/organisations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer abc.def.ghi\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{');
    expect(forged).toMatch(/^HTTP\/1\.1 401/);
    expect(forged).toMatch(/error="invalid_token"/);
  });

  it('takes a body with a valid token as before', async () => {
    await t.http.post('/api/organisations').send({ name: 'Clusius College', kind: 'school', levels: ['vo'], region: 'Noord-Holland' }).expect(201);
  });

  it('closes connections beyond the cap per client address at once, and takes new ones once others have closed', async () => {
    const held = await Promise.all(Array.from({ length: 8 }, () => opened(port)));
    const refused = await exchange(port, 'GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(refused).toBe('');
    await Promise.all(held.map((socket) => new Promise((resolve) => socket.once('close', resolve).destroy())));
    // The server counts a connection gone once it has seen it close: ask until it has.
    for (let i = 0; i < 100; i++) {
      const count = await new Promise<number>((resolve) => t.app.getHttpServer().getConnections((_, n) => resolve(n)));
      if (count === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const answer = await exchange(port, 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
  });
});
