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

  /** Messages per form field (422 with `field`, 400 with per-field `errors`). */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    if (this.body.field) result[this.body.field] = this.body.message;
    for (const error of this.body.errors ?? []) {
      const field = error.field ?? error.property;
      const message = error.message ?? error.messages?.join('; ');
      if (field && message && !result[field]) result[field] = message;
    }
    return result;
  }
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
