// The ONE place where the contract tests depart from the official OpenAPI document
// (../shared/docspace-openapi/api-docs.json, DocSpace 3.7.0). Every entry is a documented difference
// between what the spec says and what the real server writes (shared/docs/docspace-api.md §1, §2,
// §4.4, §6.2, §10), applied as a rewrite of the converted component schemas — never by skipping
// validation. `apply` returns how many schemas it changed, so a test can show that each rule still
// bites on the current spec (or is marked defensive).

/** A JSON Schema / OpenAPI schema object, loosely typed. */
export type JsonSchema = { [key: string]: unknown };

export interface WireException {
  id: string;
  /** What the spec documents. */
  spec: string;
  /** What the server sends, and the source for it. */
  wire: string;
  /** True when the current spec has nothing for the rule to change (kept for older/newer specs). */
  defensive?: boolean;
  apply(schemas: Record<string, JsonSchema>): number;
}

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Visits every schema object below (and including) `root`. */
function walk(root: unknown, visit: (schema: JsonSchema) => void): void {
  if (Array.isArray(root)) {
    for (const item of root) walk(item, visit);
    return;
  }
  if (!isObject(root)) return;
  visit(root);
  for (const value of Object.values(root)) walk(value, visit);
}

/** ApiDateTime on the wire: portal-local time, 7 fraction digits, offset or Z (docspace-api.md §1). */
export const API_DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}(Z|[+-]\\d{2}:\\d{2})$';

const ENVELOPE_KEYS = ['response', 'count', 'links', 'status', 'statusCode'];

function isEnvelope(name: string, schema: JsonSchema): boolean {
  const props = schema['properties'];
  return name.endsWith('Wrapper') && isObject(props) && ENVELOPE_KEYS.every((k) => k === 'response' || k in props);
}

