import { ago, ASOF, later, lookup, partnership, person } from '../../test/facts-builder';
import { worklist } from './worklist';

const people = lookup(
  person('me', { name: 'Mila' }),
  person('a', { name: 'Anna', leftAt: ago(20) }),
  person('b', { name: 'Bram' }),
  person('p', { side: 'partner', name: 'Piet' }),
);

/**
 * W1: Mila primary. Last evaluation 400 days ago (due 35 days ago); last contact 130 days ago (exchange: recency
 * 41.7, below 50 since day 120); commitments due 3 days ago, in 7 days and in 20 days; contract expiring in 45 days.
 * Mila and Bram both active and Bram backup: key-person risk medium, no action.
 */
const w1 = partnership({ id: 'w1', openedAt: ago(800), stage: 'active', intensity: 'exchange' })
  .contact('school', 'me', 'primary', ago(800))
  .contact('school', 'b', 'backup', ago(800))
  .contact('partner', 'p', 'primary', ago(800))
  .evaluation(ago(400))
  .agreement('contract', ago(300), { validUntil: later(45) })
  .interaction(ago(130), { with: ['me', 'b', 'p'] })
  .commitment(ago(3), { description: 'send the internship list', ownerId: 'me' })
  .commitment(later(7), { side: 'partner', description: 'host a visit' })
  .commitment(later(20))
  .build();

/** W2: Mila backup; Anna, the primary, left 20 days ago: orphaned; Mila the only active person: key-person risk high. */
const w2 = partnership({ id: 'w2', openedAt: ago(100) })
  .contact('school', 'a', 'primary', ago(100), { to: ago(20), endReason: 'left_organisation' })
  .contact('school', 'me', 'backup', ago(100))
  .interaction(ago(5), { with: ['me'] })
  .build();

/** W3: Mila not a contact. W4: ended. W5: Mila primary until 50 days ago. */
const w3 = partnership({ id: 'w3', openedAt: ago(800) }).contact('school', 'b', 'primary', ago(800)).commitment(ago(3)).build();
const w4 = partnership({ id: 'w4', openedAt: ago(800) }).contact('school', 'me', 'primary', ago(800)).commitment(ago(60)).ended(ago(10)).build();
const w5 = partnership({ id: 'w5', openedAt: ago(800) })
  .contact('school', 'me', 'primary', ago(800), { to: ago(50), endReason: 'handover' })
  .contact('school', 'b', 'primary', ago(50))
  .commitment(ago(60))
  .build();

const all = [w1, w2, w3, w4, w5];

describe('worklist', () => {
  it('lists the actions of the partnerships where the person is a school contact, most urgent first', () => {
    const { items } = worklist('me', all, people, ASOF);
    expect(items.map((item) => [item.type, item.partnershipId, item.dueAt, item.overdue])).toEqual([
      ['evaluation_due', 'w1', ago(35), true],
      ['orphaned', 'w2', ago(20), true],
      ['contact_drifting', 'w1', ago(10), true],
      ['commitment_overdue', 'w1', ago(3), true],
      ['add_backup_contact', 'w2', ASOF, false],
      ['commitment_due', 'w1', later(7), false],
      ['agreement_expiring', 'w1', later(45), false],
    ]);
  });

  it('says why', () => {
    const reasons = Object.fromEntries(worklist('me', all, people, ASOF).items.map((item) => [item.type, item.reason]));
    expect(reasons).toEqual({
      evaluation_due: 'last evaluation on 2024-01-26; one is expected every 365 days',
      orphaned: 'no school-side primary since 2025-02-09: the last primary left the organisation',
      contact_drifting: 'last contact 130 days ago; expected every 60 (recency 41.7)',
      commitment_overdue: 'school-side commitment "send the internship list", owner Mila was due 2025-02-26, 3 days ago',
      add_backup_contact: 'school-side key-person risk high: only Mila of the school side took part in touchpoints in the last 365 days',
      commitment_due: 'partner-side commitment "host a visit" is due 2025-03-08',
      agreement_expiring: 'contract signed 2024-05-05 expires 2025-04-15, in 45 days; no later formal agreement',
    });
  });

  it('gives the worklist of a past date', () => {
    const { items } = worklist('me', all, people, ago(55));
    expect(items.filter((item) => item.partnershipId === 'w5').map((item) => item.type)).toContain('commitment_overdue');
    expect(items.filter((item) => item.partnershipId === 'w4').map((item) => item.type)).toContain('commitment_overdue');
    // 55 days ago Anna was still W2's primary: no orphaned action yet.
    expect(items.find((item) => item.type === 'orphaned')).toBeUndefined();
  });

  it('is due at a planned evaluation date, even for a young partnership', () => {
    const planned = partnership({ id: 'planned', openedAt: ago(100) })
      .contact('school', 'me', 'primary', ago(100))
      .evaluation(ago(90), { nextDue: ago(10) })
      .build();
    const item = worklist('me', [planned], people, ASOF).items.find((one) => one.type === 'evaluation_due');
    expect(item).toMatchObject({ dueAt: ago(10), reason: 'next evaluation planned for 2025-02-19 at the evaluation of 2024-12-01' });
    const young = partnership({ id: 'young', openedAt: ago(179) }).contact('school', 'me', 'primary', ago(179)).build();
    expect(worklist('me', [young], people, ASOF).items.map((one) => one.type)).not.toContain('evaluation_due');
  });

  it('does not flag drifting contact for a paused partnership', () => {
    const paused = partnership({ id: 'paused', openedAt: ago(800), stage: 'paused' }).contact('school', 'me', 'primary', ago(800)).interaction(ago(300)).build();
    expect(worklist('me', [paused], people, ASOF).items.map((one) => one.type)).not.toContain('contact_drifting');
  });

  describe('thank_you', () => {
    const JUNE = '2025-06-15T12:00:00.000Z';
    const base = () =>
      partnership({ id: 'thanks', openedAt: ago(300, JUNE), stage: 'active' })
        .contact('school', 'me', 'primary', ago(300, JUNE))
        .contact('school', 'b', 'backup', ago(300, JUNE))
        .interaction(ago(3, JUNE), { with: ['me', 'b'] });
    const thankYou = (facts: ReturnType<ReturnType<typeof base>['build']>, asOf: string) =>
      worklist('me', [facts], people, asOf).items.find((item) => item.type === 'thank_you');

    it('is due by 31 July when no thank-you was recorded since 1 June', () => {
      expect(thankYou(base().build(), JUNE)).toMatchObject({ dueAt: '2025-07-31T23:59:59.999Z', overdue: false });
      expect(thankYou(base().activity('2025-05-20T10:00:00.000Z', { kind: 'thank_you' }).build(), JUNE)).toBeDefined();
      expect(thankYou(base().activity('2025-06-02T10:00:00.000Z', { kind: 'thank_you' }).build(), JUNE)).toBeUndefined();
    });

    it('is shown only from 1 June to 31 July, and not while exploring', () => {
      expect(thankYou(base().build(), '2025-05-31T12:00:00.000Z')).toBeUndefined();
      expect(thankYou(base().build(), '2025-08-01T12:00:00.000Z')).toBeUndefined();
      const exploring = partnership({ id: 'new', openedAt: ago(30, JUNE) }).contact('school', 'me', 'primary', ago(30, JUNE)).build();
      expect(thankYou(exploring, JUNE)).toBeUndefined();
    });
  });
});
