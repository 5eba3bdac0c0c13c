import { column as c, ExportColumn, prefixed } from './export-column';

/**
 * SPEC §8: every export's columns, declared once, the same whatever the data and the filters (a BI import or a saved
 * Excel sheet keeps working). To add a column to an export, add one line to its list; docs/exports.md is written
 * from this table (`npm run docs:sheets`) and a test fails when it is stale.
 *
 * Keyed by the route (the controller's path and the handler's), as `@CsvExport` marks it; the API refuses to start
 * when an exportable route has no column set here.
 */
export interface ExportDefinition {
  /** The file name's first part: `partnerships-2026-06-30.csv`. */
  file: string;
  columns: readonly ExportColumn[];
}

const keyPersonRiskSide: ExportColumn[] = [
  c('risk', 'text', 'high, medium or low'),
  c('topPerson.personId', 'text', 'the person taking part in most touchpoints of this side (last 365 days)'),
  c('topPerson.name', 'text', 'their name ([erased] where erased)'),
  c('topShare', 'number', "share (0–1) of the side's touchpoints the top person took part in"),
  c('activePeople', 'integer', 'people of this side still there who took part in a touchpoint (last 365 days)'),
  c('reason', 'text', 'why the risk is what it is'),
];

const continuitySide: ExportColumn[] = [
  c('primary.personId', 'text', 'the current primary contact'),
  c('primary.name', 'text', 'their name'),
  c('primary.since', 'date', 'primary since'),
  c('primary.tenureDays', 'integer', 'days as primary'),
  c('backups.personId', 'list', 'backup contacts assigned, separated by ;'),
  c('backups.name', 'list', 'their names, in the same order'),
  c('handovers.allTime', 'integer', 'times the primary changed to another person'),
  c('handovers.last3Years', 'integer', 'the same, last 3 years'),
  c('warmHandovers', 'integer', 'handovers where the successor took part before the predecessor left'),
  c('coldHandovers', 'integer', 'the other handovers'),
  c('gapDays', 'integer', 'days of the last 730 without a primary'),
  c('orphaned', 'boolean', 'no primary because the last one left the organisation'),
  c('orphanedSince', 'date', 'since when'),
  c('distinctParticipants365', 'integer', 'people of this side in touchpoints, last 365 days'),
];

