import { useNavigate, useSearch } from '@tanstack/react-router';
import { isDay, type Day } from './dates';

/** The `asOf` search parameter every screen carries (SPEC §7: time travel); absent means now. */
export interface AsOfSearch {
  asOf?: Day;
}

export const validateAsOfSearch = (search: Record<string, unknown>): AsOfSearch => (isDay(search.asOf) ? { asOf: search.asOf } : {});

/** The day the screen looks at (undefined: now), and a way to change it that keeps the rest of the URL. */
export function useAsOf(): { asOf: Day | undefined; setAsOf: (day: Day | undefined) => void } {
  const { asOf } = useSearch({ strict: false }) as AsOfSearch;
  const navigate = useNavigate();
  return {
    asOf,
    setAsOf: (day) => void navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, asOf: day }), replace: false }),
  };
}
