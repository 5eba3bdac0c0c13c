import { Filter } from './read-store.port';

/** A user's words as a literal pattern: `.`, `*`, `(`… match themselves, never as regex syntax. */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Case-insensitive "contains these words" for a text field. */
export const containing = (text: string): Filter => ({ $regex: escapeRegex(text.trim()), $options: 'i' });

/** Case-insensitive equality for a text field (surrounding spaces ignored). */
export const equalIgnoringCase = (text: string): Filter => ({ $regex: `^${escapeRegex(text.trim())}$`, $options: 'i' });
