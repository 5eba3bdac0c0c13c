import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { TestApp } from '../../support/test-app';

export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  text: string;
  body: unknown;
}

export interface RawRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  payload?: string;
}

/** Requests straight into Fastify (light-my-request): no sockets, so thousands of them take seconds. */
export function injector(app: NestFastifyApplication, authorization: string) {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  return async (request: RawRequest): Promise<Answer> => {
    const response = await fastify.inject({
      method: request.method,
      url: request.url,
      headers: { authorization, ...(request.headers ?? {}) },
      payload: request.payload,
    });
    let body: unknown;
    try {
      body = response.body === '' ? undefined : JSON.parse(response.body);
    } catch {
      body = undefined;
    }
    return { status: response.statusCode, headers: response.headers, text: response.body, body };
  };
}

const describe = (request: RawRequest, answer: Answer) =>
  `${request.method} ${request.url.slice(0, 300)} ${JSON.stringify(request.headers ?? {})} ${(request.payload ?? '').slice(0, 500)}\n→ ${answer.status} ${answer.text.slice(0, 500)}`;

/**
 * What every refusal looks like (SPEC §2, §4): `{ statusCode, code, message }`, the status matching the answer's,
 * a machine-readable code and a message a person can read.
 */
export function assertErrorShape(request: RawRequest, answer: Answer): void {
  const body = answer.body as { statusCode?: unknown; code?: unknown; message?: unknown } | undefined;
  const ok =
    body !== undefined &&
    body.statusCode === answer.status &&
    typeof body.code === 'string' &&
    /^[a-z][a-z0-9_]*$/.test(body.code) &&
    typeof body.message === 'string' &&
    body.message.trim() !== '';
  if (!ok) throw new Error(`refusal without { statusCode, code, message }:\n${describe(request, answer)}`);
}

export function assertStatusIn(allowed: readonly number[], request: RawRequest, answer: Answer): void {
  if (!allowed.includes(answer.status)) throw new Error(`status ${answer.status} is not one of ${allowed.join(', ')}:\n${describe(request, answer)}`);
}

/** Sends a command; whatever the outcome, checks the answer's shape, and that a refused command wrote nothing. */
export async function checkCommand(t: TestApp, send: (request: RawRequest) => Promise<Answer>, request: RawRequest, allowed: readonly number[]) {
  const before = await t.store.headPosition();
  const answer = await send(request);
  assertStatusIn(allowed, request, answer);
  const after = await t.store.headPosition();
  if (answer.status >= 400) {
    assertErrorShape(request, answer);
    if (after !== before) throw new Error(`refused command moved the log from ${before} to ${after}:\n${describe(request, answer)}`);
  } else {
    const body = answer.body as { id?: unknown; revision?: unknown; position?: unknown };
    if (typeof body?.id !== 'string' || typeof body.revision !== 'number' || typeof body.position !== 'number') {
      throw new Error(`accepted command without { id, revision, position }:\n${describe(request, answer)}`);
    }
    if (body.position > after) throw new Error(`answered position ${body.position} beyond the head ${after}:\n${describe(request, answer)}`);
  }
  return answer;
}
