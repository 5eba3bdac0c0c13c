import { createApiClient } from '@crm/api-client';
import { readYourWrites } from './read-your-writes';
import { session } from './session';

/** The one client of the API: the generated, typed one, on the app's own origin, with the signed-in user's token. */
export const api = createApiClient({ baseUrl: window.location.origin, token: session.token });

api.use({
  onRequest({ request }) {
    const position = readYourWrites.position();
    if (position > 0 && request.method === 'GET' && !request.headers.has('X-Min-Position')) request.headers.set('X-Min-Position', String(position));
    return request;
  },
});