export const EXPORT_COLUMN_SETS = {
  '/partnerships': {
    file: 'partnerships',
    columns: [
      c('partnershipId', 'text', 'the partnership'),
      c('school.organisationId', 'text', 'the school'),
      c('school.name', 'text', "the school's name"),
      c('school.region', 'text', "the school's region"),
      c('partner.organisationId', 'text', 'the partner organisation'),
      c('partner.name', 'text', "the partner's name"),
      c('partner.kind', 'text', 'company, government, network, other (or school)'),
      c('partner.sector', 'text', "the partner's sector"),
      c('levels', 'list', 'school levels, separated by ;'),
      c('themes', 'list', 'themes, separated by ;'),
      c('openedAt', 'date', 'opened'),
      c('stage', 'text', 'exploring, agreed, active, paused or ended (as of asOf)'),
      c('intensity', 'text', 'placement, aligned, exchange or innovation (as of asOf)'),
      c('healthScore', 'integer', 'relationship health 0–100 (as of asOf)'),
      c('trend', 'integer', 'health score now minus 90 days earlier'),
      c('status', 'text', 'healthy, attention, at_risk, dormant or ended'),
      c('schoolKeyPersonRisk', 'text', 'school-side key-person risk: high, medium or low'),
    ],
  },
  '/partnerships/:id/timeline': {
    file: 'timeline',
    columns: [
      c('position', 'integer', 'global log position'),
      c('revision', 'integer', 'revision in the partnership'),
      c('type', 'text', 'event type'),
      c('at', 'date', 'the date the event is about'),
      c('recordedAt', 'date', 'when it was recorded'),
      c('recordedBy', 'text', 'who recorded it'),
      c('data', 'json', 'the event as JSON'),
    ],
  },
  '/audit': {
    file: 'audit',
    columns: [
      c('position', 'integer', 'global log position'),
      c('recordedAt', 'date', 'when it was recorded'),
      c('recordedBy', 'text', 'the login (token sub) that recorded it'),
      c('recordedByPersonId', 'text', 'the person that login is, when known'),
      c('recordedByName', 'text', 'their name ([erased] where erased)'),
      c('type', 'text', 'event type'),
      c('partnershipId', 'text', 'the partnership it belongs to'),
      c('partnership.school.name', 'text', "that partnership's school"),
      c('partnership.partner.name', 'text', "that partnership's partner"),
      c('people.personId', 'list', 'the people it is about, separated by ;'),
      c('people.name', 'list', 'their names, in the same order ([erased] where erased)'),
      c('organisations.organisationId', 'list', 'the organisations it is about, separated by ;'),
      c('organisations.name', 'list', 'their names, in the same order'),
      c('correlationId', 'text', 'the request it was recorded in'),
      c('causationId', 'text', 'what caused it'),
    ],
  },
  '/organisations': {
    file: 'organisations',
    columns: [
      c('organisationId', 'text', 'the organisation'),
      c('name', 'text', 'name'),
      c('kind', 'text', 'school, company, government, network or other'),
      c('levels', 'list', 'school levels (schools), separated by ;'),
      c('sector', 'text', 'sector'),
      c('region', 'text', 'region'),
      c('size', 'text', 'small, medium or large'),
      c('kvk', 'text', 'KvK number (8 digits)'),
      c('brin', 'text', 'BRIN code of a school (4 characters)'),
      c('registeredAt', 'date', 'registered'),
    ],
  },
  '/people': {
    file: 'people',
    columns: [
      c('personId', 'text', 'the person'),
      c('organisationId', 'text', 'their organisation'),
      c('organisationName', 'text', "the organisation's name"),
      c('name', 'text', 'name ([erased] where erased)'),
      c('email', 'text', 'e-mail'),
      c('phone', 'text', 'phone'),
      c('role', 'text', 'role (as of asOf)'),
      c('tier', 'text', 'strategic, tactical or operational'),
      c('inOrganisation', 'boolean', 'still in the organisation at asOf'),
      c('registeredAt', 'date', 'registered'),
      c('leftAt', 'date', 'left the organisation'),
      c('erased', 'boolean', 'personal data erased'),
    ],
  },
  '/people/:id/exposure': {
    file: 'departure-impact',
    columns: [
      c('partnershipId', 'text', 'a partnership the departure would hurt'),
      c('side', 'text', "the person's side"),
      c('becomes', 'text', 'orphaned or high_risk'),
      c('reason', 'text', 'why'),
    ],
  },
  '/worklist': {
    file: 'worklist',
    columns: [
      c('type', 'text', 'the action'),
      c('partnershipId', 'text', 'the partnership'),
      c('dueAt', 'date', 'due'),
      c('overdue', 'boolean', 'due before asOf'),
      c('reason', 'text', 'why'),
      c('commitmentId', 'text', 'the commitment it is about'),
      c('agreementId', 'text', 'the agreement it is about'),
    ],
  },
  '/reports/levels': {
    file: 'levels-report',
    columns: [
      c('level', 'text', 'school level'),
      c('partnerships', 'integer', 'partnerships of this level opened by asOf'),
      c('byStage.exploring', 'integer', 'of which exploring'),
      c('byStage.agreed', 'integer', 'agreed'),
      c('byStage.active', 'integer', 'active'),
      c('byStage.paused', 'integer', 'paused'),
      c('byStage.ended', 'integer', 'ended'),
      c('meanHealth', 'number', 'mean health score'),
      c('atRiskShare', 'number', 'share at_risk (0–1)'),
      c('dormantShare', 'number', 'share dormant'),
      c('formalAgreementShare', 'number', 'share of agreed/active with a valid formal agreement'),
      c('evaluatedShare', 'number', 'share of those older than 180 days evaluated in the last 365'),
      c('commitmentsKeptRatio', 'number', 'commitments kept (730 days)'),
      c('highKeyPersonRiskShare', 'number', 'share with high school-side key-person risk'),
      c('tierInvolvement.strategic', 'number', 'share of active partnerships with a strategic school person involved'),
      c('tierInvolvement.tactical', 'number', 'the same, tactical'),
      c('tierInvolvement.operational', 'number', 'the same, operational'),
    ],
  },
  '/reports/key-person-risk': {
    file: 'key-person-risk',
    columns: [
      c('partnershipId', 'text', 'the partnership'),
      c('schoolName', 'text', 'the school'),
      c('partnerName', 'text', 'the partner'),
      c('levels', 'list', 'school levels, separated by ;'),
      ...prefixed('school', keyPersonRiskSide),
      ...prefixed('partner', keyPersonRiskSide),
    ],
  },
  '/reports/continuity': {
    file: 'continuity',
    columns: [
      c('partnershipId', 'text', 'the partnership'),
      c('schoolName', 'text', 'the school'),
      c('partnerName', 'text', 'the partner'),
      c('levels', 'list', 'school levels, separated by ;'),
      ...prefixed('school', continuitySide),
      ...prefixed('partner', continuitySide),
    ],
  },
  '/reports/partner-load': {
    file: 'partner-load',
    columns: [
      c('partnerId', 'text', 'the partner organisation'),
      c('partnerName', 'text', 'its name'),
      c('kind', 'text', 'company, government, network or other'),
      c('size', 'text', 'micro, small, medium or large'),
      c('sector', 'text', 'sector'),
      c('partnerships', 'integer', 'partnerships running at some moment of the last 365 days'),
      c('schools', 'integer', 'distinct schools of those partnerships'),
      c('schoolPeople', 'integer', 'distinct school people in touchpoints with this partner'),
      c('partnerPeople', 'integer', "distinct people of the partner in touchpoints"),
      c('activities', 'integer', 'activities, last 365 days'),
      c('studentsPlaced', 'integer', "the sum of the activities' student counts"),
      c('load', 'number', 'max(schools / expected, activities / expected) for its size'),
      c('overAsked', 'boolean', 'load at least the over-asked factor'),
      c('reason', 'text', 'why'),
    ],
  },
  '/reports/departures': {
    file: 'departures',
    columns: [
      c('personId', 'text', 'the person who left'),
      c('name', 'text', 'their name'),
      c('organisationId', 'text', 'their organisation'),
      c('organisationName', 'text', "the organisation's name"),
      c('leftAt', 'date', 'left'),
      c('partnershipId', 'text', 'a partnership they carried'),
      c('schoolName', 'text', 'the school'),
      c('partnerName', 'text', 'the partner'),
      c('side', 'text', "the person's side"),
      c('touchpointsBefore', 'integer', 'touchpoints in the 180 days before leaving'),
      c('touchpointsAfter', 'integer', 'touchpoints in the 180 days after'),
      c('activityFellByHalf', 'boolean', 'touchpoints fell by half or more'),
      c('newPrimary.name', 'text', 'the new primary contact'),
      c('daysToNewPrimary', 'integer', 'days until the new primary was assigned'),
      c('stillOpen', 'boolean', 'nobody took over yet'),
      c('handover', 'text', 'warm, cold or none'),
      c('reason', 'text', 'why'),
    ],
  },
  '/reports/start-up': {
    file: 'start-up-pace',
    columns: [
      c('partnershipId', 'text', 'the partnership'),
      c('schoolName', 'text', 'the school'),
      c('partnerName', 'text', 'the partner'),
      c('levels', 'list', 'school levels, separated by ;'),
      c('openedAt', 'date', 'opened'),
      c('firstActivityAt', 'date', 'first activity'),
      c('daysToFirstActivity', 'integer', 'days from opening to the first activity'),
      c('firstAgreementAt', 'date', 'first formal agreement'),
      c('daysToFirstAgreement', 'integer', 'days from opening to the first formal agreement'),
      c('ageDays', 'integer', 'days since opening'),
      c('reason', 'text', 'why'),
    ],
  },
  '/reports/recurring-cooperation': {
    file: 'recurring-cooperation',
    columns: [
      c('partnershipId', 'text', 'the partnership'),
      c('schoolName', 'text', 'the school'),
      c('partnerName', 'text', 'the partner'),
      c('levels', 'list', 'school levels, separated by ;'),
      c('recurring', 'boolean', 'an activity kind held in two or more school years'),
      c('recurringKinds', 'list', 'the kinds held in two or more school years'),
      c('onceKinds', 'list', 'the kinds held once'),
      c('reason', 'text', 'why'),
    ],
  },
} satisfies Record<string, ExportDefinition>;

export type ExportRoute = keyof typeof EXPORT_COLUMN_SETS;

export function exportDefinition(route: string): ExportDefinition | undefined {
  return (EXPORT_COLUMN_SETS as Record<string, ExportDefinition>)[route];
}
