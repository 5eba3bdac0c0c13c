import { createProtectedEventStore } from '@crm/privacy';
import { generateRegion } from '@crm/generator';
import { Settings } from '../config/settings';

export const DEMO_SEED = 2026;

/** `npm start -- --demo`: on an empty log, writes the small demo region (about 40 partnerships, three years up to today). */
export async function loadDemoRegionIfEmpty(settings: Settings, log: (line: string) => void): Promise<void> {
  const { events } = await createProtectedEventStore({ dataDir: settings.dataDir, eventStoreUrl: settings.eventStoreUrl, mongodbUrl: settings.mongodbUrl });
  try {
    if ((await events.headPosition()) > 0) {
      log('--demo: the event log is not empty, so no demo region is loaded');
      return;
    }
    const today = new Date(new Date().toISOString().slice(0, 10));
    const result = await generateRegion({ seed: DEMO_SEED, size: 'small', until: today, store: events });
    log(`--demo: loaded the ${result.region} demo region: ${result.partnerships} partnerships, ${result.people} people, ${result.events} events`);
  } finally {
    await events.close();
  }
}

type Ref = { organisationId: string; name: string };
type Row = { partnershipId: string; school: Ref; partner: Ref; schoolName: string; partnerName: string };
type PersonRow = { personId: string; name: string; tier: string; erased: boolean };
type Continuity = { school?: { primary?: { personId: string; name: string } | null } };

const reader = (baseUrl: string, token: string, position: number) => {
  const headers = { authorization: `Bearer ${token}`, 'x-min-position': String(position) };
  return async (path: string) => (await (await fetch(`${baseUrl}${path}`, { headers })).json()) as { items?: Row[] } & Continuity;
};

const peopleReader = (baseUrl: string, token: string, position: number) => {
  const headers = { authorization: `Bearer ${token}`, 'x-min-position': String(position) };
  return async (organisationId: string) =>
    ((await (await fetch(`${baseUrl}/api/people?organisation=${organisationId}&left=false&limit=200`, { headers })).json()) as { items?: PersonRow[] }).items ?? [];
};

/** A drifting relation of the demo region, and its school-side primary: the connector the demo signs in as. */
export async function demoContact(baseUrl: string, token: string, position: number) {
  const get = reader(baseUrl, token, position);
  const drifting = (await get('/api/partnerships?status=at_risk&limit=1')).items?.[0] ?? (await get('/api/partnerships?status=dormant&limit=1')).items?.[0];
  const primary = drifting && (await get(`/api/partnerships/${drifting.partnershipId}/continuity`)).school?.primary;
  return drifting && { drifting, primary: primary ?? undefined };
}

/**
 * Queries that show what the product is for, with real ids from the demo region; and, with a connector token linked to
 * the drifting relation's school-side primary (written to `connectorTokenPath`), that person's "me", week and partnerships.
 */
export async function demoQueries(
  baseUrl: string,
  token: string,
  tokenPath: string,
  position: number,
  contact: Awaited<ReturnType<typeof demoContact>>,
  connectorTokenPath?: string,
): Promise<string[]> {
  const get = reader(baseUrl, token, position);
  const drifting = contact?.drifting;
  const dependent = (await get('/api/reports/key-person-risk?risk=high')).items?.[0];
  const auth = `-H "Authorization: Bearer $(cat ${tokenPath})"`;
  const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const mine = connectorTokenPath && `-H "Authorization: Bearer $(cat ${connectorTokenPath})"`;
  return [
    `API docs: ${baseUrl}/docs`,
    drifting && `a drifting relation (${drifting.school.name} – ${drifting.partner.name}):\n  curl ${auth} ${baseUrl}/api/partnerships/${drifting.partnershipId}/health`,
    dependent && `a relation that hangs on one person (${dependent.schoolName} – ${dependent.partnerName}):\n  curl ${auth} ${baseUrl}/api/partnerships/${dependent.partnershipId}/key-person-risk`,
    `commitment across school levels:\n  curl ${auth} ${baseUrl}/api/reports/levels`,
    `companies all schools ask too much of, and what happened to the relations of the people who left:\n  curl ${auth} '${baseUrl}/api/reports/partner-load?overAsked=true'\n  curl ${auth} ${baseUrl}/api/reports/departures`,
    `who recorded what and when (admin):\n  curl ${auth} '${baseUrl}/api/audit?limit=20'`,
    contact?.primary &&
      mine &&
      `as ${contact.primary.name}, a connector at ${drifting?.school.name} (token linked to their person):\n  curl ${mine} ${baseUrl}/api/me\n  curl ${mine} "${baseUrl}/api/worklist?dueBefore=${nextWeek}"\n  curl ${mine} "${baseUrl}/api/partnerships?contact=me"`,
  ].filter(Boolean) as string[];
}

