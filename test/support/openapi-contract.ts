import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { OPENAPI_FILE } from '../../libs/api-client/generate';

/**
 * The OpenAPI document as a checker of answers: for a method, a path and an answer, is the status documented for
 * that operation, and does the body match the documented schema? The e2e agents (test-app.ts) run every answer they
 * receive through it, so a route whose answer differs from its description fails the suite that called it.
 */

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export const openApi: Json = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));

/** OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` becomes a union with null; refs point into the document. */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, example: _example, ...rest } = schema as Json;
  const converted: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string') converted.$ref = value.startsWith('#/') ? `openapi#${value.slice(1)}` : value;
    else if (key === 'properties') converted.properties = Object.fromEntries(Object.entries(value as Json).map(([name, inner]) => [name, toJsonSchema(inner)]));
    else converted[key] = typeof value === 'object' ? toJsonSchema(value) : value;
  }
  return nullable ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: toJsonSchema(openApi.components) } as object);

export interface Operation {
  method: string;
  template: string;
  operation: Json;
}

const routes = Object.entries<Json>(openApi.paths).flatMap(([template, item]) => {
  const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
  // Literal paths before templated ones (/people/{id} must not take a literal sibling).
  const literal = !template.includes('{');
  return METHODS.filter((method) => item[method]).map((method) => ({ method, template, pattern, literal, operation: item[method] as Json }));
});
routes.sort((a, b) => Number(b.literal) - Number(a.literal));

/** The documented operation a request reaches, if any. */
export function operationOf(method: string, url: string): Operation | undefined {
  const path = url.split('?')[0];
  const route = routes.find((candidate) => candidate.method === method.toLowerCase() && candidate.pattern.test(path));
  return route && { method: route.method, template: route.template, operation: route.operation };
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: unknown): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = ajv.compile(toJsonSchema(schema) as object)));
  return validate;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, when the answer is JSON. */
  body: unknown;
  text?: string;
}

/**
 * Why an answer does not keep the contract, or undefined when it does (or the request reached no documented
 * operation: unknown paths and methods are the router's, 404/405).
 */
export function contractViolation(method: string, url: string, answer: Answer): string | undefined {
  const found = operationOf(method, url);
  if (!found) return undefined;
  const where = `${method.toUpperCase()} ${found.template} → ${answer.status}`;
  const response: Json | undefined = found.operation.responses[String(answer.status)] ?? found.operation.responses.default;
  if (!response) return `${where}: status not documented (documented: ${Object.keys(found.operation.responses).join(', ')})`;
  const contentType = String(answer.headers['content-type'] ?? '').split(';')[0].trim();
  if (!contentType || found.method === 'head') return undefined;
  const media: Json | undefined = response.content?.[contentType];
  if (!media) return `${where}: content type ${contentType} not documented (documented: ${Object.keys(response.content ?? {}).join(', ') || 'none'})`;
  if (contentType !== 'application/json' || !media.schema) return undefined;
  const validate = validatorFor(`${found.method} ${found.template} ${answer.status}`, media.schema);
  if (validate(answer.body)) return undefined;
  const errors = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '(body)'} ${error.message}`);
  return `${where}: body does not match the schema: ${errors.join('; ')}\nbody: ${JSON.stringify(answer.body).slice(0, 600)}`;
}

/** Throws when an answer breaks the contract (see contractViolation). */
export function assertKeepsContract(method: string, url: string, answer: Answer): void {
  const violation = contractViolation(method, url, answer);
  if (violation) throw new Error(`answer differs from openapi.json: ${violation}`);
}
