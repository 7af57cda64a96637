// `minutes schema` prints the JSON Schema of the contract, generated from the zod schemas:
// it lists exactly the fields the validator knows, with their enums, and a real document
// (a fixture ingested here, with its page texts) has every required field and no field the schema lacks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractedDocument, GoalStatus, WarningCode } from '../../src/schema/contract.js';
import { assertBuilt, runCli } from './run-cli.js';

interface JsonSchema {
  $schema?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
}

/** Every object in `value` checked against the object schemas along the way: required present, nothing unknown. */
function problems(schema: JsonSchema, value: unknown, at = '$'): string[] {
  if (schema.anyOf) {
    const fits = schema.anyOf.map((s) => problems(s, value, at));
    return fits.some((p) => p.length === 0) ? [] : (fits[0] ?? []);
  }
  if (value === null) return schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null')) ? [] : [`${at} is null`];
  if (schema.enum) return schema.enum.includes(value) ? [] : [`${at}: ${String(value)} not in ${schema.enum.join('|')}`];
  if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => problems(schema.items as JsonSchema, v, `${at}[${i}]`)) : [];
  if (typeof value === 'object' && schema.properties) {
    const record = value as Record<string, unknown>;
    return [
      ...(schema.required ?? []).filter((k) => !(k in record)).map((k) => `${at}.${k} missing`),
      ...Object.keys(record).filter((k) => !(k in (schema.properties ?? {}))).map((k) => `${at}.${k} not in the schema`),
      ...Object.entries(record).flatMap(([k, v]) => (schema.properties?.[k] ? problems(schema.properties[k], v, `${at}.${k}`) : [])),
    ];
  }
  return [];
}

const FIXTURES = ['viborg-referat', 'skanderborg-goal-table', 'syddjurs-warnings'];
const dir = mkdtempSync(join(tmpdir(), 'minutes-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('minutes schema', () => {
  let schema: JsonSchema;
  beforeAll(() => {
    assertBuilt();
    const ingest = runCli(['ingest', ...FIXTURES.map((f) => join('fixtures', `${f}.pdf`)), '--with-text', '--out', join(dir, 'json'), '--db', join(dir, 'm.db')]);
    expect(ingest.status, ingest.stderr).toBe(0);
    const run = runCli(['schema']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    schema = JSON.parse(run.stdout) as JsonSchema;
  });

  it('is a draft 2020-12 schema with exactly the fields of the contract', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties ?? {})).toEqual(Object.keys(ExtractedDocument.shape));
    expect(schema.required).toContain('goals');
    expect(schema.required).not.toContain('pages');
  });

  it('carries the vocabularies: goal statuses and warning codes', () => {
    const goal = schema.properties?.['goals']?.items;
    expect(goal?.properties?.['status']?.enum).toEqual(GoalStatus.options);
    expect(schema.properties?.['warnings']?.items?.properties?.['code']?.enum).toEqual(WarningCode.options);
  });

  it.each(FIXTURES)('describes the document ingested from fixtures/%s.pdf', (name) => {
    const document: unknown = JSON.parse(readFileSync(join(dir, 'json', `${name}.json`), 'utf8'));
    expect((document as { goals: unknown[] }).goals.length + (document as { percentages: unknown[] }).percentages.length).toBeGreaterThan(0);
    expect(problems(schema, document)).toEqual([]);
    // The check can fail: a document without its goals, or with a field the contract lacks, is caught.
    const broken = { ...(document as Record<string, unknown>), extra: 1 } as Record<string, unknown>;
    delete broken['goals'];
    expect(problems(schema, broken)).toEqual(['$.goals missing', '$.extra not in the schema']);
  });
});
