import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { pduInput } from '../../../tests/helpers/power-fixtures';
import { type CallName, contract, type Input } from '../../contract';
import { permissionInfo } from '../../contract/permissions';
import { procedurePermissions } from '../../contract/procedure-permissions';
import { buildOpenApiDocument, inputJsonSchema, openApiDocument, openApiJson } from './openapi.document';

const document = buildOpenApiDocument('9.9.9');
const callNames = Object.keys(contract) as CallName[];
// Strict: a keyword JSON Schema 2020-12 does not know fails to compile. Formats (email, date) are annotations here.
const ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
const validatorOf = (name: CallName) => ajv.compile(inputJsonSchema(name));

/** Inputs the dispatch tests of their domains send, typed against the contract so they stay real. */
const examples: { [K in CallName]?: Input<K> } = {
  'tasks.create': { title: 'Hashboard 2 reports 0 chips', type: 'repair', dueDate: '', minerIds: [3, 4] },
  'payments.record': { clientId: 1, method: 'bank_transfer', amount: '125.50', currency: 'USD', receivedAt: '2026-01-05', reference: 'WIRE-77' },
  'contracts.create': {
    clientId: 1,
    siteId: 2,
    type: 'hosted',
    term: '1y',
    startsAt: '2026-03-01T00:00:00.000Z',
    billingMethod: 'calculated',
    energyRatePerKwh: '0.0685',
    hostingFeePerMinerMonth: '12.50',
    powerCapKw: '10',
  },
  'invoices.generateBatch': { period: '2026-03' },
  'miners.massEdit': { filter: { clientIds: ['unassigned'] }, changes: { clientEmail: 'it@boreal.no', paid: false } },
  'reports.exports': { kind: 'payments', from: '2026-04-01', to: '2026-04-30', format: 'csv' },
  'alerts.rules.update': { rules: [{ kind: 'temp_high', enabled: true, threshold: 85, desktop: false }] },
  'tasks.list': { clientId: 7, statuses: ['done'] },
  'power.devices.create': pduInput(2),
  'apiTokens.create': { name: 'Nightly export', expiresInDays: 90 },
};

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with a bearer token scheme', () => {
    expect(document).toMatchObject({
      openapi: '3.1.0',
      info: { title: 'Hashdesk API', version: '9.9.9' },
      security: [{ bearerAuth: [] }],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    });
  });

  it('has one POST path per procedure, with the permission it needs', () => {
    expect(Object.keys(document.paths).sort()).toEqual(callNames.map((name) => `/api/${name}`).sort());
    for (const name of callNames) {
      const operation = document.paths[`/api/${name}`].post;
      const permission = procedurePermissions[name];
      expect(operation.operationId).toBe(name);
      expect(operation['x-permission']).toBe(permission);
      expect(operation.description).toContain(`“${permissionInfo[permission].label}” (\`${permission}\`)`);
      expect(Object.keys(operation.responses)).toEqual(['200', 'default']);
    }
    expect(document.paths['/api/invoices.issue'].post['x-permission']).toBe('billing.edit');
  });

  it('gives every procedure an input schema that compiles as JSON Schema 2020-12, as do the envelopes', () => {
    for (const name of callNames) {
      const schema = document.paths[`/api/${name}`].post.requestBody.content['application/json'].schema;
      // A JSON object, or one of several (the discriminated unions of power profiles and devices).
      const variants = (schema.oneOf as { type?: string }[] | undefined) ?? [schema];
      expect(
        variants.map((variant) => variant.type),
        name,
      ).toEqual(variants.map(() => 'object'));
      expect(() => ajv.compile(schema), name).not.toThrow();
    }
    expect(() => ajv.compile(document.components.schemas.Failure)).not.toThrow();
    const success = document.paths['/api/app.info'].post.responses['200'] as { content: { 'application/json': { schema: object } } };
    expect(ajv.compile(success.content['application/json'].schema)({ ok: true, value: { version: '1' } })).toBe(true);
    expect(() => ajv.compile({ type: 'object', propertis: {} })).toThrow(); // the check is strict: a misspelt keyword fails
  });

  it('accepts the inputs the domain tests send, and refuses what the server refuses for its shape', () => {
    for (const [name, input] of Object.entries(examples) as [CallName, unknown][]) {
      expect(contract[name].input.safeParse(input).success, `${name} example is real`).toBe(true);
      const validate = validatorOf(name);
      expect(validate(input), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validatorOf('tasks.create')({ title: 'Fix' })).toBe(false); // type is required
    expect(validatorOf('tasks.create')({ title: 'Fix', type: 'paint' })).toBe(false); // not a task type
    expect(validatorOf('invoices.issue')({ id: 1, extra: true })).toBe(false); // strict objects stay strict
    expect(validatorOf('invoices.issue')({ id: 'one' })).toBe(false);
    expect(validatorOf('power.devices.create')({ ...pduInput(2), kind: 'ups' })).toBe(false); // no such kind of device
  });

  it('agrees with the server on which procedures take an empty body', () => {
    for (const name of callNames) {
      const takesEmpty = contract[name].input.safeParse({}).success;
      expect(document.paths[`/api/${name}`].post.requestBody.required, name).toBe(!takesEmpty);
      if (takesEmpty) expect(validatorOf(name)({}), name).toBe(true);
    }
  });

  it('is built once and served as the same JSON text', () => {
    const text = openApiJson();
    expect(openApiJson()).toBe(text);
    expect(JSON.parse(text).paths['/api/clients.create'].post['x-permission']).toBe('clients.edit');
    expect(JSON.parse(text)).toEqual(openApiDocument()); // what Settings › API shows (api.document) is what is served
  });
});
