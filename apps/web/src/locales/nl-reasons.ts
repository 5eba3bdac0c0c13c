/**
 * Dutch wording of the API's reason codes (`reasonCode` + `reasonParams` beside the English `reason`). A code not
 * listed here shows the API's English text. Dates arrive as YYYY-MM-DD and are shown in nl-NL form; a `…Code`
 * parameter is itself a reason, worded first.
 */
export const nlReasons = {
  partner_load: {
    over_asked: 'Afgelopen {{windowDays}} dagen: scholen {{schools}} (mensen van school {{schoolPeople}}), activiteiten {{activities}}; verwacht bij deze omvang per jaar: scholen {{expectedSchools}}, activiteiten {{expectedActivities}}; overvraagd: {{load}} keer zoveel, vanaf {{factor}} keer is ver boven haar omvang',
    within: 'Afgelopen {{windowDays}} dagen: scholen {{schools}} (mensen van school {{schoolPeople}}), activiteiten {{activities}}; verwacht bij deze omvang per jaar: scholen {{expectedSchools}}, activiteiten {{expectedActivities}}; belasting {{load}} keer zoveel, onder de grens van {{factor}}',
  },
  recency: {
    last_contact: 'Laatste contact {{days}} dagen geleden; verwacht elke {{interval}} dagen',
    no_contact_yet: 'Nog geen contact; {{days}} dagen geleden gestart; verwacht elke {{interval}} dagen',
  },
  cadence: {
    too_young: 'Het partnerschap is {{age}} dagen oud; de regelmaat telt vanaf dag {{interval}} (eens per {{interval}} dagen contact)',
    since_opening: '{{count}} contactmomenten sinds de start {{age}} dagen geleden; verwacht {{expected}} (eens per {{interval}} dagen)',
    last_year: '{{count}} contactmomenten in de afgelopen {{windowDays}} dagen; verwacht {{expected}} (eens per {{interval}} dagen)',
  },
  evaluation: {
    not_yet: 'Nog niet geëvalueerd; het partnerschap is {{age}} dagen oud (eerste evaluatie uiterlijk op dag {{dueByDay}})',
    never: 'Nooit geëvalueerd; het partnerschap is {{age}} dagen oud',
    last: 'Laatste evaluatie {{days}} dagen geleden ({{date}}); jaarlijks verwacht',
  },
  commitments: {
    none: 'Geen toezeggingen die de afgelopen {{windowDays}} dagen afliepen',
    tally: '{{total}} toezeggingen afgelopen {{windowDays}} dagen of nog open en verlopen: {{onTime}} op tijd, {{late}} te laat, {{broken}} niet nagekomen, {{openPastDue}} open en verlopen',
  },
  formalisation: {
    none_exploring: 'Geen formele afspraak; tijdens verkennen ook niet verwacht',
    none: 'Geen geldige intentieverklaring, samenwerkingsovereenkomst of contract',
    open_ended: '{{kind}} getekend op {{signedOn}}, zonder einddatum',
    expiring: '{{kind}} getekend op {{signedOn}} loopt af op {{validUntil}}, over {{daysLeft}} dagen',
    valid: '{{kind}} getekend op {{signedOn}}, geldig tot {{validUntil}}',
  },
  reciprocity: {
    insufficient: '{{count}} contacten in de afgelopen {{windowDays}} dagen; er zijn er minstens {{needed}} nodig om te oordelen',
    share: 'De partner nam {{byPartner}} van de {{count}} keer het initiatief in de afgelopen {{windowDays}} dagen ({{percent}}%)',
  },
  continuity: {
    both: 'Vaste contactpersoon aan beide kanten (school: {{school}}; partner: {{partner}})',
    one: 'Vaste contactpersoon aan één kant (school: {{school}}; partner: {{partner}})',
    neither: 'Aan geen van beide kanten een vaste contactpersoon',
  },
  satisfaction: {
    none: 'Geen evaluatie in de afgelopen {{windowDays}} dagen',
    latest: 'Evaluatie van {{date}}: school {{school}}, partner {{partner}} van de 10',
  },
  status: {
    ended: 'Beëindigd op {{date}}',
    dormant: 'Geen contactmoment in de afgelopen {{windowDays}} dagen (laatste op {{date}})',
    dormant_since_opening: 'Geen contactmoment in de afgelopen {{windowDays}} dagen (geen sinds de start op {{date}})',
    healthy: 'Score {{score}}: vanaf {{healthyFrom}} gezond',
    attention: 'Score {{score}}: tussen {{attentionFrom}} en {{healthyFrom}} is aandacht nodig',
    at_risk: 'Score {{score}}: onder {{attentionFrom}} is er risico',
    not_opened: 'Gestart op {{openedOn}}, na {{asOf}}',
  },
  trend: {
    not_open: 'Was {{days}} dagen vóór {{date}} nog niet gestart',
    compared: 'Score {{score}} op {{date}}, {{thenScore}} op {{thenDate}}',
  },
  key_person: {
    nobody_active: 'Niemand van de {{side}}kant die er nog werkt, was het afgelopen jaar bij een contactmoment',
    single_person: 'Alleen {{person}} van de {{side}}kant was het afgelopen jaar bij contactmomenten',
    concentrated: '{{person}} was bij {{percent}}% van de {{touchpoints}} contactmomenten van de {{side}}kant; {{backup}}',
    no_backup: 'Geen vervanger aan de {{side}}kant; {{active}} betrokkenen',
    spread: '{{active}} betrokkenen; {{person}} was bij {{percent}}% van de contactmomenten; {{backup}}',
  },
  backup: { yes: 'er is een vervanger', no: 'geen vervanger' },
  worklist: {
    evaluation_never: 'Nooit geëvalueerd; het partnerschap is {{age}} dagen oud',
    evaluation_planned: 'Volgende evaluatie gepland op {{dueOn}} (bij de evaluatie van {{date}})',
    evaluation_yearly: 'Laatste evaluatie op {{date}}; elke {{everyDays}} dagen verwacht',
    contact_drifting: '{{recencyCode}} (recent contact {{recency}})',
    agreement_expiring: '{{kind}} getekend op {{signedOn}} loopt af op {{validUntil}}, over {{daysLeft}} dagen; geen nieuwere afspraak',
    commitment_overdue: 'Toezegging van de {{side}}kant “{{description}}” was uiterlijk {{dueOn}}, {{daysLate}} dagen geleden',
    commitment_due: 'Toezegging van de {{side}}kant “{{description}}” moet uiterlijk {{dueOn}}',
    add_backup_contact: 'Grote afhankelijkheid aan de schoolkant en geen vervanger: {{riskCode}}',
    involve_backup: 'Vervanger {{name}} was voor het laatst bij een contactmoment op {{date}}, meer dan {{windowDays}} dagen geleden',
    involve_backup_never: 'Vervanger {{name}} (sinds {{date}}) was nog bij geen enkel contactmoment',
    orphaned: 'Geen vaste contactpersoon aan de schoolkant sinds {{date}}: de vorige is vertrokken',
    partner_contact_left: 'De vaste contactpersoon van de partner, {{name}}, vertrok op {{date}}; niemand nam het over',
    thank_you: 'Nog geen bedankje sinds {{since}}; bedank de partner vóór het schooljaar eindigt op {{dueOn}}',
  },
};
