import { Decider, DecisionContext } from '../shared/decider';
import { conflict, notFound, ruleViolation } from '../shared/domain-error';
import { normaliseBrin, normaliseKvk } from '../identifier/identifier';
import { expandLevels, OrganisationKind, OrganisationSize, SchoolLevel } from '../shared/vocabulary';
import { OrganisationEvent, OrganisationProfile } from './organisation.events';

export type OrganisationCommand =
  | {
      type: 'RegisterOrganisation';
      organisationId: string;
      name: string;
      kind: OrganisationKind;
      levels?: string[];
      sector?: string;
      region?: string;
      size?: OrganisationSize;
      kvk?: string;
      brin?: string;
    }
  | {
      type: 'UpdateOrganisation';
      organisationId: string;
      changes: Partial<Omit<OrganisationProfile, 'levels'>> & { levels?: string[] };
    };

/** A partnership the organisation is the school of, as the command handler finds it. */
export interface PartnershipOfSchool {
  partnershipId: string;
  levels: SchoolLevel[];
  /** Not ended: its levels must stay levels the school offers. */
  open: boolean;
}

/** Changing an organisation's kind or levels needs the partnerships it is the school of. */
export interface OrganisationContext extends DecisionContext {
  partnershipsAsSchool?: readonly PartnershipOfSchool[];
}

export type OrganisationState =
  | { exists: false }
  | ({ exists: true; organisationId: string } & OrganisationProfile);

function checkedLevels(kind: OrganisationKind, input: readonly string[] | undefined): SchoolLevel[] {
  const levels = expandLevels(input ?? []);
  if (kind === 'school' && levels.length === 0) {
    throw ruleViolation('school_without_levels', 'a school offers at least one school level');
  }
  if (kind !== 'school' && levels.length > 0) {
    throw ruleViolation('levels_only_for_schools', `an organisation of kind ${kind} offers no school levels`);
  }
  return levels;
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw ruleViolation('name_empty', 'name must not be empty');
  return trimmed;
}

const ids = (partnerships: readonly PartnershipOfSchool[]) => partnerships.map((p) => p.partnershipId);

/**
 * SPEC §2: the school of a partnership is an organisation of kind school. So a school with partnerships (ended ones
 * too: they stay in its history and in the levels report) stays a school, and keeps every level an open partnership
 * of it uses.
 */
function assertPartnershipsStillFit(next: OrganisationProfile, partnerships: readonly PartnershipOfSchool[]): void {
  if (next.kind !== 'school' && partnerships.length > 0) {
    throw ruleViolation(
      'school_has_partnerships',
      `the organisation is the school of ${partnerships.length} partnership(s) and must stay a school: ${ids(partnerships).join(', ')}`,
      { partnerships: ids(partnerships) },
    );
  }
  const offered = new Set(next.levels);
  const using = partnerships.filter((p) => p.open && p.levels.some((level) => !offered.has(level)));
  if (using.length > 0) {
    const dropped = [...new Set(using.flatMap((p) => p.levels.filter((level) => !offered.has(level))))];
    throw ruleViolation(
      'level_in_use',
      `level(s) ${dropped.join(', ')} are used by ${using.length} open partnership(s) of this school: ${ids(using).join(', ')}`,
      { partnerships: ids(using), levels: dropped },
    );
  }
}

function checkedBrin(kind: OrganisationKind, input: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  if (kind !== 'school') throw ruleViolation('brin_only_for_schools', `a BRIN code identifies a school; an organisation of kind ${kind} has none`, { field: 'brin' });
  return normaliseBrin(input);
}

const PROFILE_FIELDS = ['name', 'kind', 'levels', 'sector', 'region', 'size', 'kvk', 'brin'] as const;

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState, OrganisationContext> = {
  initialState: { exists: false },

  decide(command, state, ctx) {
    switch (command.type) {
      case 'RegisterOrganisation': {
        if (state.exists) {
          throw conflict('organisation_exists', `organisation ${command.organisationId} is already registered`);
        }
        const { type: _type, levels, name, kvk, brin, ...rest } = command;
        const identifiers = {
          ...(kvk !== undefined && { kvk: normaliseKvk(kvk) }),
          ...(brin !== undefined && { brin: checkedBrin(command.kind, brin) }),
        };
        return [
          {
            type: 'OrganisationRegistered',
            data: { ...rest, name: checkedName(name), levels: checkedLevels(command.kind, levels), ...identifiers },
          },
        ];
      }
      case 'UpdateOrganisation': {
        if (!state.exists) throw notFound('organisation_not_found', `organisation ${command.organisationId} does not exist`);
        const kind = command.changes.kind ?? state.kind;
        const next: OrganisationProfile = {
          name: command.changes.name !== undefined ? checkedName(command.changes.name) : state.name,
          kind,
          levels:
            command.changes.levels !== undefined || command.changes.kind !== undefined
              ? checkedLevels(kind, command.changes.levels ?? (kind === 'school' ? state.levels : []))
              : state.levels,
          sector: command.changes.sector ?? state.sector,
          region: command.changes.region ?? state.region,
          size: command.changes.size ?? state.size,
          kvk: command.changes.kvk !== undefined ? normaliseKvk(command.changes.kvk) : state.kvk,
          brin: checkedBrin(kind, command.changes.brin ?? state.brin),
        };
        if (state.kind === 'school' && (command.changes.kind !== undefined || command.changes.levels !== undefined)) {
          assertPartnershipsStillFit(next, ctx.partnershipsAsSchool ?? []);
        }
        const changed: Partial<OrganisationProfile> = {};
        for (const field of PROFILE_FIELDS) {
          if (JSON.stringify(next[field]) !== JSON.stringify(state[field])) {
            (changed as Record<string, unknown>)[field] = next[field];
          }
        }
        // A PATCH that changes nothing is not an error; it simply records nothing.
        if (Object.keys(changed).length === 0) return [];
        return [{ type: 'OrganisationUpdated', data: { organisationId: command.organisationId, ...changed } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrganisationRegistered':
        return { exists: true, ...event.data };
      case 'OrganisationUpdated':
        return state.exists ? { ...state, ...event.data } : state;
    }
  },
};
