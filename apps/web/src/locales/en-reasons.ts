import type { nlReasons } from './nl-reasons';

type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

/** English wording of the API's reason codes (the same keys as Dutch). */
export const enReasons: SameKeys<typeof nlReasons> = {
  partner_load: {
    over_asked: 'Asked by {{schools}} schools ({{schoolPeople}} school people) for {{activities}} activities in the last {{windowDays}} days; an organisation of this size is expected to carry {{expectedSchools}} schools and {{expectedActivities}} activities a year; over-asked: {{load}} times that, at least {{factor}} times is far above its size',
    within: 'Asked by {{schools}} schools ({{schoolPeople}} school people) for {{activities}} activities in the last {{windowDays}} days; an organisation of this size is expected to carry {{expectedSchools}} schools and {{expectedActivities}} activities a year; load {{load}} times that, below the over-asked factor {{factor}}',
  },
  recency: {
    last_contact: 'Last contact {{days}} days ago; expected every {{interval}} days',
    no_contact_yet: 'No contact yet; started {{days}} days ago; expected every {{interval}} days',
  },
  cadence: {
    too_young: 'The partnership is {{age}} days old; cadence counts from day {{interval}} (one contact every {{interval}} days)',
    since_opening: '{{count}} touchpoints since the start {{age}} days ago; expected {{expected}} (one every {{interval}} days)',
    last_year: '{{count}} touchpoints in the last {{windowDays}} days; expected {{expected}} (one every {{interval}} days)',
  },
  evaluation: {
    not_yet: 'Not evaluated yet; the partnership is {{age}} days old (first evaluation due by day {{dueByDay}})',
    never: 'Never evaluated; the partnership is {{age}} days old',
    last: 'Last evaluation {{days}} days ago ({{date}}); expected yearly',
  },
  commitments: {
    none: 'No commitments due in the last {{windowDays}} days',
    tally: '{{total}} commitments due in the last {{windowDays}} days or open past due: {{onTime}} kept on time, {{late}} late, {{broken}} broken, {{openPastDue}} open past due',
  },
  formalisation: {
    none_exploring: 'No formal agreement; none expected while exploring',
    none: 'No valid MoU, letter of intent, cooperation agreement or contract',
    open_ended: '{{kind}} signed {{signedOn}}, without end date',
    expiring: '{{kind}} signed {{signedOn}} expires {{validUntil}}, in {{daysLeft}} days',
    valid: '{{kind}} signed {{signedOn}}, valid until {{validUntil}}',
  },
  reciprocity: {
    insufficient: '{{count}} interactions in the last {{windowDays}} days; at least {{needed}} needed to judge',
    share: 'The partner initiated {{byPartner}} of {{count}} interactions in the last {{windowDays}} days ({{percent}}%)',
  },
  continuity: {
    both: 'Primary contact on both sides (school: {{school}}; partner: {{partner}})',
    one: 'Primary contact on one side (school: {{school}}; partner: {{partner}})',
    neither: 'No primary contact on either side',
  },
  satisfaction: {
    none: 'No evaluation in the last {{windowDays}} days',
    latest: 'Evaluation of {{date}}: school {{school}}, partner {{partner}} out of 10',
  },
  status: {
    ended: 'Ended on {{date}}',
    dormant: 'No touchpoint in the last {{windowDays}} days (last on {{date}})',
    dormant_since_opening: 'No touchpoint in the last {{windowDays}} days (none since the start on {{date}})',
    healthy: 'Score {{score}}: healthy from {{healthyFrom}}',
    attention: 'Score {{score}}: between {{attentionFrom}} and {{healthyFrom}} needs attention',
    at_risk: 'Score {{score}}: below {{attentionFrom}} is at risk',
    not_opened: 'Started on {{openedOn}}, after {{asOf}}',
  },
  trend: {
    not_open: 'Not yet started {{days}} days before {{date}}',
    compared: 'Score {{score}} on {{date}}, {{thenScore}} on {{thenDate}}',
  },
  key_person: {
    nobody_active: 'Nobody of the {{side}} side still there took part in a touchpoint in the last year',
    single_person: 'Only {{person}} of the {{side}} side took part in touchpoints in the last year',
    concentrated: '{{person}} took part in {{percent}}% of the {{side}} side’s {{touchpoints}} touchpoints; {{backup}}',
    no_backup: 'No backup on the {{side}} side; {{active}} people involved',
    spread: '{{active}} people involved; {{person}} took part in {{percent}}% of the touchpoints; {{backup}}',
  },
  backup: { yes: 'a backup is assigned', no: 'no backup assigned' },
  worklist: {
    evaluation_never: 'Never evaluated; the partnership is {{age}} days old',
    evaluation_planned: 'Next evaluation planned for {{dueOn}} (at the evaluation of {{date}})',
    evaluation_yearly: 'Last evaluation on {{date}}; one expected every {{everyDays}} days',
    contact_drifting: '{{recencyCode}} (recency {{recency}})',
    agreement_expiring: '{{kind}} signed {{signedOn}} expires {{validUntil}}, in {{daysLeft}} days; no later agreement',
    commitment_overdue: '{{side}}-side commitment “{{description}}” was due {{dueOn}}, {{daysLate}} days ago',
    commitment_due: '{{side}}-side commitment “{{description}}” is due {{dueOn}}',
    add_backup_contact: 'High school-side key-person risk and no backup: {{riskCode}}',
    involve_backup: 'Backup {{name}} last took part in a touchpoint on {{date}}, more than {{windowDays}} days ago',
    involve_backup_never: 'Backup {{name}} (since {{date}}) has taken part in no touchpoint',
    orphaned: 'No school-side primary contact since {{date}}: the last one left',
    partner_contact_left: 'The partner’s primary contact {{name}} left on {{date}}; nobody took over',
    thank_you: 'No thank-you since {{since}}; thank the partner before the school year ends on {{dueOn}}',
  },
};
