import { useTranslation } from 'react-i18next';
import { useFormat } from './format';
import { wordReason, type ApiReason, type ReasonParams } from './reason-wording';

export type { ApiReason } from './reason-wording';

/** A report row that explains each of its figures: English `reasons`, and per figure a code worded with the row's params. */
export interface FigureReasons {
  reasons: Record<string, string>;
  reasonCodes?: Record<string, string>;
  reasonParams?: ReasonParams;
}

/** One figure's reason of such a row, to word with useReasonText like any other reason. */
export const figureReason = (row: FigureReasons, figure: string): ApiReason => ({
  reason: row.reasons[figure] ?? '',
  reasonCode: row.reasonCodes?.[figure],
  reasonParams: row.reasonParams,
});

/** Words API reasons in the chosen language (wordReason), numbers and days in its form. */
export function useReasonText(): (reason: ApiReason) => string {
  const { i18n } = useTranslation();
  const format = useFormat();
  return (reason) => wordReason(i18n, format, reason);
}
