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

/**
 * W2: Mila backup; Anna, the primary, left 20 days ago: orphaned; Mila the only active person: key-person risk high,
 * but a backup (Mila) is assigned, so nobody is told to add one.
 */
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
      commitment_due: 'partner-side commitment "host a visit" is due 2025-03-08',
      agreement_expiring: 'contract signed 2024-05-05 expires 2025-04-15, in 45 days; no later formal agreement',
    });
  });

  it('says why in codes with the figures, for an app to word in Dutch', () => {
    const coded = Object.fromEntries(worklist('me', all, people, ASOF).items.map((item) => [item.type, [item.reasonCode, item.reasonParams]]));
    expect(coded).toEqual({
      evaluation_due: ['worklist.evaluation_yearly', { dueOn: '2025-01-25', date: '2024-01-26', everyDays: 365 }],
      orphaned: ['worklist.orphaned', { date: '2025-02-09' }],
      contact_drifting: ['worklist.contact_drifting', { days: 130, interval: 60, recencyCode: 'recency.last_contact', recency: 41.7 }],
      commitment_overdue: ['worklist.commitment_overdue', { side: 'school', description: 'send the internship list', owner: 'Mila', dueOn: '2025-02-26', daysLate: 3 }],
      commitment_due: ['worklist.commitment_due', { side: 'partner', description: 'host a visit', owner: null, dueOn: '2025-03-08' }],
      agreement_expiring: ['worklist.agreement_expiring', { kind: 'contract', signedOn: '2024-05-05', validUntil: '2025-04-15', daysLeft: 45 }],
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

  it('names the people each action concerns and what clears it', () => {
    const item = (type: string) => worklist('me', all, people, ASOF).items.find((one) => one.type === type);
    expect(item('orphaned')).toMatchObject({
      concerns: [{ personId: 'a', name: 'Anna', side: 'school' }],
      clearedBy: 'assign a new school-side primary contact',
    });
    expect(item('contact_drifting')).toMatchObject({ concerns: [{ personId: 'p', name: 'Piet', side: 'partner' }] });
    expect(item('commitment_overdue')).toMatchObject({
      concerns: [{ personId: 'me', name: 'Mila', side: 'school' }],
      clearedBy: 'record the commitment as fulfilled, broken or cancelled',
    });
    expect(item('evaluation_due')?.concerns.map((person) => person.personId)).toEqual(['me', 'p']);
  });

  it('shows an erased person as [erased] among the people concerned', () => {
    const erased = lookup(person('me', { name: 'Mila' }), person('p', { side: 'partner', name: 'Piet', erased: true }));
    const item = worklist('me', [w1], erased, ASOF).items.find((one) => one.type === 'contact_drifting');
    expect(item?.concerns).toEqual([{ personId: 'p', name: '[erased]', side: 'partner' }]);
  });

  describe('backups', () => {
    /** Mila primary and the only active school person: key-person risk high. */
    const alone = () =>
      partnership({ id: 'alone', openedAt: ago(400), stage: 'active' })
        .contact('school', 'me', 'primary', ago(400))
        .contact('partner', 'p', 'primary', ago(400))
        .evaluation(ago(30), { with: ['me', 'p'] })
        .interaction(ago(10), { with: ['me', 'p'] });
    const types = (personId: string, facts: ReturnType<ReturnType<typeof alone>['build']>) =>
      worklist(personId, [facts], people, ASOF).items.map((item) => item.type);

    it('given the school side hangs on one person and has no backup, tells the primary to add one', () => {
      const item = worklist('me', [alone().build()], people, ASOF).items.find((one) => one.type === 'add_backup_contact');
      expect(item).toMatchObject({ clearedBy: 'assign a school-side backup contact', concerns: [{ personId: 'me', name: 'Mila', side: 'school' }] });
    });

    it('when a backup is assigned, add_backup_contact disappears; a backup who took part in nothing is to be involved', () => {
      const withBackup = alone().contact('school', 'b', 'backup', ago(5)).build();
      expect(types('me', withBackup)).not.toContain('add_backup_contact');
      expect(types('me', withBackup)).toContain('involve_backup');
      const involve = worklist('me', [withBackup], people, ASOF).items.find((one) => one.type === 'involve_backup');
      expect(involve).toMatchObject({ dueAt: ago(5), concerns: [{ personId: 'b', name: 'Bram', side: 'school' }] });
      expect(involve?.reason).toBe('backup contact Bram (since 2025-02-24) has taken part in no touchpoint');
    });

    it('never tells the backup to add a backup; the backup is asked to take part', () => {
      const withBackup = alone().contact('school', 'b', 'backup', ago(5)).build();
      expect(types('b', withBackup)).not.toContain('add_backup_contact');
      expect(types('b', withBackup)).toContain('involve_backup');
    });

    it('once the backup took part in a touchpoint, involve_backup disappears', () => {
      const involved = alone().contact('school', 'b', 'backup', ago(5)).interaction(ago(1), { with: ['b', 'p'] }).build();
      expect(types('me', involved)).not.toContain('involve_backup');
      expect(types('me', involved)).not.toContain('add_backup_contact');
    });

    it('a backup whose last touchpoint is more than a year old is due a year after it', () => {
      const idle = alone().contact('school', 'b', 'backup', ago(399)).interaction(ago(398), { with: ['b'] }).build();
      const involve = worklist('me', [idle], people, ASOF).items.find((one) => one.type === 'involve_backup');
      expect(involve?.dueAt).toBe(later(365, ago(398)));
    });
  });

  describe('partner_contact_left', () => {
    const left = lookup(person('me', { name: 'Mila' }), person('p', { side: 'partner', name: 'Piet', leftAt: ago(12) }));
    const facts = partnership({ id: 'pleft', openedAt: ago(200), stage: 'active' })
      .contact('school', 'me', 'primary', ago(200))
      .contact('partner', 'p', 'primary', ago(200), { to: ago(12), endReason: 'left_organisation' })
      .interaction(ago(20), { with: ['me', 'p'] })
      .build();

    it('given the partner-side primary left and nobody took over, tells the school contact', () => {
      const item = worklist('me', [facts], left, ASOF).items.find((one) => one.type === 'partner_contact_left');
      expect(item).toMatchObject({
        dueAt: ago(12),
        overdue: true,
        clearedBy: 'assign a new partner-side primary contact',
        concerns: [{ personId: 'p', name: 'Piet', side: 'partner' }],
        reason: 'the partner-side primary Piet left the partner organisation on 2025-02-17; nobody took over',
      });
    });

    it('disappears when a new partner-side primary is assigned', () => {
      const covered = { ...facts, contacts: [...facts.contacts, { side: 'partner' as const, personId: 'q', role: 'primary' as const, from: ago(2) }] };
      expect(worklist('me', [covered], left, ASOF).items.map((one) => one.type)).not.toContain('partner_contact_left');
    });
  });

  it('limits the list to the actions due before dueBefore, overdue ones included', () => {
    const window = worklist('me', all, people, ASOF, { dueBefore: later(7) });
    expect(window.dueBefore).toBe(later(7));
    expect(window.items.map((item) => item.type)).toEqual(['evaluation_due', 'orphaned', 'contact_drifting', 'commitment_overdue']);
    const wider = worklist('me', all, people, ASOF, { dueBefore: later(8) }).items.map((item) => item.type);
    expect(wider).toContain('commitment_due');
    expect(wider).not.toContain('agreement_expiring');
  });
});
