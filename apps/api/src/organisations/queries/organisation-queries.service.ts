import { Injectable } from '@nestjs/common';
import { expandLevels, normaliseBrin, normaliseKvk, notFound } from '@crm/domain';
import { isEndedBy, isOpenedBy, joinedBy, memberAt, OrganisationFacts } from '@crm/read-models';
import { allWordsIn, equalIgnoringCase, Filter } from '@crm/read-store';
import { decodeCursor, DEFAULT_PAGE_SIZE, paginate } from '../../http/pagination';
import { ReadModels } from '../../read-side/read-models.service';
import { Scope } from '../../scope/scope';
import { ListOrganisationsQueryDto } from './list-organisations.query.dto';


/** Without `schoolIds` and `partnerOf`: which other schools work with a partner is theirs to know. */
function organisationView({ _id, position: _position, searchKeys: _searchKeys, schoolIds: _schoolIds, partnerOf: _partnerOf, ...organisation }: OrganisationFacts) {
  return organisation;
}

@Injectable()
export class OrganisationQueries {
  constructor(private readonly readModels: ReadModels) {}

  async get(scope: Scope, organisationId: string, asOf: string) {
    const organisation = await this.readModels.organisation(scope, organisationId);
    if (!organisation) throw notFound('organisation_not_found', `organisation ${organisationId} does not exist`);
    const [partnerships, people] = await Promise.all([
      this.readModels.partnerships(scope, { $or: [{ schoolId: organisationId }, { partnerId: organisationId }] }),
      this.readModels.people(scope, { organisationId }),
    ]);
    const open = partnerships.filter((p) => isOpenedBy(p, asOf));
    return {
      ...organisationView(organisation),
      asOf,
      // As of asOf (SPEC §3.6 R2): partnerships opened by then; people who had joined by then (or joined at an
      // unknown date: members from the start), and of those the ones who had not left.
      partnerships: { total: open.length, running: open.filter((p) => !isEndedBy(p, asOf)).length },
      people: {
        total: people.filter((p) => joinedBy(p, asOf)).length,
        current: people.filter((p) => memberAt(p, asOf)).length,
      },
    };
  }

  async list(scope: Scope, query: ListOrganisationsQueryDto, asOf: string, all: boolean) {
    const sort = query.sort ?? 'name';
    const cursor = decodeCursor(query.cursor, sort);
    const filter: Filter = {};
    if (query.kind) filter.kind = query.kind;
    if (query.level) filter.levels = { $in: expandLevels([query.level]) };
    if (query.region?.trim()) filter.region = equalIgnoringCase(query.region);
    if (query.sector?.trim()) filter.sector = equalIgnoringCase(query.sector);
    const words = query.text ? allWordsIn('searchKeys', query.text) : undefined;
    if (words) Object.assign(filter, words);
    if (query.kvk) filter.kvk = normaliseKvk(query.kvk);
    if (query.brin) filter.brin = normaliseBrin(query.brin);
    const rows = (await this.readModels.organisations(scope, filter)).map(organisationView);
    const page = paginate(rows, {
      sort,
      cursor,
      asOf: cursor?.asOf ?? asOf,
      limit: all ? Number.MAX_SAFE_INTEGER : (query.limit ?? DEFAULT_PAGE_SIZE),
      idOf: (row) => row.organisationId,
      valueOf: (row, field) => (field === 'registeredAt' ? row.registeredAt : row.name.toLowerCase()),
    });
    return { asOf: cursor?.asOf ?? asOf, ...page };
  }
}
