import { z } from 'zod';
import packageJson from '../../../package.json';
import { type CallName, contract } from '../../contract';
import type { OpenApiDocument, OpenApiOperation } from '../../contract/api';
import { errorCodes } from '../../contract/errors';
import { permissionInfo } from '../../contract/permissions';
import { procedurePermissions } from '../../contract/procedure-permissions';

type JsonSchema = Record<string, unknown>;

/**
 * The input a procedure accepts as JSON Schema 2020-12 (what OpenAPI 3.1 uses). `io: 'input'` describes what a caller
 * sends (defaults optional, before transforms); checks JSON Schema cannot say (refinements, transforms) fall back to
 * "any value" here and are still enforced by the server, whose answer names the field.
 */
export function inputJsonSchema(name: CallName): JsonSchema {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(contract[name].input as z.ZodType, { io: 'input', unrepresentable: 'any' });
  return schema;
}

const failureSchema: JsonSchema = {
  type: 'object',
  properties: {
    ok: { const: false },
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', enum: [...errorCodes] },
        message: { type: 'string', description: 'One plain sentence naming what went wrong and what to do next.' },
        fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Per-field reasons for bad input, by field path.' },
      },
      required: ['code', 'message'],
    },
  },
  required: ['ok', 'error'],
};

function operationOf(name: CallName): OpenApiOperation {
  const permission = procedurePermissions[name];
  const { label, description } = permissionInfo[permission];
  return {
    operationId: name,
    tags: [name.split('.')[0]],
    description: `Needs the permission “${label}” (\`${permission}\`): ${description}`,
    'x-permission': permission,
    requestBody: {
      // An empty body is read as {}, so a procedure that takes {} may be called without one.
      required: !contract[name].input.safeParse({}).success,
      content: { 'application/json': { schema: inputJsonSchema(name) } },
    },
    responses: {
      '200': {
        description: 'Done. The result is the procedure’s value; its shape is a TypeScript type of the contract and is not described here.',
        content: {
          'application/json': { schema: { type: 'object', properties: { ok: { const: true }, value: {} }, required: ['ok', 'value'] } },
        },
      },
      default: {
        description: 'Refused or failed; the HTTP status follows error.code (FORBIDDEN is 403, UNAUTHORIZED 401, INVALID_INPUT 400).',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Failure' } } },
      },
    },
  };
}

/** The OpenAPI 3.1 description of every procedure: `POST /api/<name>` with its input schema and the permission it needs. */
export function buildOpenApiDocument(version: string): OpenApiDocument {
  const names = Object.keys(contract) as CallName[];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hashdesk API',
      version,
      description:
        'Every procedure of the app, called as `POST /api/<name>` with a JSON body and `Authorization: Bearer <token>`: a ' +
        'personal API token (Settings › API), or the token `npm run serve` prints with a session once accounts exist. ' +
        'Each answers with the envelope `{ ok: true, value }` or `{ ok: false, error: { code, message, fields? } }`.',
    },
    security: [{ bearerAuth: [] }],
    paths: Object.fromEntries(names.map((name) => [`/api/${name}`, { post: operationOf(name) }])),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token (Settings › API), acting as its user with their role; or the token in the address `npm run serve` prints.',
        },
      },
      schemas: { Failure: failureSchema },
    },
  };
}

let built: { document: OpenApiDocument; json: string } | undefined;

/** This build's document, built on first use: the contract does not change while the app runs. */
function builtDocument(): { document: OpenApiDocument; json: string } {
  if (!built) {
    const document = buildOpenApiDocument(packageJson.version);
    built = { document, json: JSON.stringify(document) };
  }
  return built;
}

/** The document as JSON text, as `GET /api/openapi.json` serves it. */
export const openApiJson = (): string => builtDocument().json;

/** The document as `api.document` answers it (Settings › API). */
export const openApiDocument = (): OpenApiDocument => builtDocument().document;
