import type { DemoApp } from './demo-app';

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
export async function partnershipNeedingAttention(app: DemoApp, skip: string[] = []): Promise<DemoContact & { openedAt: string }> {
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
