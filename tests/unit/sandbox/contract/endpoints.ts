// Every endpoint whose JSON answers the contract tests validate, by area (one test file per area).
// Each contract file ends by checking that it validated a success answer of every endpoint of its
// area; spec-meta.test.ts checks each one is in the spec or in ABSENT_FROM_SPEC.

export type ContractArea =
  | 'portal'
  | 'browse'
  | 'changes'
  | 'fileops'
  | 'upload'
  | 'sharing'
  | 'people'
  | 'members'
  | 'oauth'
  | 'content'
  | 'versions';

export interface ContractEndpoint {
  area: ContractArea;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** As in the spec's `paths` (or ABSENT_FROM_SPEC). */
  path: string;
}

const e = (area: ContractArea, method: ContractEndpoint['method'], path: string): ContractEndpoint => ({
  area,
  method,
  path,
});

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

  // changes
  e('changes', 'POST', '/api/2.0/files/folder/{folderId}'),
  e('changes', 'PUT', '/api/2.0/files/folder/{folderId}'),
  e('changes', 'POST', '/api/2.0/files/{folderId}/file'),
  e('changes', 'POST', '/api/2.0/files/@my/file'),
  e('changes', 'PUT', '/api/2.0/files/file/{fileId}'),
  e('changes', 'POST', '/api/2.0/files/rooms'),
  e('changes', 'PUT', '/api/2.0/files/rooms/{id}'),
  e('changes', 'PUT', '/api/2.0/files/rooms/{id}/pin'),
  e('changes', 'PUT', '/api/2.0/files/rooms/{id}/unpin'),
  e('changes', 'PUT', '/api/2.0/files/rooms/{id}/tags'),
  e('changes', 'DELETE', '/api/2.0/files/rooms/{id}/tags'),
  e('changes', 'GET', '/api/2.0/files/tags'),
  e('changes', 'POST', '/api/2.0/files/tags'),
  e('changes', 'DELETE', '/api/2.0/files/tags'),
  e('changes', 'POST', '/api/2.0/files/favorites'),
  e('changes', 'DELETE', '/api/2.0/files/favorites'),
  e('changes', 'GET', '/api/2.0/files/favorites/{fileId}'),
  e('changes', 'POST', '/api/2.0/files/file/{fileId}/recent'),
  e('changes', 'DELETE', '/api/2.0/files/recent'),
  e('changes', 'DELETE', '/api/2.0/files/file/{fileId}'),
  e('changes', 'DELETE', '/api/2.0/files/folder/{folderId}'),
  e('changes', 'PUT', '/api/2.0/files/rooms/{id}/archive'),
  e('changes', 'PUT', '/api/2.0/files/rooms/{id}/unarchive'),
  e('changes', 'DELETE', '/api/2.0/files/rooms/{id}'),
  e('changes', 'PUT', '/api/2.0/files/fileops/emptytrash'),

  // long operations
  e('fileops', 'PUT', '/api/2.0/files/fileops/move'),
  e('fileops', 'PUT', '/api/2.0/files/fileops/copy'),
  e('fileops', 'PUT', '/api/2.0/files/fileops/delete'),
  e('fileops', 'PUT', '/api/2.0/files/fileops/duplicate'),
  e('fileops', 'PUT', '/api/2.0/files/fileops/bulkdownload'),
  e('fileops', 'PUT', '/api/2.0/files/fileops/markasread'),
  e('fileops', 'GET', '/api/2.0/files/fileops'),
  e('fileops', 'GET', '/api/2.0/files/fileops/{operationType}'),
  e('fileops', 'PUT', '/api/2.0/files/fileops/terminate/{id}'),
  e('fileops', 'GET', '/api/2.0/files/fileops/move'),
  e('fileops', 'GET', '/api/2.0/files/fileops/checkdestfolder'),

  // upload
  e('upload', 'POST', '/api/2.0/files/{folderId}/upload'),
  e('upload', 'POST', '/api/2.0/files/@my/upload'),
  e('upload', 'POST', '/api/2.0/files/{folderId}/insert'),
  e('upload', 'POST', '/api/2.0/files/{folderId}/upload/check'),
  e('upload', 'POST', '/api/2.0/files/{folderId}/upload/create_session'),
  e('upload', 'POST', '/api/2.0/files/{folderId}/session'),
  e('upload', 'POST', '/api/2.0/files/{folderId}/session/{sessionId}'),
  e('upload', 'POST', '/api/2.0/files/{folderId}/session/{sessionId}/upload'),
  e('upload', 'PUT', '/api/2.0/files/{folderId}/session/{sessionId}/finalize'),
  e('upload', 'DELETE', '/api/2.0/files/{folderId}/session/{sessionId}'),
  e('upload', 'POST', '/ChunkedUploader.ashx'),

  // sharing and download links
  e('sharing', 'GET', '/api/2.0/files/file/{id}/link'),
  e('sharing', 'POST', '/api/2.0/files/file/{id}/link'),
  e('sharing', 'GET', '/api/2.0/files/file/{id}/links'),
  e('sharing', 'PUT', '/api/2.0/files/file/{id}/links'),
  e('sharing', 'GET', '/api/2.0/files/folder/{id}/link'),
  e('sharing', 'POST', '/api/2.0/files/folder/{id}/link'),
  e('sharing', 'GET', '/api/2.0/files/folder/{id}/links'),
  e('sharing', 'PUT', '/api/2.0/files/folder/{id}/links'),
  e('sharing', 'GET', '/api/2.0/files/rooms/{id}/link'),
  e('sharing', 'GET', '/api/2.0/files/rooms/{id}/links'),
  e('sharing', 'PUT', '/api/2.0/files/rooms/{id}/links'),
  e('sharing', 'GET', '/api/2.0/files/share/{key}'),
  e('sharing', 'GET', '/api/2.0/files/file/{fileId}/presigneduri'),

  // people directory and sign-in sessions
  e('people', 'GET', '/api/2.0/people'),
  e('people', 'GET', '/api/2.0/people/filter'),
  e('people', 'GET', '/api/2.0/people/simple/filter'),
  e('people', 'GET', '/api/2.0/people/search'),
  e('people', 'GET', '/api/2.0/people/@search/{query}'),
  e('people', 'GET', '/api/2.0/people/email'),
  e('people', 'GET', '/api/2.0/people/room/{id}'),
  e('people', 'GET', '/api/2.0/people/{userid}'),
  e('people', 'GET', '/api/2.0/security/activeconnections'),
  e('people', 'PUT', '/api/2.0/security/activeconnections/logout/{loginEventId}'),
  e('people', 'PUT', '/api/2.0/security/activeconnections/logoutallexceptthis'),
  e('people', 'PUT', '/api/2.0/security/activeconnections/logoutall/{userId}'),

  // room members and sharing with people
  e('members', 'GET', '/api/2.0/files/rooms/{id}/share'),
  e('members', 'PUT', '/api/2.0/files/rooms/{id}/share'),
  e('members', 'POST', '/api/2.0/files/rooms/{id}/resend'),
  e('members', 'GET', '/api/2.0/files/file/{id}/share'),
  e('members', 'PUT', '/api/2.0/files/file/{fileId}/share'),
  e('members', 'GET', '/api/2.0/files/folder/{id}/share'),
  e('members', 'PUT', '/api/2.0/files/folder/{folderId}/share'),

  // OAuth 2.0: client registry, scopes, tokens
  e('oauth', 'POST', '/api/2.0/clients'),
  e('oauth', 'GET', '/api/2.0/clients'),
  e('oauth', 'GET', '/api/2.0/clients/{clientId}'),
  e('oauth', 'PUT', '/api/2.0/clients/{clientId}'),
  e('oauth', 'PATCH', '/api/2.0/clients/{clientId}/regenerate'),
  e('oauth', 'PATCH', '/api/2.0/clients/{clientId}/activation'),
  e('oauth', 'GET', '/api/2.0/clients/{clientId}/info'),
  e('oauth', 'GET', '/api/2.0/clients/{clientId}/public/info'),
  e('oauth', 'DELETE', '/api/2.0/clients/{clientId}/revoke'),
  e('oauth', 'DELETE', '/api/2.0/clients/{clientId}'),
  e('oauth', 'GET', '/api/2.0/scopes'),
  e('oauth', 'POST', '/oauth2/token'),

  // create from content and convert
  e('content', 'POST', '/api/2.0/files/{folderId}/html'),
  e('content', 'POST', '/api/2.0/files/{folderId}/text'),
  e('content', 'POST', '/api/2.0/files/@my/html'),
  e('content', 'POST', '/api/2.0/files/@my/text'),
  e('content', 'PUT', '/api/2.0/files/file/{fileId}/checkconversion'),
  e('content', 'GET', '/api/2.0/files/file/{fileId}/checkconversion'),
  e('content', 'POST', '/api/2.0/files/file/{fileId}/copyas'),
  e('content', 'POST', '/api/2.0/files/file/{id}/saveaspdf'),

  // versions, locks, history logs, previews
  e('versions', 'POST', '/api/2.0/files/file/{fileId}/restoreversion'),
  e('versions', 'PUT', '/api/2.0/files/file/{fileId}/lock'),
  e('versions', 'PUT', '/api/2.0/files/file/{fileId}/comment'),
  e('versions', 'GET', '/api/2.0/files/file/{fileId}/log'),
  e('versions', 'GET', '/api/2.0/files/folder/{folderId}/log'),
  e('versions', 'GET', '/api/2.0/files/file/{fileId}/presigned'),
  e('versions', 'GET', '/api/2.0/files/rooms/covers'),
];
