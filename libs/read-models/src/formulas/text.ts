/** Small wording helpers for the `reason` texts. */

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** 2024-03-01 */
export const day = (iso: string): string => iso.slice(0, 10);

/** 0.456 → "46%" */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** "mou", "letter of intent" */
export const words = (code: string): string => code.replace(/_/g, ' ');

/** Rounds a figure to one decimal, so that floating-point noise never shows. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

/** A share, or null when there is nothing to divide by; rounded to four decimals. */
export const share = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10000) / 10000;

/** What a reason text says, in a machine form beside the English: dates as `YYYY-MM-DD`, counts as numbers. */
export type ReasonParams = Record<string, string | number | boolean | null>;

/**
 * A reason with its stable code and parameters, so that an app can word it in its own language (nl first) while API
 * and BI users keep the English `reason`. A parameter named `…Code` is itself a reason code read with the same params.
 */
export interface Explained<Code extends string = string> {
  reason: string;
  reasonCode: Code;
  reasonParams: ReasonParams;
}

export const explained = <Code extends string>(reasonCode: Code, reasonParams: ReasonParams, reason: string): Explained<Code> => ({ reason, reasonCode, reasonParams });
