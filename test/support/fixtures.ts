import request from 'supertest';
import type { EventStore, RecordedEvent } from '@crm/event-store';

type Http = ReturnType<typeof request>;

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** Posts a command and expects it to succeed; returns the new id. */
export async function created(http: Http, path: string, body: object): Promise<string> {
  const response = await http.post(`/api${path}`).send(body);
  if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** A school (vo), a company, a teacher and a company contact, and a partnership opened a year ago. */
export async function region(http: Http) {
  const schoolId = await created(http, '/organisations', { name: 'Clusius College', kind: 'school', levels: ['vo'], region: 'Noord-Holland' });
  const companyId = await created(http, '/organisations', { name: 'Agrifirm Noord', kind: 'company', sector: 'agri-food', size: 'medium' });
  const teacherId = await created(http, '/people', { organisationId: schoolId, name: 'Fatima el Amrani', role: 'stagecoördinator', tier: 'operational' });
  const ownerId = await created(http, '/people', { organisationId: companyId, name: 'Jan de Vries', role: 'eigenaar', tier: 'strategic' });
  const partnershipId = await created(http, '/partnerships', {
    schoolId,
    partnerId: companyId,
    levels: ['vmbo'],
    intensity: 'placement',
    themes: ['groen'],
    openedAt: daysAgo(365),
  });
  return { schoolId, companyId, teacherId, ownerId, partnershipId };
}

/** Every event the log holds after `position`, oldest first. */
export function eventsAfter(store: Pick<EventStore, 'readAll'>, position: number): Promise<RecordedEvent[]> {
  return store.readAll(position, 10_000);
}

/** Runs a request and answers its response together with the events the log gained meanwhile. */
export async function withWrites<R>(store: Pick<EventStore, 'headPosition' | 'readAll'>, send: () => PromiseLike<R>) {
  const before = await store.headPosition();
  const response = await send();
  const events = await eventsAfter(store, before);
  return { response, events, before };
}

/** supertest's parser for a binary answer (an xlsx file): the body as one Buffer. */
export function binaryBody(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
