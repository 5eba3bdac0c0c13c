import { Injectable } from '@nestjs/common';
import { expandLevels, normaliseBrin, normaliseKvk, notFound } from '@crm/domain';
import { isEndedBy, isOpenedBy, OrganisationFacts } from '@crm/read-models';
import { containing, equalIgnoringCase, Filter } from '@crm/read-store';
import { decodeCursor, DEFAULT_PAGE_SIZE, paginate } from '../../http/pagination';
import { ReadModels } from '../../read-side/read-models.service';
import { ListOrganisationsQueryDto } from './list-organisations.query.dto';


function organisationView({ _id, position: _position, ...organisation }: OrganisationFacts) {
  return organisation;
}

@Injectable()
export class OrganisationQueries {
  constructor(private readonly readModels: ReadModels) {}

  async get(organisationId: string, asOf: string) {
    const organisation = await this.readModels.organisation(organisationId);
    if (!organisation) throw notFound('organisation_not_found', `organisation ${organisationId} does not exist`);
    const [partnerships, people] = await Promise.all([
      this.readModels.partnerships({ $or: [{ schoolId: organisationId }, { partnerId: organisationId }] }),
      this.readModels.people({ organisationId }),
    ]);
    const open = partnerships.filter((p) => isOpenedBy(p, asOf));
    return {
      ...organisationView(organisation),
      asOf,
      partnerships: { total: open.length, running: open.filter((p) => !isEndedBy(p, asOf)).length },
      people: { total: people.length, current: people.filter((p) => !p.leftAt || p.leftAt > asOf).length },
    };
  }

  async list(query: ListOrganisationsQueryDto, asOf: string, all: boolean) {
    const sort = query.sort ?? 'name';
    const cursor = decodeCursor(query.cursor, sort);
    const filter: Filter = {};
    if (query.kind) filter.kind = query.kind;
    if (query.level) filter.levels = { $in: expandLevels([query.level]) };
    if (query.region?.trim()) filter.region = equalIgnoringCase(query.region);
    if (query.sector?.trim()) filter.sector = equalIgnoringCase(query.sector);
    if (query.text?.trim()) filter.name = containing(query.text);
    if (query.kvk) filter.kvk = normaliseKvk(query.kvk);
    if (query.brin) filter.brin = normaliseBrin(query.brin);
    const rows = (await this.readModels.organisations(filter)).map(organisationView);
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