export const WIRE_EXCEPTIONS: readonly WireException[] = [
  {
    id: 'api-date-time-is-a-string',
    spec: 'ApiDateTime is an object {utcTime, timeZoneOffset}',
    wire: 'a string yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm in the portal time zone (Z at offset 0) — §1, ApiDateTime.cs',
    apply(schemas) {
      schemas['ApiDateTime'] = {
        type: 'string',
        pattern: API_DATE_TIME_PATTERN,
        description: 'ApiDateTime as written on the wire',
      };
      return 1;
    },
  },
  {
    id: 'envelope-status-is-0-or-1',
    spec: 'wrapper `status` is "HTTP status code of the response"',
    wire: '`status` is 0 for success (1 only for a model-validation 400, see VALIDATION_PROBLEM_BODY_SCHEMA); `statusCode` carries the HTTP code — §2.1, SuccessApiResponse',
    apply(schemas) {
      let changed = 0;
      for (const [name, schema] of Object.entries(schemas)) {
        if (!isEnvelope(name, schema)) continue;
        const props = schema['properties'] as JsonSchema;
        props['status'] = { type: 'integer', enum: [0] };
        changed++;
      }
      return changed;
    },
  },
  {
    id: 'envelope-total-and-closed-shape',
    spec: 'wrappers list response, count, links, status, statusCode only (and do not close the object)',
    wire: 'an optional `total` (ApiContext.SetTotalCount, e.g. file links) besides them, and nothing else; `count`, `links`, `status`, `statusCode` always present, `response` omitted when null — §2.1',
    apply(schemas) {
      let changed = 0;
      for (const [name, schema] of Object.entries(schemas)) {
        if (!isEnvelope(name, schema)) continue;
        const props = schema['properties'] as JsonSchema;
        props['total'] = { type: 'integer' };
        props['links'] = {
          type: 'array',
          minItems: 1,
          maxItems: 1,
          items: {
            type: 'object',
            required: ['href', 'action'],
            properties: { href: { type: 'string', format: 'uri' }, action: { type: 'string' } },
            additionalProperties: false,
          },
        };
        schema['required'] = ['count', 'links', 'status', 'statusCode'];
        schema['additionalProperties'] = false;
        changed++;
      }
      return changed;
    },
  },
  {
    id: 'nulls-are-omitted',
    spec: '`nullable: true` properties, some of them `required` (e.g. FileOperationDto.error)',
    wire: 'the serializer drops null properties (JsonIgnoreCondition.WhenWritingNull): a nullable property is absent rather than null, so it is never null and may be missing even when "required" — §1, DynamicIgnoreResolver.cs',
    apply(schemas) {
      let changed = 0;
      const nullableComponents = new Set(Object.keys(schemas).filter((name) => schemas[name]?.['nullable'] === true));
      const isNullable = (prop: unknown): boolean => {
        if (!isObject(prop)) return false;
        const ref = prop['$ref'];
        return (
          prop['nullable'] === true ||
          (typeof ref === 'string' && nullableComponents.has(ref.replace('#/components/schemas/', '')))
        );
      };
      walk(schemas, (schema) => {
        const props = schema['properties'];
        if (isObject(props) && Array.isArray(schema['required'])) {
          const before = (schema['required'] as string[]).length;
          schema['required'] = (schema['required'] as string[]).filter((name) => !isNullable(props[name]));
          if ((schema['required'] as string[]).length !== before) changed++;
        }
        if (schema['nullable'] === true) {
          delete schema['nullable'];
          changed++;
        }
      });
      return changed;
    },
  },
  {
    id: 'flag-enums-combine',
    spec: 'FileStatus is an enum of single flag values [0,1,2,4,…,256]',
    wire: 'a [Flags] enum written as one integer, so combinations (e.g. 34 = IsNew|IsFavorite) occur — §4.4 fileStatus',
    apply(schemas) {
      const flags = schemas['FileStatus'];
      if (!flags || !Array.isArray(flags['enum'])) return 0;
      const max = (flags['enum'] as number[]).reduce((a, b) => a | b, 0);
      schemas['FileStatus'] = { type: 'integer', minimum: 0, maximum: max, description: 'FileStatus flags' };
      return 1;
    },
  },
  {
    id: 'enums-are-integers',
    spec: 'some generator versions document enums as oneOf [name string, integer]',
    wire: 'enums are written as integers (no global string-enum converter; exceptions FileConflictResolveType, EmployeeType are string in the spec too) — §1',
    defensive: true,
    apply(schemas) {
      let changed = 0;
      walk(schemas, (schema) => {
        const variants = schema['oneOf'] ?? schema['anyOf'];
        if (!Array.isArray(variants) || variants.length !== 2) return;
        const ints = variants.find((v) => isObject(v) && v['type'] === 'integer' && Array.isArray(v['enum']));
        const names = variants.find((v) => isObject(v) && v['type'] === 'string' && Array.isArray(v['enum']));
        if (!isObject(ints) || !names) return;
        delete schema['oneOf'];
        delete schema['anyOf'];
        Object.assign(schema, ints);
        changed++;
      });
      return changed;
    },
  },
  {
    id: 'entries-without-discriminator',
    spec: 'lists of FileEntryBaseDto (files, folders, operation results) with x-derived-types and additionalProperties:false',
    wire: 'each element is serialized as its concrete type (FileDto or FolderDto) without a $type discriminator; `fileEntryType` (1 folder, 2 file) tells them apart — §4.4. The sandbox has integer ids only (no third-party string ids)',
    apply(schemas) {
      const base = schemas['FileEntryBaseDto'];
      if (!base) return 0;
      schemas['FileEntryBaseDto'] = {
        type: 'object',
        required: ['fileEntryType'],
        properties: { fileEntryType: { type: 'integer', enum: [1, 2] } },
        if: { properties: { fileEntryType: { const: 2 } } },
        then: { $ref: '#/components/schemas/FileDtoInteger' },
        else: { $ref: '#/components/schemas/FolderDtoInteger' },
      };
      let changed = 1;
      // Other polymorphic bases (AI, …): any of their derived types, when the spec has them.
      for (const [name, schema] of Object.entries(schemas)) {
        const derived = schema['x-derived-types'];
        if (name === 'FileEntryBaseDto' || !Array.isArray(derived)) continue;
        if (!(derived as string[]).every((d) => d in schemas)) continue;
        schemas[name] = { anyOf: (derived as string[]).map((d) => ({ $ref: `#/components/schemas/${d}` })) };
        changed++;
      }
      return changed;
    },
  },
  {
    id: 'history-data-derived-types-undocumented',
    spec: 'HistoryDto.data is HistoryData (like the AI MessageContentDto and EditorToolCallParametersDto): only `initiatorName`, additionalProperties:false, x-derived-types EntryData, FileData, RenameEntryData, UserHistoryData, … none of which is in components',
    wire: 'HistoryData is serialized as its concrete type (HistoryService: EntryData {title, id, parentId, parentTitle, parentType, …}, RenameEntryData {oldTitle, newTitle, …}, UserHistoryData {user, access}, …), whose properties the spec does not document: validated as an open object',
    apply(schemas) {
      let changed = 0;
      for (const [name, schema] of Object.entries(schemas)) {
        const derived = schema['x-derived-types'];
        if (!Array.isArray(derived) || (derived as string[]).some((d) => d in schemas)) continue;
        schemas[name] = { ...schema, additionalProperties: true };
        delete schemas[name]['x-derived-types'];
        changed++;
      }
      return changed;
    },
  },
  {
    id: 'empty-sso-url',
    spec: 'CapabilitiesDto.ssoUrl is a `format: uri` string',
    wire: 'SsoUrl = string.Empty when SSO is off (CapabilitiesController), so "" is sent — not a URI',
    apply(schemas) {
      const props = schemas['CapabilitiesDto']?.['properties'] as JsonSchema | undefined;
      if (!props || !isObject(props['ssoUrl'])) return 0;
      props['ssoUrl'] = { type: 'string', anyOf: [{ format: 'uri' }, { const: '' }] };
      return 1;
    },
  },
  {
    id: 'url-templates',
    spec: 'FilesSettingsDto.file…UrlString are `format: uri`',
    wire: "they are templates with a `{0}` placeholder (e.g. …filehandler.ashx?action=download&fileid={0}, as the spec's own examples show), which RFC 3986 does not allow: validated as `uri-template`",
    apply(schemas) {
      const props = schemas['FilesSettingsDto']?.['properties'] as JsonSchema | undefined;
      if (!props) return 0;
      let changed = 0;
      for (const [name, prop] of Object.entries(props)) {
        if (/UrlString$/.test(name) && isObject(prop) && prop['format'] === 'uri') {
          prop['format'] = 'uri-template';
          changed++;
        }
      }
      return changed;
    },
  },
  {
    id: 'problem-detail-instance-is-a-path',
    spec: 'ProblemDetail.instance (identity service errors) is a `format: uri`',
    wire: 'the handlers set URI.create(request.getRequestURI()): a path such as "/api/2.0/clients", a URI reference without a scheme (RegistrationGlobalExceptionHandler)',
    apply(schemas) {
      const props = schemas['ProblemDetail']?.['properties'] as JsonSchema | undefined;
      const instance = props?.['instance'];
      if (!isObject(instance) || instance['format'] !== 'uri') return 0;
      instance['format'] = 'uri-reference';
      return 1;
    },
  },
];

