import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintFromString, stringifyYaml } from '@redocly/openapi-core';
import { Document, Spectral } from '@stoplight/spectral-core';
import { Json as JsonParser } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The OpenAPI document as tools nobody here wrote see it: swagger-parser's validation, Redocly's recommended lint
 * and Spectral's `spectral:oas` ruleset, with the rules this project switches off in `.redocly.yaml` and
 * `.spectral.json` (each with its reason). Used by test/contract/openapi-lint.spec.ts and `npm run openapi:lint`.
 */

export interface Problem {
  tool: string;
  severity: 'error' | 'warning';
  rule: string;
  where: string;
  message: string;
}

const root = join(__dirname, '..', '..');

export async function swaggerParserProblems(document: object): Promise<Problem[]> {
  try {
    await SwaggerParser.validate(structuredClone(document) as never);
    return [];
  } catch (error) {
    return [{ tool: 'swagger-parser', severity: 'error', rule: 'validate', where: '', message: (error as Error).message }];
  }
}

export async function redoclyProblems(text: string): Promise<Problem[]> {
  const config = await createConfig(readFileSync(join(root, '.redocly.yaml'), 'utf8') as never, { configPath: join(root, '.redocly.yaml') } as never);
  const results = await lintFromString({ source: text, absoluteRef: join(root, 'openapi.json'), config } as never);
  return results
    .filter((problem) => problem.severity !== 'hint' as never)
    .map((problem) => ({
      tool: 'redocly',
      severity: problem.severity === 'error' ? 'error' : 'warning',
      rule: problem.ruleId,
      where: problem.location?.[0]?.pointer ?? '',
      message: problem.message,
    }));
}

export async function spectralProblems(text: string): Promise<Problem[]> {
  const spectral = new Spectral();
  const settings = JSON.parse(readFileSync(join(root, '.spectral.json'), 'utf8')) as { rules: Record<string, string> };
  spectral.setRuleset({ extends: [[oas as never, 'recommended']], rules: Object.fromEntries(Object.entries(settings.rules).map(([rule, value]) => [rule, value.split(':')[0] as never])) } as never);
  const results = await spectral.run(new Document(text, JsonParser, 'openapi.json'));
  return results
    .filter((result) => result.severity <= 1)
    .map((result) => ({
      tool: 'spectral',
      severity: result.severity === 0 ? 'error' : 'warning',
      rule: String(result.code),
      where: result.path.join('.'),
      message: result.message,
    }));
}

export async function openApiProblems(text: string): Promise<Problem[]> {
  return [...(await swaggerParserProblems(JSON.parse(text))), ...(await redoclyProblems(text)), ...(await spectralProblems(text))];
}

export { stringifyYaml };
