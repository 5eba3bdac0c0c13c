import {
  BRIN_PATTERN,
  ContactRole,
  DomainError,
  normaliseBrin,
  normaliseKvk,
  OpenPartnershipState,
  organisationDecider,
  OrganisationKind,
  OrganisationState,
  partnershipDecider,
  PartnershipCommand,
  PartnershipState,
  personDecider,
  streamOf,
} from '@crm/domain';
import { isEmail } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { startOfDutchDay } from '../http/dutch-time';
import { decideOrganisation } from '../organisations/decide-organisation';
import { partnershipContextFor } from '../partnerships/partnership-context';
import { UnitOfWork } from '../write-side/unit-of-work';
import {
  CellError,
  CellValue,
  parseContactAssignment,
  parseDay,
  parseIntensity,
  parseKind,
  parseLevels,
  parseList,
  parseSize,
  parseTier,
  text,
  tierOfRole,
} from './cell-parsing';
import { HeaderMatch } from './header-matching';
import { ImportField } from './import-columns';
import type { ImportProblemCode } from './import-problem-codes';
import { ImportRowReport, ProblemParams } from './import-report';
import { Sheet, SheetRow } from './sheet-reader';

/** What the read models hold already, to match a sheet's rows against. */
export interface ExistingRecords {
  organisations: { organisationId: string; name: string; kind: OrganisationKind; region?: string; kvk?: string; brin?: string }[];
  people: { personId: string; organisationId: string; name: string; email?: string }[];
  partnerships: { partnershipId: string; schoolId: string; partnerId: string; ended: boolean }[];
}

