import type { i18n as I18n } from 'i18next';

export type ReasonParams = Record<string, string | number | boolean | null | undefined>;

/** A reason as the API gives it: the English text, and (on most figures) its code and the figures it names. */
export interface ApiReason {
  reason: string;
  reasonCode?: string;
  reasonParams?: ReasonParams;
}

/** How numbers and days are shown in the chosen language (useFormat's). */
export interface ReasonFormat {
  number(value: number, digits: number): string;
  date(value: string): string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An activity kind's code inside a list param (`…Kinds`: "internship (2023-2024, 2024-2025); guest_lecture (2024-2025)"). */
const KIND = /[a-z]+(?:_[a-z]+)*/g;

/**
 * `{{days, unit(one: dag; other: dagen)}}`: a figure with its noun, in the singular when the figure shown is 1
 * ("1 dag geleden", "2 dagen geleden"). i18next's own plurals follow only `count`, and a reason names several figures.
 */
export function addUnitFormat(i18n: I18n): void {
  i18n.services.formatter?.add('unit', (value: unknown, _language: string | undefined, options: { one?: string; other?: string }) => `${String(value)} ${String(value) === '1' ? options.one : options.other}`);
}

/** The params a nested reason (a `…Code` parameter) is worded with: its codes left out, so it cannot word itself again. */
const withoutCodes = (params: ReasonParams): ReasonParams => Object.fromEntries(Object.entries(params).filter(([name]) => !name.endsWith('Code')));

/**
 * Words an API reason in `i18n`'s language from its code and params: days in the language's form, agreement kinds in
 * the vocabulary, activity kinds in a `…Kinds` list in the vocabulary, a `…Code` parameter worded as a reason of its
 * own. A numeric `count` param picks the plural form (`…_one` / `…_other` keys) and is shown in the language's number
 * form (`{{count, number}}` in the text). A code the app does not know shows the API's text.
 */
export function wordReason(i18n: I18n, format: ReasonFormat, { reason, reasonCode, reasonParams }: ApiReason): string {
  // Codes are data, not literal keys (and some, like at_risk, read to i18next's types as a key with a context).
  const t = i18n.t as (key: string, options?: Record<string, unknown>) => string;
  const word = (code: string, params: ReasonParams, fallback: string): string => {
    const key = `reasons.${code}`;
    const plural = typeof params.count === 'number' ? { count: params.count } : {};
    if (!i18n.exists(key, plural)) return fallback;
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(params)) {
      if (value === null || value === undefined) values[name] = '–';
      else if (name.endsWith('Code') && typeof value === 'string') values[name] = word(value, withoutCodes(params), '');
      else if (typeof value === 'boolean') values[name] = t(`reasons.${name}.${value ? 'yes' : 'no'}`, { defaultValue: String(value) });
      else if (typeof value === 'number') values[name] = format.number(value, Number.isInteger(value) ? 0 : 1);
      else if (DAY.test(value)) values[name] = format.date(value);
      else if (name.endsWith('Kinds')) values[name] = value.replace(KIND, (kind) => t(`vocab.activity.${kind}`, { defaultValue: kind.replace(/_/g, ' ') }).toLowerCase());
      else if (name === 'kind') values[name] = t(`vocab.agreement.${value}`, { defaultValue: value.replace(/_/g, ' ') });
      else values[name] = value;
    }
    return t(key, { ...values, ...plural });
  };
  return reasonCode ? word(reasonCode, reasonParams ?? {}, reason) : reason;
}
