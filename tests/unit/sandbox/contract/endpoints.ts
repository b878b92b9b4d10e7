// Every endpoint whose JSON answers the contract tests validate, by area (one test file per area).
// Each contract file ends by checking that it validated a success answer of every endpoint of its
// area; spec-meta.test.ts checks each one is in the spec or in ABSENT_FROM_SPEC.

export type ContractArea = 'portal' | 'browse' | 'changes' | 'fileops' | 'upload' | 'sharing';

export interface ContractEndpoint {
  area: ContractArea;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As in the spec's `paths` (or ABSENT_FROM_SPEC). */
  path: string;
}

const e = (area: ContractArea, method: ContractEndpoint['method'], path: string): ContractEndpoint => ({ area, method, path });

export const CONTRACT_ENDPOINTS: readonly ContractEndpoint[] = [
  // portal and identity
  e('portal', 'GET', '/api/2.0/capabilities'),
  e('portal', 'GET', '/api/2.0/settings/version/build'),
  e('portal', 'GET', '/api/2.0/authentication'),
  e('portal', 'POST', '/api/2.0/authentication'),
  e('portal', 'POST', '/api/2.0/authentication/{code}'),
  e('portal', 'POST', '/api/2.0/authentication/logout'),
  e('portal', 'GET', '/api/2.0/portal'),
  e('portal', 'GET', '/api/2.0/people/@self'),
  e('portal', 'GET', '/api/2.0/keys'),
  e('portal', 'POST', '/api/2.0/keys'),
  e('portal', 'GET', '/api/2.0/keys/@self'),
  e('portal', 'GET', '/api/2.0/keys/permissions'),
  e('portal', 'PUT', '/api/2.0/keys/{keyId}'),
  e('portal', 'DELETE', '/api/2.0/keys/{keyId}'),
  e('portal', 'GET', '/api/2.0/files/settings'),

  // browsing
  e('browse', 'GET', '/api/2.0/files/@root'),
  e('browse', 'GET', '/api/2.0/files/@my'),
  e('browse', 'GET', '/api/2.0/files/@trash'),
  e('browse', 'GET', '/api/2.0/files/@favorites'),
  e('browse', 'GET', '/api/2.0/files/recent'),
  e('browse', 'GET', '/api/2.0/files/@recent'),
  e('browse', 'GET', '/api/2.0/files/@share'),
  e('browse', 'GET', '/api/2.0/files/{folderId}'),
  e('browse', 'GET', '/api/2.0/files/{folderId}/subfolders'),
  e('browse', 'GET', '/api/2.0/files/folder/{folderId}'),
  e('browse', 'GET', '/api/2.0/files/folder/{folderId}/path'),
  e('browse', 'GET', '/api/2.0/files/file/{fileId}'),
  e('browse', 'GET', '/api/2.0/files/file/{fileId}/history'),
  e('browse', 'GET', '/api/2.0/files/rooms'),
  e('browse', 'GET', '/api/2.0/files/rooms/{id}'),
];