/** Statuses other than 200 the server uses for success where the spec documents 200 only. Their
 *  bodies are validated against the 200 schema. */
export const SUCCESS_STATUS_EXCEPTIONS: ReadonlyArray<{ method: string; path: string; status: number; why: string }> = [
  {
    method: 'POST',
    path: '/api/2.0/files/{folderId}/session/{sessionId}',
    status: 201,
    why: 'the chunk that completes the file answers 201 Created with UploadSessionResponseDto — §6.2',
  },
  {
    method: 'PUT',
    path: '/api/2.0/files/{folderId}/session/{sessionId}/finalize',
    status: 201,
    why: 'finalize answers 201 Created — §6.2',
  },
];

/** `{"error":{message,type,stack,hresult},"status":1,"statusCode":N}` with nulls kept — undocumented
 *  in the spec (errors have no content there) — §2.2, CustomExceptionHandler. */
export const ERROR_BODY_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error', 'status', 'statusCode'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['message', 'type', 'stack', 'hresult'],
      additionalProperties: false,
      properties: {
        message: { type: 'string', minLength: 1 },
        type: { type: ['string', 'null'] },
        stack: { type: ['string', 'null'] },
        hresult: { type: 'integer' },
      },
    },
    status: { const: 1 },
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
  },
};

/** Model-validation 400: ValidationProblemDetails inside the success envelope with status 1 — §2.1. */
export const VALIDATION_PROBLEM_BODY_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['response', 'count', 'links', 'status', 'statusCode'],
  additionalProperties: false,
  properties: {
    response: {
      type: 'object',
      required: ['type', 'title', 'status', 'errors'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { const: 400 },
        errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' }, minItems: 1 } },
        traceId: { type: 'string' },
      },
    },
    count: { const: 1 },
    links: { type: 'array' },
    status: { const: 1 },
    statusCode: { const: 400 },
  },
};

