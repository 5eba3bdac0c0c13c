import { createApiClient } from '@crm/api-client';
import { session } from './session';

/** The one client of the API: the generated, typed one, on the app's own origin, with the signed-in user's token. */
export const api = createApiClient({ baseUrl: window.location.origin, token: session.token });
