// How the client registry answers: Spring ProblemDetails errors, plain snake_case JSON, the client
// DTOs (ClientResponse, ClientInfoResponse) and CreateClientRequest's field validation.
import type { BodyReader } from '../body.ts';
import type { Reply, RequestContext } from '../context.ts';
import type { OAuthClientRecord } from '../store-records.ts';

const PROBLEM_TYPE = 'https://api.onlyoffice.com/docspace/api-backend/get-started/basic-concepts';
/** CreateClientRequest's URL pattern (a host with a dot-separated name or an IPv4 address). */
export const URL_PATTERN =
  /^(https?:\/\/)?([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}(:\d+)?(\/[a-zA-Z0-9-._~:/?#[\]@!$&'()*+,;=]*)?$|^https?:\/\/(\d{1,3}\.){3}\d{1,3}(:\d+)?(\/[a-zA-Z0-9-._~:/?#[\]@!$&'()*+,;=]*)?$/;
export const LOGO_PATTERN = /^data:image\/(?:png|jpeg|jpg|svg\+xml);base64,.*.{1,}/;
/** URLCollectionValidator: http, https and the claude: scheme. */
const REDIRECT_SCHEMES = new Set(['http:', 'https:', 'claude:']);

export function problem(
  ctx: RequestContext,
  status: number,
  detail: string,
  extra: Record<string, unknown> = {},
): Reply {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    403: 'Forbidden',
    404: 'Not Found',
    415: 'Unsupported Media Type',
  };
  return {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
    body: JSON.stringify({
      type: PROBLEM_TYPE,
      title: titles[status] ?? 'Error',
      status,
      detail,
      instance: ctx.path,
      ...extra,
    }),
  };
}

export function json(status: number, value: unknown): Reply {
  return {
    status,
    headers: { 'Content-Type': 'application/json' },
    body: value === undefined ? undefined : JSON.stringify(value),
  };
}

export function clientDto(client: OAuthClientRecord, withSecret = true): Record<string, unknown> {
  return {
    name: client.name,
    client_id: client.clientId,
    ...(withSecret ? { client_secret: client.clientSecret } : {}),
    description: client.description,
    website_url: client.websiteUrl,
    terms_url: client.termsUrl,
    policy_url: client.policyUrl,
    logo: client.logo,
    authentication_methods: client.authenticationMethods,
    tenant: 1,
    redirect_uris: client.redirectUris,
    allowed_origins: client.allowedOrigins,
    logout_redirect_uris: [client.logoutRedirectUri],
    scopes: client.scopes,
    created_on: client.createdOn.toISOString(),
    created_by: client.createdBy,
    modified_on: client.modifiedOn.toISOString(),
    modified_by: client.modifiedBy,
    is_public: client.isPublic,
    enabled: client.enabled,
  };
}

export function clientInfoDto(client: OAuthClientRecord): Record<string, unknown> {
  const {
    client_secret: _secret,
    redirect_uris: _r,
    allowed_origins: _a,
    logout_redirect_uris: _l,
    tenant: _t,
    enabled: _e,
    ...info
  } = clientDto(client);
  return info;
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export function stringField(
  r: BodyReader,
  name: string,
  errors: FieldError[],
  rules: { min?: number; max?: number; pattern?: RegExp; message: string },
) {
  const v = r.value(name);
  const text = typeof v === 'string' ? v : undefined;
  if (
    text === undefined ||
    text.trim() === '' ||
    (rules.min !== undefined && text.length < rules.min) ||
    (rules.max !== undefined && text.length > rules.max) ||
    (rules.pattern && !rules.pattern.test(text))
  ) {
    errors.push({
      field: name,
      code: text === undefined || text.trim() === '' ? 'ERROR_REQUIRED' : 'ERROR_INVALID_FORMAT',
      message: rules.message,
    });
    return '';
  }
  return text;
}

export function urlList(r: BodyReader, name: string, errors: FieldError[]): string[] {
  const v = r.value(name);
  const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const valid = list.every((u) => {
    try {
      return REDIRECT_SCHEMES.has(new URL(u).protocol);
    } catch {
      return false;
    }
  });
  if (!Array.isArray(v) || list.length < 1 || list.length > 12 || !valid)
    errors.push({
      field: name,
      code: 'ERROR_INVALID_FORMAT',
      message: `${name.replace('_', ' ')} must contain at least 1 and at most 12 valid addresses`,
    });
  return [...new Set(list)];
}

export function validationProblem(ctx: RequestContext, errors: FieldError[]): Reply {
  return problem(ctx, 400, 'Validation failed', { errors });
}
