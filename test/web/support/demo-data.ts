import type { ApiProcess } from '../../support/api-process';

/** Whatever reads the API as an admin: the demo app's own client, or one with an identity provider's token. */
type AdminReader = { api: Pick<ApiProcess, 'http'> };

export interface DemoContact {
  partnershipId: string;
  title: string;
  personId: string;
  personName: string;
}

/**
 * A partnership of the demo region whose contact is drifting (on its school-side primary's worklist as
 * `contact_drifting`): the connector the browser tests sign in as, and the partnership they record a contact on.
 * `skip` leaves out partnerships an earlier test has changed.
 */
export async function partnershipNeedingAttention(app: AdminReader, skip: string[] = []): Promise<DemoContact & { openedAt: string }> {
  const get = async <T>(path: string): Promise<T> => (await app.api.http.get(path).expect(200)).body as T;
  type Row = { partnershipId: string; openedAt: string; school: { name: string }; partner: { name: string } };
  for (const status of ['at_risk', 'attention', 'dormant']) {
    const { items } = await get<{ items: Row[] }>(`/api/partnerships?status=${status}&limit=50`);
    for (const row of items.filter((item) => !skip.includes(item.partnershipId))) {
      const continuity = await get<{ school: { primary: { personId: string; name: string } | null } }>(`/api/partnerships/${row.partnershipId}/continuity`);
      if (!continuity.school.primary) continue;
      const worklist = await get<{ items: Array<{ type: string; partnershipId: string }> }>(`/api/worklist?personId=${continuity.school.primary.personId}`);
      if (!worklist.items.some((item) => item.type === 'contact_drifting' && item.partnershipId === row.partnershipId)) continue;
      const { personId, name } = continuity.school.primary;
      return { partnershipId: row.partnershipId, openedAt: row.openedAt, title: `${row.school.name} – ${row.partner.name}`, personId, personName: name };
    }
  }
  throw new Error('the demo region has no drifting partnership on its school-side primary contact\'s worklist');
}

/**
 * A person of the demo school with the most partnerships among those that have partnerships needing attention and
 * others: whom a manager's or analyst's login is linked to, so that its scope (its own school, SPEC §6 R2) holds
 * partnerships of more than one status.
 */
export async function busiestSchoolPerson(app: AdminReader): Promise<{ personId: string; schoolId: string; schoolName: string }> {
  const get = async <T>(path: string): Promise<T> => (await app.api.http.get(path).expect(200)).body as T;
  type Row = { school: { organisationId: string; name: string } };
  const countBySchool = async (query: string) => {
    const counts = new Map<string, number>();
    for (const { school } of (await get<{ items: Row[] }>(`/api/partnerships?limit=200${query}`)).items) counts.set(school.organisationId, (counts.get(school.organisationId) ?? 0) + 1);
    return counts;
  };
  const [all, attention] = await Promise.all([countBySchool(''), countBySchool('&status=attention')]);
  const candidates = [...all].filter(([id, count]) => (attention.get(id) ?? 0) > 0 && count > (attention.get(id) ?? 0));
  const [schoolId] = candidates.sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!schoolId) throw new Error('no demo school has partnerships needing attention beside others');
  const school = await get<{ name: string }>(`/api/organisations/${schoolId}`);
  const people = await get<{ items: Array<{ personId: string }> }>(`/api/people?organisation=${schoolId}&left=false&limit=1`);
  if (!people.items[0]) throw new Error(`the demo school ${school.name} has nobody in it`);
  return { personId: people.items[0].personId, schoolId, schoolName: school.name };
}
