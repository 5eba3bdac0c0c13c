import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../support/api-process';

/**
 * SPEC §6 R2 (issue 15): `npm start -- --demo` lists logins of two schools that share a partner company (a connector
 * of each, a manager of one) and a region user; each token is written under DATA_DIR, and each school login is a
 * person of the school it names, through the token's person claim. The built API (`npm run build`), as npm start runs it.
 */
let api: ApiProcess;
let dataDir: string;
let output: string;

type Listed = { role: string; who: string; tokenPath: string };

/** Resolves with the process's output once it holds `marker` (the demo prints its logins after /health answers). */
const printed = (process: ApiProcess, marker: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const check = () => {
      if (process.output().includes(marker)) resolve(process.output());
    };
    process.child.stdout!.on('data', check);
    process.child.once('exit', () => reject(new Error(`the API exited before printing "${marker}":\n${process.output()}`)));
    check();
  });

const listed = (text: string): Listed[] =>
  [...text.matchAll(/^ {2}(connector|manager|region) +(.+)\n +token: (\S+)$/gm)].map(([, role, who, tokenPath]) => ({ role, who, tokenPath }));

const tokenIn = (path: string) => readFileSync(path, 'utf8').trim();
const get = async (path: string, token: string) => {
  const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as any };
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'crm-demo-logins-'));
  // Without AUTH_JWT_SECRET: the development secret generated into DATA_DIR, the only case demo tokens are written.
  api = await startApiProcess(dataDir, undefined, { AUTH_JWT_SECRET: '', LOG_LEVEL: 'warn' }, ['--demo'], 120_000);
  output = await printed(api, 'Try the demo region:');
}, 180_000);

afterAll(async () => {
  await api?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('lists a connector of each of two schools, a manager of one and a region user, each token in DATA_DIR', () => {
  const logins = listed(output);
  expect(logins.map((login) => login.role)).toEqual(['connector', 'connector', 'manager', 'region']);
  for (const login of logins) expect(login.tokenPath.startsWith(dataDir)).toBe(true);
  const schools = logins.filter((login) => login.role !== 'region').map((login) => login.who.split(' of ')[1]);
  expect(schools[0]).not.toBe(schools[1]);
  expect(schools[2]).toBe(schools[0]);
});

it('each school login resolves through /api/me to a person of the school it names, through the person claim', async () => {
  for (const login of listed(output).filter((entry) => entry.role !== 'region')) {
    const [name, school] = login.who.split(' of ');
    const token = tokenIn(login.tokenPath);
    const me = await get('/api/me', token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ roles: [login.role], person: { name }, organisation: { name: school, kind: 'school' } });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims.personId).toBe(me.body.person.id);
  }
});

it('the two schools named share a partner company, as the listing says', async () => {
  const [, first, second, partner] = /(?:person of that school; )(.+) and (.+) both work with (.+)\):/.exec(output) ?? [];
  expect(partner).toBeDefined();
  const admin = tokenIn(join(dataDir, 'dev-admin-token'));
  const rows = (await get('/api/partnerships?limit=200', admin)).body.items as { school: { name: string }; partner: { name: string; kind: string } }[];
  for (const school of [first, second]) {
    expect(rows.some((row) => row.school.name === school && row.partner.name === partner && row.partner.kind === 'company')).toBe(true);
  }
  const connectors = listed(output).filter((login) => login.role === 'connector').map((login) => login.who.split(' of ')[1]);
  expect(connectors).toEqual([first, second]);
});

it('the region user reads reports over all schools, and not the audit trail', async () => {
  const region = listed(output).find((login) => login.role === 'region')!;
  const token = tokenIn(region.tokenPath);
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  expect(claims).toMatchObject({ sub: 'demo-region', roles: ['region'] });
  expect((await get('/api/reports/levels', token)).status).toBe(200);
  expect((await get('/api/audit', token)).status).toBe(403);
});
