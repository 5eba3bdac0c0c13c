import { Injectable } from '@nestjs/common';
import { PartnershipFacts } from '@crm/read-models';
import { searchKeysFor } from '@crm/read-store';
import { Scope } from '../scope/scope';
import { ReadModels } from './read-models.service';

/**
 * Partnerships found by words (SPEC §3.6 R2): every word must begin a word of the school's name, the partner's name
 * or a theme, in any order, case and accents ignored. Served by indexes only: the organisations holding any of the
 * words (searchKeys), then their partnerships as school or partner (schoolId, partnerId) and the partnerships with a
 * matching theme (searchKeys); the words are then checked on those few rows.
 */
@Injectable()
export class TextSearch {
  constructor(private readonly readModels: ReadModels) {}

  /** The ids of the matching partnerships in the scope (none for a text without words: punctuation is never read as syntax). */
  async partnershipIds(scope: Scope, text: string): Promise<string[]> {
    const words = searchKeysFor(text);
    if (words.length === 0) return [];
    const organisations = await this.readModels.organisations(scope, { searchKeys: { $in: words } });
    const organisationKeys = new Map(organisations.map((organisation) => [organisation.organisationId, new Set(organisation.searchKeys)]));
    const ids = [...organisationKeys.keys()];
    const [asSchool, asPartner, byTheme] = await Promise.all([
      ids.length ? this.readModels.partnerships(scope, { schoolId: { $in: ids } }) : [],
      ids.length ? this.readModels.partnerships(scope, { partnerId: { $in: ids } }) : [],
      this.readModels.partnerships(scope, { searchKeys: { $in: words } }),
    ]);
    const candidates = new Map<string, PartnershipFacts>();
    for (const facts of [...asSchool, ...asPartner, ...byTheme]) candidates.set(facts.partnershipId, facts);
    const has = (facts: PartnershipFacts, word: string) =>
      organisationKeys.get(facts.schoolId)?.has(word) || organisationKeys.get(facts.partnerId)?.has(word) || facts.searchKeys?.includes(word);
    return [...candidates.values()].filter((facts) => words.every((word) => has(facts, word))).map((facts) => facts.partnershipId);
  }
}
