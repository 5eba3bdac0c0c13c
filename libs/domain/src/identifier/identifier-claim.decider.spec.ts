import { DeciderSpec } from '../../test/decider-spec';
import { identifierClaimDecider } from './identifier-claim.decider';
import { normaliseBrin, normaliseKvk } from './identifier';

const spec = DeciderSpec.for(identifierClaimDecider);
const claim = (organisationId: string) => ({ type: 'ClaimIdentifier' as const, scheme: 'kvk' as const, value: '12345678', organisationId });
const claimed = (organisationId: string) => ({ type: 'IdentifierClaimed' as const, data: { scheme: 'kvk' as const, value: '12345678', organisationId } });

describe('identifier claims', () => {
  it('gives a free value to the organisation that claims it', () => {
    spec.when(claim('a'), {}).then([claimed('a')]);
  });

  it('refuses a value another organisation holds (conflict, with the holder)', () => {
    spec.given([claimed('a')]).when(claim('b'), {}).thenThrows('kvk_taken', 'conflict');
  });

  it('records nothing when the holder claims it again', () => {
    spec.given([claimed('a')]).when(claim('a'), {}).then([]);
  });

  it('frees a value its holder releases, and only then', () => {
    spec.given([claimed('a')]).when({ ...claim('b'), type: 'ReleaseIdentifier' }, {}).then([]);
    const state = spec
      .given([claimed('a')])
      .when({ ...claim('a'), type: 'ReleaseIdentifier' }, {})
      .then([{ type: 'IdentifierReleased', data: { scheme: 'kvk', value: '12345678', organisationId: 'a' } }]);
    expect(state).toEqual({});
  });
});

describe('identifier forms', () => {
  it('takes a KvK number with the spaces or dots people type, and refuses anything but 8 digits', () => {
    expect(normaliseKvk('1234 5678')).toBe('12345678');
    expect(normaliseKvk('12.34.56.78')).toBe('12345678');
    expect(() => normaliseKvk('1234567')).toThrow('kvk must be 8 digits');
    expect(() => normaliseKvk('1234567a')).toThrow('kvk must be 8 digits');
  });

  it('takes a BRIN code in any case, and refuses anything but 4 letters or digits', () => {
    expect(normaliseBrin(' 25lh ')).toBe('25LH');
    expect(() => normaliseBrin('25L')).toThrow('brin must be 4');
    expect(() => normaliseBrin('25-H')).toThrow('brin must be 4');
  });
});