/** Names compare without case, accents or repeated spaces. */
const nameKey = (name: string | undefined) =>
  (name ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The domain's field names, as the import's columns. */
const DOMAIN_FIELDS: Record<string, ImportField> = { name: 'name', kvk: 'kvk', brin: 'brin', levels: 'levels', role: 'contactRole', email: 'email', phone: 'phone', openedAt: 'openedAt', at: 'openedAt', themes: 'themes', personId: 'contactName' };

/** The instant a Dutch day begins, worked out once per day a sheet names (thousands of rows share a few hundred days). */
const dayStarts = (() => {
  const known = new Map<string, string>();
  return (day: string) => {
    let start = known.get(day);
    if (start === undefined) known.set(day, (start = startOfDutchDay(day)));
    return start;
  };
})();

/** Everything matched or created so far, by the keys rows are matched on. */
class Index {
  readonly orgByKvk = new Map<string, string>();
  readonly orgByBrin = new Map<string, string>();
  readonly orgByNameRegion = new Map<string, string>();
  readonly schoolsByName = new Map<string, Set<string>>();
  readonly personByEmail = new Map<string, { personId: string; organisationId: string }>();
  readonly personByName = new Map<string, string>();
  readonly emailOf = new Map<string, string>();
  readonly partnershipByPair = new Map<string, string>();

  constructor(existing: ExistingRecords) {
    for (const o of existing.organisations) this.addOrganisation(o.organisationId, o.name, o.kind, o.region, o.kvk, o.brin);
    for (const p of existing.people) this.addPerson(p.personId, p.organisationId, p.name, p.email);
    for (const p of existing.partnerships) if (!p.ended) this.partnershipByPair.set(`${p.schoolId}|${p.partnerId}`, p.partnershipId);
  }

  addOrganisation(id: string, name: string, kind: OrganisationKind, region?: string, kvk?: string, brin?: string) {
    if (kvk) this.orgByKvk.set(kvk, id);
    if (brin) this.orgByBrin.set(brin, id);
    const key = `${nameKey(name)}|${nameKey(region)}`;
    if (!this.orgByNameRegion.has(key)) this.orgByNameRegion.set(key, id);
    if (kind === 'school') this.schoolsByName.set(nameKey(name), new Set([...(this.schoolsByName.get(nameKey(name)) ?? []), id]));
  }

  addPerson(personId: string, organisationId: string, name: string, email?: string) {
    if (email) this.personByEmail.set(email.toLowerCase(), { personId, organisationId });
    if (email) this.emailOf.set(personId, email.toLowerCase());
    const key = `${organisationId}|${nameKey(name)}`;
    if (!this.personByName.has(key)) this.personByName.set(key, personId);
  }
}

/** A row's refusal, with the column at fault. */
class RowRefused extends Error {
  constructor(
    readonly field: ImportField | null,
    readonly code: ImportProblemCode,
    message: string,
    readonly params: ProblemParams = {},
  ) {
    super(message);
  }
}

/** The row's cells by field. */
type RowValues = Partial<Record<ImportField, CellValue>>;

/**
 * Plans a whole sheet into one unit of work, row by row through the domain's deciders (SPEC §8): organisations
 * matched by KvK, BRIN, or name and region; people by e-mail, or name within their organisation; partnerships by
 * school and partner. Organisations first (a row may name a school listed further down), then people, partnerships
 * and contacts. Returns the row report; the caller appends the unit's writes only when no row was refused.
 */
export async function planImport(work: UnitOfWork, sheet: Sheet, headers: HeaderMatch, existing: ExistingRecords): Promise<ImportRowReport[]> {
  const index = new Index(existing);
  const headerOf = new Map<ImportField, string>([...headers.fields].map(([column, field]) => [field, sheet.headers[column]]));
  const reports = new Map<SheetRow, ImportRowReport>();
  const values = new Map<SheetRow, RowValues>();
  const refuse = (row: SheetRow, field: ImportField | null, code: ImportProblemCode, message: string, params: ProblemParams = {}) => {
    const report = reports.get(row)!;
    report.outcome = 'refused';
    report.errors.push({ row: row.row, column: field ? (headerOf.get(field) ?? field) : null, code, message, params });
  };
  /** Runs one step of a row; a refusal (a cell, a domain rule) is reported and ends the row's further steps. */
  const step = async (row: SheetRow, run: (cells: RowValues) => Promise<void>) => {
    if (reports.get(row)!.outcome === 'refused') return;
    try {
      await run(values.get(row)!);
    } catch (error) {
      if (error instanceof RowRefused) refuse(row, error.field, error.code, error.message, error.params);
      else if (error instanceof DomainError) refuse(row, DOMAIN_FIELDS[String(error.details?.field)] ?? null, error.code, error.message, detailsOf(error));
      else throw error;
    }
  };

  const firstRowWith = new Map<string, number>();
  for (const row of sheet.rows) {
    reports.set(row, { row: row.row, outcome: 'matched', errors: [] });
    const cells: RowValues = {};
    for (const [column, field] of headers.fields) cells[field] = row.cells[column] ?? null;
    values.set(row, cells);
    for (const problem of row.problems) {
      const field = headers.fields.get(problem.columnIndex);
      // A problem in a column the import does not read is no problem.
      if (field || problem.code === 'merged_cells') refuse(row, field ?? null, problem.code, problem.message, problem.params);
    }
    const key = JSON.stringify([...headers.fields.keys()].map((column) => row.cells[column] ?? null));
    const first = firstRowWith.get(key);
    if (first !== undefined) refuse(row, null, 'duplicate_row', `row ${row.row} repeats row ${first}`, { first });
    else firstRowWith.set(key, row.row);
  }

  const organisationOf = new Map<SheetRow, string>();
  for (const row of sheet.rows) await step(row, async (cells) => {
      organisationOf.set(row, await organisationStep(work, index, cells, reports.get(row)!));
    });
  const personOf = new Map<SheetRow, string>();
  for (const row of sheet.rows) {
    await step(row, async (cells) => {
      const personId = await personStep(work, index, cells, organisationOf.get(row)!, reports.get(row)!);
      if (personId) personOf.set(row, personId);
    });
  }
  for (const row of sheet.rows) await step(row, (cells) => partnershipStep(work, index, cells, organisationOf.get(row)!, personOf.get(row), reports.get(row)!));

  const result = [...reports.values()];
  for (const report of result) {
    if (report.outcome === 'refused') continue;
    const parts = [report.organisation, report.person, report.partnership, report.contact];
    report.outcome = parts.some((part) => part && part.outcome !== 'matched') ? 'created' : 'matched';
  }
  return result;
}

/** A domain refusal's details that a message can name (texts and numbers). */
const detailsOf = (error: DomainError): ProblemParams =>
  Object.fromEntries(Object.entries(error.details ?? {}).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'));

function cell<T>(field: ImportField, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CellError) throw new RowRefused(field, error.code, error.message, error.params);
    if (error instanceof DomainError) throw new RowRefused(field, error.code, error.message, detailsOf(error));
    throw error;
  }
}

