import { z } from 'zod';
import { call } from './define';
import { idSchema, nameText } from './fields';
import type { CallName } from './index';
import type { Permission } from './permissions';

/** Whether a personal API token still works: revoked and expired ones are kept in the list, refused by the server. */
export type ApiTokenState = 'active' | 'expired' | 'revoked';

/** A personal API token as lists show it: never the token itself, which is shown once when it is made. */
export type ApiToken = {
  id: number;
  staffId: number;
  /** The staff member the token acts as. */
  ownerName: string;
  name: string;
  /** The token's first characters, to recognise it by ("hdk_Ab3dE9xq"). */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  state: ApiTokenState;
};

/** A new token: `secret` is the whole token, shown this once; Hashdesk keeps only its SHA-256. */
export type CreatedApiToken = { token: ApiToken; secret: string };

/** Every personal token starts with this, so a reader (and the HTTP server) can tell it from the serve token. */
export const apiTokenMarker = 'hdk_';

/** The longest a personal token may stay valid; without a term it lasts until revoked. */
export const maxApiTokenDays = 3650;

export const apiTokenCalls = {
  /** The caller's own tokens; `everyone` lists all staff members' tokens and needs users.admin. */
  'apiTokens.list': call<ApiToken[]>()(z.object({ everyone: z.boolean({ error: 'must be on or off' }).default(false) }).strict()),
  /** Makes a token acting as the caller with their role; refused when called with a personal token. */
  'apiTokens.create': call<CreatedApiToken>()(
    z
      .object({
        name: nameText(60),
        expiresInDays: z
          .number({ error: 'must be a number of days' })
          .int('must be a whole number of days')
          .min(1, 'must be at least 1 day')
          .max(maxApiTokenDays, `must be at most ${maxApiTokenDays} days`)
          .optional(),
      })
      .strict(),
  ),
  /** Revokes one of the caller's tokens (an administrator may revoke anyone's); it is refused from then on. */
  'apiTokens.revoke': call<ApiToken>()(z.object({ id: idSchema }).strict()),
};

type JsonSchema = Record<string, unknown>;

/** One procedure in the OpenAPI document: `POST /api/<name>`. */
export type OpenApiOperation = {
  operationId: CallName;
  tags: string[];
  description: string;
  'x-permission': Permission;
  requestBody: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, unknown>;
};

/** The OpenAPI 3.1 description of every procedure, as `GET /api/openapi.json` serves it. */
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  security: [{ bearerAuth: [] }];
  paths: Record<string, { post: OpenApiOperation }>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, JsonSchema> };
};

export const apiDocumentCalls = {
  /** The OpenAPI document, for Settings › API (the desktop app has no HTTP server to fetch it from). */
  'api.document': call<OpenApiDocument>()(z.object({}).strict()),
};
