import { i18n } from './i18n';
import { session } from './session';

/** The API's error body (SPEC §4: `{ statusCode, code, message, field?, errors? }`). */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
  errors?: Array<{ field?: string; property?: string; message?: string; messages?: string[]; code?: string }>;
  currentRevision?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }

  /** Someone else changed the record since the page read it (If-Match failed). */
  get isConflict(): boolean {
    return this.status === 409;
  }

  /**
   * Messages per form field in the chosen language: a 422's `field` worded by its code, a 400's per-field `errors` by
   * what they say (the API's English where the app does not recognise it).
   */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    if (this.body.field) result[this.body.field] = errorText(this);
    for (const error of this.body.errors ?? []) {
      const field = error.field ?? error.property;
      const message = error.message ?? error.messages?.join('; ');
      if (field && message && !result[field]) result[field] = fieldText(message);
    }
    return result;
  }
}

/** What a class-validator message says, by its wording (the API words every 400 per field in English). */
const FIELD_RULES: ReadonlyArray<[RegExp, string]> = [
  [/should not exist/, 'notAllowed'],
  [/should not be empty|must be provided|is required/, 'required'],
  [/ISO-?8601|valid date|must be a date/i, 'date'],
  [/UUID/, 'uuid'],
  [/must be one of/, 'oneOf'],
  [/integer/, 'integer'],
  [/must be a number/, 'number'],
  [/must not be less than (-?[\d.]+)/, 'min'],
  [/must not be greater than (-?[\d.]+)/, 'max'],
  [/shorter than or equal to (\d+)/, 'tooLong'],
  [/longer than or equal to (\d+)/, 'tooShort'],
  [/email/i, 'email'],
  [/must be a string/, 'text'],
  [/must be an array|must contain/, 'list'],
];

/** One field's message of a 400 in the chosen language; "Ongeldige waarde." for one the app does not recognise. */
export function fieldText(message: string): string {
  for (const [pattern, key] of FIELD_RULES) {
    const match = pattern.exec(message);
    if (match) return i18n.t(`errors.field.${key}` as 'errors.field.min', { limit: match[1] ?? '' });
  }
  return i18n.t('errors.field.invalid');
}

type Params = Record<string, string | number | null | undefined>;

/** A code's wording from the first table that has it, with its params; undefined when none has. */
function codeText(tables: readonly string[], code: string, params: Params): string | undefined {
  const key = tables.map((table) => `errors.${table}.${code.replace(/ /g, '_')}`).find((candidate) => i18n.exists(candidate));
  if (!key) return undefined;
  const values = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, value === null || value === undefined ? '–' : String(value)]));
  return (i18n.t as (key: string, options: Record<string, string>) => string)(key, values);
}

/**
 * What went wrong, for a person, in the chosen language: an API error by its code (a code the app does not know
 * shows the API's message), an unreachable server as such, anything else by its message.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = (error.body.errors ?? []).map((entry) => entry.field ?? entry.property).filter(Boolean).join(', ');
    return codeText(['codes'], error.code, { fields: fields || undefined }) ?? error.body.message;
  }
  if (error instanceof TypeError) return i18n.t('states.offline');
  if (error instanceof Error) return error.message;
  return error ? String(error) : '';
}

/** An import row's problem (code, params, the API's English message) in the chosen language. */
export function problemText(problem: { code: string; message: string; params?: Params }): string {
  return codeText(['rows', 'codes'], problem.code, problem.params ?? {}) ?? problem.message;
}

function errorBodyOf(status: number, error: unknown): ErrorBody {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) return { statusCode: status, ...(error as Omit<ErrorBody, 'statusCode'>) };
  return { statusCode: status, code: `http_${status}`, message: typeof error === 'string' && error ? error : `HTTP ${status}` };
}

/**
 * The answer of a typed client call, or an ApiError. A 401 means the token is no longer accepted (expired, or the
 * secret changed): the session ends and the app shows the sign-in screen.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  if (result.response.status === 401) session.signOut();
  throw new ApiError(result.response.status, errorBodyOf(result.response.status, result.error));
}
