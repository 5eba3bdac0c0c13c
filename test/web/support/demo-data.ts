import type { DemoApp } from './demo-app';

export interface DemoContact {
  partnershipId: string;
  title: string;
  personId: string;
  personName: string;
}

/**
 * A partnership of the demo region that needs attention (at risk, else dormant or attention) with a school-side
 * primary contact: the connector the browser tests sign in as, and the partnership on their worklist.
 */
export async function partnershipNeedingAttention(app: DemoApp): Promise<DemoContact> {
  const get = async <T>(path: string): Promise<T> => (await app.api.http.get(path).expect(200)).body as T;
  type Row = { partnershipId: string; school: { name: string }; partner: { name: string } };
  for (const status of ['at_risk', 'attention', 'dormant']) {
    const { items } = await get<{ items: Row[] }>(`/api/partnerships?status=${status}&limit=50`);
    for (const row of items) {
      const continuity = await get<{ school: { primary: { personId: string; name: string } | null } }>(`/api/partnerships/${row.partnershipId}/continuity`);
      if (!continuity.school.primary) continue;
      return { partnershipId: row.partnershipId, title: `${row.school.name} – ${row.partner.name}`, personId: continuity.school.primary.personId, personName: continuity.school.primary.name };
    }
  }
  throw new Error('the demo region has no partnership needing attention with a school-side primary contact');
}