/** Excel drops a KvK number's leading zeros when the cell is a number. */
const kvkText = (value: CellValue | undefined) => (typeof value === 'number' ? String(value).padStart(8, '0') : text(value ?? null));

async function organisationStep(work: UnitOfWork, index: Index, cells: RowValues, report: ImportRowReport): Promise<string> {
  const name = text(cells.name ?? null);
  if (!name) throw new RowRefused('name', 'name_missing', "the organisation's name is empty");
  const rawKvk = kvkText(cells.kvk);
  const kvk = rawKvk === undefined ? undefined : cell('kvk', () => normaliseKvk(rawKvk));
  const rawBrin = text(cells.brin ?? null);
  const brin = rawBrin === undefined ? undefined : cell('brin', () => normaliseBrin(rawBrin));
  const kind = cell('kind', () => parseKind(cells.kind ?? null)) ?? (brin ? 'school' : 'company');
  const region = text(cells.region ?? null);
  const matched = (kvk && index.orgByKvk.get(kvk)) || (brin && index.orgByBrin.get(brin)) || index.orgByNameRegion.get(`${nameKey(name)}|${nameKey(region)}`);
  if (matched) {
    const state = (await work.state(streamOf.organisation(matched), organisationDecider)) as Extract<OrganisationState, { exists: true }>;
    const changes = { ...(kvk && !state.kvk && { kvk }), ...(brin && !state.brin && { brin }) };
    const updated = Object.keys(changes).length > 0;
    if (updated) {
      await decideOrganisation(work, { type: 'UpdateOrganisation', organisationId: matched, changes });
      index.addOrganisation(matched, state.name, state.kind, state.region, kvk, brin);
    }
    report.organisation = { id: matched, name: state.name, outcome: updated ? 'updated' : 'matched' };
    return matched;
  }
  const organisationId = randomUUID();
  work.fresh(streamOf.organisation(organisationId), organisationDecider);
  await decideOrganisation(work, {
    type: 'RegisterOrganisation',
    organisationId,
    name,
    kind,
    levels: kind === 'school' ? cell('levels', () => parseLevels(cells.levels ?? null)) : undefined,
    sector: text(cells.sector ?? null),
    region,
    size: cell('size', () => parseSize(cells.size ?? null)),
    kvk,
    brin,
  });
  index.addOrganisation(organisationId, name.trim(), kind, region, kvk, brin);
  report.organisation = { id: organisationId, name: name.trim(), outcome: 'created' };
  return organisationId;
}

async function personStep(work: UnitOfWork, index: Index, cells: RowValues, organisationId: string, report: ImportRowReport): Promise<string | undefined> {
  const name = text(cells.contactName ?? null);
  const email = text(cells.email ?? null)?.toLowerCase();
  if (!name && !email) return undefined;
  if (email && !isEmail(email)) throw new RowRefused('email', 'invalid_email', `'${email}' is not an e-mail address`, { value: email });
  const byEmail = email ? index.personByEmail.get(email) : undefined;
  if (byEmail && byEmail.organisationId !== organisationId) {
    throw new RowRefused('email', 'email_of_other_organisation', `${email} belongs to a person of another organisation (${byEmail.organisationId})`, { email: email ?? null });
  }
  // By name only when no two e-mail addresses say they are different people (two Jan de Jongs in one firm).
  const byName = name ? index.personByName.get(`${organisationId}|${nameKey(name)}`) : undefined;
  const sameName = byName && (!email || !index.emailOf.has(byName)) ? byName : undefined;
  const matched = byEmail?.personId ?? sameName;
  if (matched) {
    const state = await work.state(streamOf.person(matched), personDecider);
    report.person = { id: matched, name: state.exists ? state.name : (name ?? ''), outcome: 'matched' };
    return matched;
  }
  if (!name) throw new RowRefused('contactName', 'contact_name_missing', `the contact person with e-mail ${email} has no name`, { email: email ?? null });
  const role = text(cells.contactRole ?? null) ?? 'contactpersoon';
  const personId = randomUUID();
  work.fresh(streamOf.person(personId), personDecider);
  const organisation = await work.state(streamOf.organisation(organisationId), organisationDecider);
  await work.decide(
    streamOf.person(personId),
    personDecider,
    { type: 'RegisterPerson', personId, organisationId, name, email, phone: text(cells.phone ?? null), role, tier: cell('tier', () => parseTier(cells.tier ?? null)) ?? tierOfRole(role) },
    { now: work.now, organisation },
  );
  index.addPerson(personId, organisationId, name, email);
  report.person = { id: personId, name: name.trim(), outcome: 'created' };
  return personId;
}

