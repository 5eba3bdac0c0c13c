import { useTranslation } from 'react-i18next';
import { useFormat } from './format';

type Params = Record<string, string | number | boolean | null | undefined>;

/** A reason as the API gives it: the English text, and (on most figures) its code and the figures it names. */
export interface ApiReason {
  reason: string;
  reasonCode?: string;
  reasonParams?: Params;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An activity kind's code inside a list param (`…Kinds`: "internship (2023-2024, 2024-2025); guest_lecture (2024-2025)"). */
const KIND = /[a-z]+(?:_[a-z]+)*/g;

/** A report row that explains each of its figures: English `reasons`, and per figure a code worded with the row's params. */
export interface FigureReasons {
  reasons: Record<string, string>;
  reasonCodes?: Record<string, string>;
  reasonParams?: Params;
}

/** One figure's reason of such a row, to word with useReasonText like any other reason. */
export const figureReason = (row: FigureReasons, figure: string): ApiReason => ({
  reason: row.reasons[figure] ?? '',
  reasonCode: row.reasonCodes?.[figure],
  reasonParams: row.reasonParams,
});

/** The params a nested reason (a `…Code` parameter) is worded with: its codes left out, so it cannot word itself again. */
const withoutCodes = (params: Params): Params => Object.fromEntries(Object.entries(params).filter(([name]) => !name.endsWith('Code')));

/**
 * Words an API reason in the chosen language from its code and params: days in nl-NL form, agreement kinds in the
 * vocabulary, activity kinds in a `…Kinds` list in the vocabulary, a `…Code` parameter worded as a reason of its own. A code the app does not know shows the API's text.
 */
export function useReasonText(): (reason: ApiReason) => string {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const word = (code: string, params: Params, fallback: string): string => {
    const key = `reasons.${code}`;
    if (!i18n.exists(key)) return fallback;
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(params)) {
      if (value === null || value === undefined) values[name] = '–';
      else if (name.endsWith('Code') && typeof value === 'string') values[name] = word(value, withoutCodes(params), '');
      else if (typeof value === 'boolean') values[name] = t(`reasons.${name}.${value ? 'yes' : 'no'}` as 'reasons.backup.yes', { defaultValue: String(value) });
      else if (typeof value === 'number') values[name] = format.number(value, Number.isInteger(value) ? 0 : 1);
      else if (DAY.test(value)) values[name] = format.date(value);
      else if (name.endsWith('Kinds')) values[name] = value.replace(KIND, (kind) => t(`vocab.activity.${kind}` as 'vocab.activity.internship', { defaultValue: kind.replace(/_/g, ' ') }).toLowerCase());
      else if (name === 'kind') values[name] = t(`vocab.agreement.${value}` as 'vocab.agreement.mou', { defaultValue: value.replace(/_/g, ' ') });
      else values[name] = value;
    }
    // Codes are data, not literal keys (and some, like at_risk, read to i18next's types as a key with a context).
    return (i18n.t as (key: string, options: Record<string, string>) => string)(key, values);
  };
  return ({ reason, reasonCode, reasonParams }) => (reasonCode ? word(reasonCode, reasonParams ?? {}, reason) : reason);
}
