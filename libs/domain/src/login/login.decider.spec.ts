import { DeciderSpec } from '../../test/decider-spec';
import { NOW } from '../../test/fixtures';
import { PersonState } from '../person/person.decider';
import { loginDecider } from './login.decider';

const person = (overrides: Partial<Extract<PersonState, { exists: true }>> = {}): PersonState => ({
  exists: true,
  personId: 'p-1',
  organisationId: 'org-1',
  name: 'Lisa de Boer',
  role: 'stagecoördinator',
  tier: 'operational',
  erased: false,
  ...overrides,
});
const link = { type: 'LinkLogin' as const, sub: 'lisa@school.nl', personId: 'p-1' };
const spec = DeciderSpec.for(loginDecider);

describe('login decider', () => {
  it('links a login to a person', () => {
    spec.when(link, { now: NOW, person: person() }).then([{ type: 'LoginLinked', data: { sub: 'lisa@school.nl', personId: 'p-1' } }]);
  });

  it('records nothing when the login is already linked to that person', () => {
    spec.given([{ type: 'LoginLinked', data: { sub: 'lisa@school.nl', personId: 'p-1' } }]).when(link, { now: NOW, person: person() }).then([]);
  });

  it('relinks a login to another person', () => {
    spec
      .given([{ type: 'LoginLinked', data: { sub: 'lisa@school.nl', personId: 'p-0' } }])
      .when(link, { now: NOW, person: person() })
      .then([{ type: 'LoginLinked', data: { sub: 'lisa@school.nl', personId: 'p-1' } }]);
  });

  it('refuses an unknown, erased or departed person', () => {
    spec.when(link, { now: NOW, person: { exists: false } }).thenThrows('person_not_found', 'not_found');
    spec.when(link, { now: NOW, person: person({ erased: true }) }).thenThrows('person_erased');
    spec.when(link, { now: NOW, person: person({ leftAt: '2024-01-01T00:00:00.000Z' }) }).thenThrows('person_left');
  });
});