export interface DemoLogin {
  role: 'connector' | 'manager' | 'region';
  sub: string;
  /** The file under DATA_DIR the token is written to. */
  file: string;
  /** The demo person the token's person claim names, and their school; none for the region user. */
  person?: { personId: string; name: string; school: Ref };
}

/**
 * The demo's logins (SPEC §6 R2: a deployment shared by schools): a connector of the drifting relation's school, a
 * connector of a second school that works with the same partner company, a manager of the first school, and a region
 * user. Each school login is linked to a real person of that school through the person claim.
 */
export async function demoLogins(baseUrl: string, token: string, position: number, contact: Awaited<ReturnType<typeof demoContact>>) {
  const get = reader(baseUrl, token, position);
  const peopleOf = peopleReader(baseUrl, token, position);
  const rows = (await get('/api/partnerships?limit=200')).items ?? [];
  const first = contact?.drifting.school ?? rows[0]?.school;
  if (!first) return undefined;
  // A partner the first school shares with another school: the second school's relation with it.
  const partnersOfFirst = new Set(rows.filter((row) => row.school.organisationId === first.organisationId).map((row) => row.partner.organisationId));
  const shared = rows.find((row) => row.school.organisationId !== first.organisationId && partnersOfFirst.has(row.partner.organisationId));
  const second = shared?.school ?? rows.find((row) => row.school.organisationId !== first.organisationId)?.school;
  const pick = async (school: Ref, tiers: readonly string[], not: readonly (string | undefined)[] = []) => {
    const people = (await peopleOf(school.organisationId)).filter((person) => !person.erased && !not.includes(person.personId));
    const person = tiers.map((tier) => people.find((p) => p.tier === tier)).find(Boolean) ?? people[0];
    return person && { personId: person.personId, name: person.name, school };
  };
  const sharedPrimary = shared && (await get(`/api/partnerships/${shared.partnershipId}/continuity`)).school?.primary;
  const firstConnector = contact?.primary ? { ...contact.primary, school: first } : await pick(first, ['operational', 'tactical']);
  const secondConnector = second && (sharedPrimary ? { ...sharedPrimary, school: second } : await pick(second, ['operational', 'tactical']));
  const manager = await pick(first, ['strategic', 'tactical'], [firstConnector?.personId]);
  const candidates: (DemoLogin | undefined)[] = [
    firstConnector && { role: 'connector', sub: 'demo-connector', file: 'demo-connector-token', person: firstConnector },
    secondConnector && { role: 'connector', sub: 'demo-connector-2', file: 'demo-connector-2-token', person: secondConnector },
    manager && { role: 'manager', sub: 'demo-manager', file: 'demo-manager-token', person: manager },
    { role: 'region', sub: 'demo-region', file: 'demo-region-token' },
  ];
  const logins = candidates.filter((login): login is DemoLogin => login !== undefined);
  const sharedPartner = shared && second ? { partner: shared.partner, schools: [first, second] } : undefined;
  return { logins, sharedPartner };
}

/** How `npm start -- --demo` lists a login: role, person and school, the token's file and the web app's sign-in link. */
export function demoLoginLines(login: DemoLogin, tokenPath: string, signInLink: string): string[] {
  const who = login.person ? `${login.person.name} of ${login.person.school.name}` : 'regional platform staff (reports over all schools)';
  return [`  ${login.role.padEnd(9)} ${who}`, `            token: ${tokenPath}`, `            web:   ${signInLink}`];
}
