/** Every error the API answers with has this shape: a status, a stable machine-readable code and a message. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  /** Per-field messages for 400 validation errors. */
  errors?: { field: string; messages: string[] }[];
  [extra: string]: unknown;
}
