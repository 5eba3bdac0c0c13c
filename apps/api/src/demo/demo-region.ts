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

/** Three queries that show what the product is for, with real ids from the demo region. */
export async function demoQueries(baseUrl: string, token: string, tokenPath: string, position: number): Promise<string[]> {
  const headers = { authorization: `Bearer ${token}`, 'x-min-position': String(position) };
  type Row = { partnershipId: string; school: { name: string }; partner: { name: string }; schoolName: string; partnerName: string };
  const get = async (path: string) => (await (await fetch(`${baseUrl}${path}`, { headers })).json()) as { items?: Row[] };
  const drifting = (await get('/api/partnerships?status=at_risk&limit=1')).items?.[0] ?? (await get('/api/partnerships?status=dormant&limit=1')).items?.[0];
  const dependent = (await get('/api/reports/key-person-risk?risk=high')).items?.[0];
  const auth = `-H "Authorization: Bearer $(cat ${tokenPath})"`;
  return [
    `API docs: ${baseUrl}/docs`,
    drifting && `a drifting relation (${drifting.school.name} – ${drifting.partner.name}):\n  curl ${auth} ${baseUrl}/api/partnerships/${drifting.partnershipId}/health`,
    dependent && `a relation that hangs on one person (${dependent.schoolName} – ${dependent.partnerName}):\n  curl ${auth} ${baseUrl}/api/partnerships/${dependent.partnershipId}/key-person-risk`,
    `commitment across school levels:\n  curl ${auth} ${baseUrl}/api/reports/levels`,
    `companies all schools ask too much of, and what happened to the relations of the people who left:\n  curl ${auth} '${baseUrl}/api/reports/partner-load?overAsked=true'\n  curl ${auth} ${baseUrl}/api/reports/departures`,
  ].filter(Boolean) as string[];
}
