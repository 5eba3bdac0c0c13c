import { Filter } from './read-store.port';

/** A user's words as a literal pattern: `.`, `*`, `(`… match themselves, never as regex syntax. */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Case-insensitive "contains these words" for a text field. */
export const containing = (text: string): Filter => ({ $regex: escapeRegex(text.trim()), $options: 'i' });

/** Case-insensitive equality for a text field (surrounding spaces ignored). */
export const equalIgnoringCase = (text: string): Filter => ({ $regex: `^${escapeRegex(text.trim())}$`, $options: 'i' });

/** Lower case without accents: "Energiecoöperatie" → "energiecooperatie". */
export const foldText = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a text, folded: letters and digits, split at everything else. */
export const searchWords = (text: string): string[] => foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Keys longer than this are cut: a longer word typed in full still finds the document by its first letters. */
const MAX_KEY_LENGTH = 24;

/**
 * The search keys stored on a document (a multikey-indexed array field): every prefix of every word of its texts,
 * folded. A query word then finds it by equality, which both read stores answer from an index.
 */
export function searchKeysOf(...texts: (string | null | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const text of texts) {
    for (const word of searchWords(text ?? '')) {
      for (let length = 1; length <= Math.min(word.length, MAX_KEY_LENGTH); length++) keys.add(word.slice(0, length));
    }
  }
  return [...keys];
}

/** The query words as keys to look up: each a prefix of a word of the row; empty when the text has no words. */
export const searchKeysFor = (text: string): string[] => [...new Set(searchWords(text).map((word) => word.slice(0, MAX_KEY_LENGTH)))];

/**
 * "All these words, in any order, case and accents ignored": each word of `text` must begin a word of the document's
 * texts (their keys in `field`, see searchKeysOf). Undefined for a blank text (no filter); a text of punctuation only
 * has no words and matches nothing (`$in` of none): its characters are never read as syntax.
 */
export function allWordsIn(field: string, text: string): Filter | undefined {
  if (!text.trim()) return undefined;
  const keys = searchKeysFor(text);
  return { [field]: keys.length ? { $all: keys } : { $in: [] } };
}
