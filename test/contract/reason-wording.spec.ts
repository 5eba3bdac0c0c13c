import i18next from 'i18next';
import { en } from '../../apps/web/src/locales/en';
import { nl } from '../../apps/web/src/locales/nl';
import { formatDate } from '../../apps/web/src/lib/dates';
import { formatNumber } from '../../apps/web/src/lib/numbers';
import { addUnitFormat, wordReason, type ReasonParams } from '../../apps/web/src/lib/reason-wording';

const FALLBACK = 'the API’s English text';
const LOCALE = { nl: 'nl-NL', en: 'en-GB' } as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The app's wording of a reason code in `language`, as useReasonText words it (the API's text when the code is not known). */
async function wordingIn(language: 'nl' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: language, resources: { nl: { translation: nl }, en: { translation: en } }, interpolation: { escapeValue: false } });
  addUnitFormat(i18n);
  const format = { number: (value: number, digits: number) => formatNumber(value, LOCALE[language], digits), date: (value: string) => formatDate(value, LOCALE[language]) };
  return (reasonCode: string, reasonParams: ReasonParams) => wordReason(i18n, format, { reason: FALLBACK, reasonCode, reasonParams });
}

/** Every key under `reasons`, as written (plural forms with their suffix). */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) => (typeof value === 'string' ? [`${prefix}${name}`] : keysOf(value as object, `${prefix}${name}.`)));
}
/** The reason codes the locale words: a plural key's forms are one code. */
const codesOf = (tree: object) => [...new Set(keysOf(tree).map((key) => key.replace(PLURAL_SUFFIX, '')))].sort();

// The API explains figures with a reason code and its params; the web app words each code in Dutch and English
// (apps/web/src/lib/reason-wording.ts), counts with i18next's plural forms.
describe('reason wording (useReasonText)', () => {
  it('reads a count of 1 in the singular and 2 in the plural in Dutch', async () => {
    const word = await wordingIn('nl');
    const cadence = { age: 40, windowDays: 365, expected: 12, interval: 30 };
    expect(word('cadence.last_year', { count: 1, ...cadence })).toBe('1 contactmoment in de afgelopen 365 dagen; verwacht 12 (eens per 30 dagen)');
    expect(word('cadence.last_year', { count: 2, ...cadence })).toBe('2 contactmomenten in de afgelopen 365 dagen; verwacht 12 (eens per 30 dagen)');
    expect(word('cadence.since_opening', { count: 1, ...cadence })).toMatch(/^1 contactmoment sinds de start 40 dagen geleden;/);
    expect(word('cadence.since_opening', { count: 2, ...cadence })).toMatch(/^2 contactmomenten sinds de start 40 dagen geleden;/);
    expect(word('reciprocity.insufficient', { count: 1, windowDays: 365, needed: 4 })).toBe('1 contact in de afgelopen 365 dagen; er zijn er minstens 4 nodig om te oordelen');
    expect(word('reciprocity.insufficient', { count: 2, windowDays: 365, needed: 4 })).toBe('2 contacten in de afgelopen 365 dagen; er zijn er minstens 4 nodig om te oordelen');
    expect(word('reciprocity.insufficient', { count: 0, windowDays: 365, needed: 4 })).toMatch(/^0 contacten /);
    // The count in the number form of the language, like every other figure.
    expect(word('cadence.last_year', { count: 1234, ...cadence })).toMatch(/^1\.234 contactmomenten /);
  });

  it('reads the other figures before a noun (days, people, commitments) in the singular for 1, in Dutch and English', async () => {
    const nlWord = await wordingIn('nl');
    expect(nlWord('recency.last_contact', { days: 1, interval: 120 })).toBe('Laatste contact 1 dag geleden; verwacht elke 120 dagen');
    expect(nlWord('recency.last_contact', { days: 2, interval: 120 })).toBe('Laatste contact 2 dagen geleden; verwacht elke 120 dagen');
    expect(nlWord('recency.last_contact', { days: 1234, interval: 120 })).toMatch(/^Laatste contact 1\.234 dagen geleden/);
    expect(nlWord('evaluation.never', { age: 1 })).toBe('Nooit geëvalueerd; het partnerschap is 1 dag oud');
    expect(nlWord('key_person.no_backup', { side: 'school', active: 1 })).toMatch(/; 1 betrokkene$/);
    expect(nlWord('key_person.no_backup', { side: 'school', active: 3 })).toMatch(/; 3 betrokkenen$/);
    // The management report's shares: a Dutch adjective before a singular neuter noun has no -e.
    expect(nlWord('levels.at_risk', { current: 1 })).toBe('Aandeel van 1 niet-beëindigd partnerschap met de status risico');
    expect(nlWord('levels.at_risk', { current: 12 })).toBe('Aandeel van 12 niet-beëindigde partnerschappen met de status risico');
    expect(nlWord('levels.tier_involvement', { active: 1, yearDays: 365 })).toMatch(/^Aandeel van 1 actief partnerschap waar /);
    expect(nlWord('levels.formal_agreement', { formalBase: 2 })).toMatch(/^Aandeel van 2 overeengekomen of actieve partnerschappen met /);
    const enWord = await wordingIn('en');
    expect(enWord('levels.tier_involvement', { active: 1, yearDays: 365 })).toMatch(/^Share of the 1 active partnership where /);
    expect(enWord('recency.last_contact', { days: 1, interval: 120 })).toMatch(/^Last contact 1 day ago/);
    expect(enWord('recency.last_contact', { days: 5, interval: 120 })).toMatch(/^Last contact 5 days ago/);
  });

  it('reads a count of 1 in the singular and 2 in the plural in English', async () => {
    const word = await wordingIn('en');
    expect(word('cadence.last_year', { count: 1, windowDays: 365, expected: 12, interval: 30 })).toMatch(/^1 touchpoint in the last 365 days;/);
    expect(word('cadence.last_year', { count: 2, windowDays: 365, expected: 12, interval: 30 })).toMatch(/^2 touchpoints in the last 365 days;/);
    expect(word('reciprocity.insufficient', { count: 1, windowDays: 365, needed: 4 })).toMatch(/^1 interaction in the last/);
  });

  it('words every reason code in Dutch and in English, a plural one with a count of 1 and of 2', async () => {
    expect(codesOf(en.reasons)).toEqual(codesOf(nl.reasons));
    for (const language of ['nl', 'en'] as const) {
      const word = await wordingIn(language);
      const unworded = codesOf(nl.reasons).filter((code) => [1, 2].some((count) => word(code, { count }) === FALLBACK));
      expect({ language, unworded }).toEqual({ language, unworded: [] });
    }
  });

  it('gives every plural reason its `_other` form, the one i18next falls back to', () => {
    for (const tree of [nl.reasons, en.reasons]) {
      const keys = keysOf(tree);
      const plurals = keys.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, ''));
      expect(plurals.filter((code) => !keys.includes(`${code}_other`))).toEqual([]);
      expect(plurals).toEqual(expect.arrayContaining(['cadence.since_opening', 'cadence.last_year', 'reciprocity.insufficient']));
    }
  });

  it('shows the API\'s text for a code the app does not know', async () => {
    expect((await wordingIn('nl'))('cadence.unheard_of', { count: 1 })).toBe(FALLBACK);
  });
});
