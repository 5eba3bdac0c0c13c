import fc from 'fast-check';
import { openApi } from './openapi-contract';

/**
 * fast-check arbitraries built from the request schemas of openapi.json: what a client reading only the document
 * would send. `known` ids (of records that exist) are mixed into every uuid, so requests reach past 404.
 */

type Json = Record<string, any>;
type Arb = fc.Arbitrary<unknown>;

const resolve = (schema: Json): Json => (schema.$ref ? openApi.components.schemas[schema.$ref.split('/').pop()] : schema);

const iso = (date: Date) => date.toISOString();
const recentDate = fc.date({ min: new Date(Date.now() - 3 * 365 * 86_400_000), max: new Date(), noInvalidDate: true });

export function arbitraryOf(input: Json, known: readonly string[]): Arb {
  const schema = resolve(input);
  if (schema.allOf?.length === 1) return nullable(schema, arbitraryOf(schema.allOf[0], known));
  if (schema.enum) return nullable(schema, fc.constantFrom(...(schema.enum as unknown[])));
  switch (schema.type) {
    case 'string':
      return nullable(schema, stringOf(schema, known));
    case 'integer':
      return nullable(schema, fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 }));
    case 'number':
      return nullable(schema, fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true }));
    case 'boolean':
      return nullable(schema, fc.boolean());
    case 'array':
      return nullable(schema, fc.array(arbitraryOf(schema.items ?? {}, known), { maxLength: Math.min(schema.maxItems ?? 4, 4) }));
    case 'object':
      return nullable(schema, objectOf(schema, known));
    default:
      return fc.jsonValue();
  }
}

function nullable(schema: Json, arbitrary: Arb): Arb {
  return schema.nullable ? fc.option(arbitrary, { nil: null }) : arbitrary;
}

function stringOf(schema: Json, known: readonly string[]): Arb {
  if (schema.format === 'uuid') return known.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
  if (schema.format === 'date-time') return recentDate.map(iso);
  if (schema.format === 'email') return fc.constantFrom('a.jansen@school.nl', 'info@bedrijf.nl');
  if (schema.pattern?.startsWith('^[0-9]{4}')) return recentDate.map((date) => iso(date).slice(0, 10));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((value) => value.length <= (schema.maxLength ?? 40));
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
}

function objectOf(schema: Json, known: readonly string[]): Arb {
  const properties: Record<string, Arb> = {};
  for (const [name, property] of Object.entries<Json>(schema.properties ?? {})) properties[name] = arbitraryOf(property, known);
  return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((name: string) => name in properties) });
}

/** A value the schema allows, or one it does not: an unknown field, a field of the wrong type, a body that is no object. */
export function validOrInvalid(schema: Json, known: readonly string[]): fc.Arbitrary<{ valid: boolean; value: unknown }> {
  const valid = arbitraryOf(schema, known);
  const resolved = resolve(schema);
  const names = Object.keys(resolved.properties ?? {});
  const invalid: Arb[] = [
    valid.map((value) => ({ ...(value as object), unexpected: 1 })),
    fc.oneof(fc.jsonValue().filter((value) => typeof value !== 'object' || value === null || Array.isArray(value))),
  ];
  if (names.length) {
    invalid.push(
      fc.tuple(valid, fc.constantFrom(...names), fc.oneof(fc.integer(), fc.constant(null), fc.string(), fc.array(fc.integer()), fc.object())).map(([value, name, wrong]) => ({
        ...(value as object),
        [name]: wrong,
      })),
    );
  }
  return fc.oneof(
    { weight: 3, arbitrary: valid.map((value) => ({ valid: true, value })) },
    { weight: 2, arbitrary: fc.oneof(...invalid).map((value) => ({ valid: false, value })) },
  );
}