/** The school a row names, by BRIN code or by name among the schools. */
function schoolNamed(index: Index, named: string): string {
  const brin = named.trim().toUpperCase();
  if (BRIN_PATTERN.test(brin) && index.orgByBrin.has(brin)) return index.orgByBrin.get(brin)!;
  const schools = [...(index.schoolsByName.get(nameKey(named)) ?? [])];
  if (schools.length === 1) return schools[0];
  if (schools.length > 1) throw new RowRefused('school', 'school_ambiguous', `${schools.length} schools are called '${named}': name it by its BRIN code`, { count: schools.length, name: named });
  throw new RowRefused('school', 'school_not_found', `no school '${named}' (by name or BRIN): add a row for the school, or correct the name`, { name: named });
}

async function partnershipStep(work: UnitOfWork, index: Index, cells: RowValues, partnerId: string, personId: string | undefined, report: ImportRowReport): Promise<void> {
  const named = text(cells.school ?? null);
  if (!named) return;
  const schoolId = schoolNamed(index, named);
  const decide = async (partnershipId: string, command: PartnershipCommand) =>
    work.decide(streamOf.partnership(partnershipId), partnershipDecider, command, await partnershipContextFor(command, work.now, (s, d) => work.state(s, d)));
  let partnershipId = index.partnershipByPair.get(`${schoolId}|${partnerId}`);
  const openedDay = cell('openedAt', () => parseDay(cells.openedAt ?? null));
  const openedAt = openedDay && dayStarts(openedDay);
  if (partnershipId) {
    report.partnership = { id: partnershipId, schoolId, outcome: 'matched' };
  } else {
    partnershipId = randomUUID();
    work.fresh(streamOf.partnership(partnershipId), partnershipDecider);
    let levels = cell('levels', () => parseLevels(cells.levels ?? null));
    if (levels.length === 0) {
      const school = await work.state(streamOf.organisation(schoolId), organisationDecider);
      levels = school.exists ? school.levels : [];
    }
    await decide(partnershipId, {
      type: 'OpenPartnership',
      partnershipId,
      schoolId,
      partnerId,
      levels,
      intensity: cell('intensity', () => parseIntensity(cells.intensity ?? null)) ?? 'placement',
      themes: parseList(cells.themes ?? null),
      openedAt,
    });
    index.partnershipByPair.set(`${schoolId}|${partnerId}`, partnershipId);
    report.partnership = { id: partnershipId, schoolId, outcome: 'created' };
  }
  if (!personId) return;
  const state = (await work.state(streamOf.partnership(partnershipId), partnershipDecider)) as PartnershipState & OpenPartnershipState;
  const contacts = state.contacts.partner;
  const wanted = cell('contactAssignment', () => parseContactAssignment(cells.contactAssignment ?? null));
  const current: ContactRole | undefined = contacts.primary === personId ? 'primary' : contacts.backups.includes(personId) ? 'backup' : undefined;
  if (current && (!wanted || wanted === current)) {
    report.contact = { role: current, outcome: 'matched' };
    return;
  }
  const role = wanted ?? (contacts.primary ? 'backup' : 'primary');
  const at = report.partnership.outcome === 'created' ? openedAt : undefined;
  await decide(partnershipId, { type: 'AssignContact', partnershipId, side: 'partner', personId, role, at });
  report.contact = { role, outcome: 'created' };
}