const envelopeOf = (response: JsonSchema | null): JsonSchema => ({
  type: 'object',
  required: [...(response ? ['response'] : []), 'count', 'links', 'status', 'statusCode'],
  additionalProperties: false,
  properties: {
    ...(response ? { response } : {}),
    count: response ? { type: 'integer' } : { const: 0 },
    links: { type: 'array', minItems: 1, maxItems: 1 },
    status: { const: 0 },
    statusCode: { type: 'integer' },
  },
});

/** The ChunkedUploader.ashx session object (same as ChunkedUploadSessionResponse in the spec). */
const CHUNKED_SESSION: JsonSchema = { $ref: 'spec#/components/schemas/ChunkedUploadSessionResponseInteger' };

/** Endpoints the sandbox serves that the spec does not describe (hidden with IgnoreApi, or
 *  not MVC actions), with the shape docspace-api.md gives for them. */
export const ABSENT_FROM_SPEC: ReadonlyArray<{ method: string; path: string; why: string; schema: JsonSchema }> = [
  {
    method: 'GET',
    path: '/api/2.0/settings/version/build',
    why: 'hidden from OpenAPI (VersionController) — §11',
    schema: envelopeOf({
      type: 'object',
      required: ['docSpace'],
      additionalProperties: false,
      properties: { docSpace: { type: 'string' }, documentServer: { type: 'string' } },
    }),
  },
  {
    method: 'GET',
    path: '/api/2.0/files/@recent',
    why: 'hidden from OpenAPI (OpenApiExtension), same as GET files/recent — §4.1',
    schema: { $ref: 'spec#/components/schemas/FolderContentIntegerWrapper' },
  },
  {
    method: 'GET',
    path: '/api/2.0/files/@share',
    why: 'hidden from OpenAPI (IgnoreApi) — §4.1',
    schema: { $ref: 'spec#/components/schemas/FolderContentIntegerWrapper' },
  },
  {
    method: 'POST',
    path: '/ChunkedUploader.ashx',
    why: 'an HTTP handler, not an API action: own {success,data,message} shape, not enveloped — §6.2',
    schema: {
      type: 'object',
      // `message` is "" on success (string.Empty is not null); `data` is absent for abort and errors.
      required: ['success', 'message'],
      additionalProperties: false,
      properties: {
        success: { type: 'boolean' },
        message: { type: 'string' },
        data: {
          anyOf: [
            CHUNKED_SESSION,
            {
              type: 'object',
              required: ['id', 'folderId', 'version', 'title', 'uploaded', 'file'],
              additionalProperties: false,
              properties: {
                id: { type: 'integer' },
                folderId: { type: 'integer' },
                version: { type: 'integer' },
                title: { type: 'string' },
                provider_key: { type: 'string' },
                uploaded: { type: 'boolean' },
                file: { $ref: 'spec#/components/schemas/FileDtoInteger' },
              },
            },
          ],
        },
      },
      if: { properties: { success: { const: false } } },
      then: { properties: { message: { minLength: 1 } }, not: { required: ['data'] } },
    },
  },
];

