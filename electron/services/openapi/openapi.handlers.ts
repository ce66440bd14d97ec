import type { apiDocumentCalls } from '../../contract/api';
import type { DomainHandlers, NamesOf } from '../handler-kit';
import { openApiDocument } from './openapi.document';

export function apiDocumentHandlers(): DomainHandlers<NamesOf<typeof apiDocumentCalls>> {
  return { 'api.document': async () => openApiDocument() };
}
