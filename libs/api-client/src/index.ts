import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
/** JSON answers only: exports (`text/csv`) are downloads, not data for screens, so `data` is never the CSV text. */
export type ApiClient = Client<paths, 'application/json'>;

export interface ApiClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** The origin the API is served from (the web app passes its own); paths in the document start with /api. */
  baseUrl: string;
  /** The bearer token to send, read on every request (a sign-in may change it). */
  token?: () => string | undefined;
}

/** The typed client of the API, generated from openapi.json (`npm run openapi`): every path, body and answer typed. */
export function createApiClient({ token, ...options }: ApiClientOptions): ApiClient {
  const client = createClient<paths, 'application/json'>(options);
  if (token) {
    client.use({
      onRequest({ request }) {
        const value = token();
        if (value) request.headers.set('Authorization', `Bearer ${value}`);
        return request;
      },
    });
  }
  return client;
}
