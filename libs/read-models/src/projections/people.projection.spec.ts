import { RecordedEvent } from '@crm/event-store';
import { PersonFacts } from '../facts/person-facts';
import { peopleProjection } from './people.projection';

let position = 0;
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent =>
  ({ type, data, position: ++position, revision: 0, streamId: `person-${data.personId}`, metadata: { recordedAt: '2026-01-05T10:00:00.000Z' } }) as unknown as RecordedEvent;

const project = (...events: RecordedEvent[]): PersonFacts =>
  events.reduce<PersonFacts | undefined>((draft, event) => peopleProjection.apply(draft, event), undefined) as PersonFacts;

const registered = (extra: Record<string, unknown> = {}) =>
  recorded('PersonRegistered', { personId: 'p-1', organisationId: 'o-1', name: 'Lisa de Boër', role: 'stagecoördinator', tier: 'operational', ...extra });

describe('people projection', () => {
  it('given a registration without a date, the first role holds from an unknown date (null), never 1970', () => {
    const person = project(registered(), recorded('PersonRoleChanged', { personId: 'p-1', role: 'teamleider', tier: 'tactical', at: '2024-03-05T00:00:00.000Z' }));
    expect(person.roleHistory.map((entry) => entry.from)).toEqual([null, '2024-03-05T00:00:00.000Z']);
    expect(person.joinedAt).toBeUndefined();
  });

  it('given a registration with joinedAt, the first role holds from then, also after a back-dated role change', () => {
    const person = project(
      registered({ joinedAt: '2022-09-01T00:00:00.000Z' }),
      recorded('PersonRoleChanged', { personId: 'p-1', role: 'mentor', tier: 'operational', at: '2021-01-01T00:00:00.000Z' }),
    );
    expect(person.joinedAt).toBe('2022-09-01T00:00:00.000Z');
    expect(person.roleHistory.map((entry) => entry.from)).toEqual(['2021-01-01T00:00:00.000Z', '2022-09-01T00:00:00.000Z']);
  });

  it('keeps search keys of name and role, folded, and none after erasure', () => {
    const person = project(registered());
    expect(person.searchKeys).toEqual(expect.arrayContaining(['lisa', 'boer', 'stagecoordinator']));
    const changed = project(registered(), recorded('PersonRoleChanged', { personId: 'p-1', role: 'teamleider', tier: 'tactical', at: '2024-03-05T00:00:00.000Z' }));
    expect(changed.searchKeys).toContain('teamleider');
    expect(changed.searchKeys).not.toContain('stagecoordinator');
    const erased = project(registered(), recorded('PersonErased', { personId: 'p-1', at: '2026-01-06T00:00:00.000Z' }));
    expect(erased.searchKeys).toEqual([]);
    expect(erased.name).toBe('[erased]');
  });
});