/** Operations that are in the spec but whose documented 200 schema is not what the server writes. */
export const SCHEMA_OVERRIDES: ReadonlyArray<{ method: string; path: string; why: string; schema: JsonSchema }> = [
  {
    method: 'GET',
    path: '/api/2.0/files/tags',
    why: 'spec: array of objects (IAsyncEnumerable<object>); the service yields tag names, so the array holds strings (CustomTagsService.GetTagsInfoAsync)',
    schema: envelopeOf({ type: 'array', items: { type: 'string' } }),
  },
  {
    method: 'DELETE',
    path: '/api/2.0/files/tags',
    why: 'spec: 200 without content; a `Task` action returns EmptyResult, which the response filter wraps as an envelope without `response` (count 0)',
    schema: envelopeOf(null),
  },
  {
    method: 'DELETE',
    path: '/api/2.0/files/{folderId}/session/{sessionId}',
    why: 'spec: 200 without content; `Task` action → envelope without `response` (count 0)',
    schema: envelopeOf(null),
  },
  {
    method: 'POST',
    path: '/api/2.0/authentication/logout',
    why: 'spec: StringWrapper; without an SSO logout URL the string is null and `response` is omitted (count 0)',
    schema: envelopeOf(null),
  },
  {
    method: 'GET',
    path: '/api/2.0/people/search',
    why: 'spec: EmployeeArrayWrapper; SearchUsersByQuery returns GetSearch(...), which yields EmployeeFullDto (UserController)',
    schema: { $ref: 'spec#/components/schemas/EmployeeFullArrayWrapper' },
  },
  {
    method: 'PUT',
    path: '/api/2.0/security/activeconnections/logoutall/{userId}',
    why: 'spec: 200 without content; `Task` action → envelope without `response` (count 0)',
    schema: envelopeOf(null),
  },
  {
    method: 'GET',
    path: '/api/2.0/scopes',
    why: 'spec: one ScopeResponse; ScopeQueryController returns Iterable<ScopeResponse> (its own example is an array)',
    schema: { type: 'array', items: { $ref: 'spec#/components/schemas/ScopeResponse' } },
  },
  {
    method: 'GET',
    path: '/api/2.0/clients',
    why: 'spec: PageableResponse.data is an object; the service puts the page of ClientResponse in it as an array',
    schema: {
      type: 'object',
      required: ['data', 'limit'],
      additionalProperties: false,
      properties: {
        data: { type: 'array', items: { $ref: 'spec#/components/schemas/ClientResponse' } },
        limit: { type: 'integer' },
        last_client_id: { type: 'string' },
        last_created_on: { type: 'string', format: 'date-time' },
      },
    },
  },
  {
    method: 'POST',
    path: '/api/2.0/files/rooms/{id}/resend',
    why: 'spec: 200 without content; `Task` action → envelope without `response` (count 0)',
    schema: envelopeOf(null),
  },
];

/** Successful answers without a body: nothing to validate, listed so coverage counts them. */
export const NO_BODY_RESPONSES: ReadonlyArray<{ method: string; path: string; status: number; why: string }> = [
  ...[
    'PUT /api/2.0/clients/{clientId}',
    'DELETE /api/2.0/clients/{clientId}',
    'PATCH /api/2.0/clients/{clientId}/activation',
    'DELETE /api/2.0/clients/{clientId}/revoke',
  ].map((key) => ({
    method: key.split(' ')[0] ?? '',
    path: key.split(' ')[1] ?? '',
    status: 200,
    why: 'spec: 200 with an `object` schema; the controller answers ResponseEntity.ok().build(): no body',
  })),
  {
    method: 'DELETE',
    path: '/api/2.0/files/recent',
    status: 204,
    why: 'spec: 200 NoContentResultWrapper; NoContent() is a StatusCodeResult, not an ObjectResult, so the response wrapper leaves it alone: 204, empty body',
  },
];

/** Non-JSON endpoints checked by behaviour tests only (no schema to validate against). */
export const NOT_JSON_ENDPOINTS: ReadonlyArray<{ method: string; path: string; why: string }> = [
  {
    method: 'GET',
    path: '/filehandler.ashx?action=download|view|stream|thumb',
    why: 'file bytes (Range supported); 404/403 with empty body',
  },
  { method: 'GET', path: '/s/{key}', why: 'share link landing page (HTML)' },
];
