// The OAuth client registry (identity registration service: ClientCommandController,
// ClientQueryController, ScopeQueryController) under /api/2.0/clients and /api/2.0/scopes (also
// /api/2.0/oauth2/…). Plain JSON in snake_case, not the DocSpace envelope; errors are Spring
// ProblemDetails. The real service reads the portal's `x-signature`; the sandbox takes the portal
// session any API route takes (cookie, token, Basic, a full-access API key).
import { randomUUID } from 'node:crypto';
import { readJsonBody } from '../body.ts';
import type { BodyReader } from '../body.ts';
import type { Reply, RequestContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import type { Router } from '../router.ts';
import type { OAuthClientRecord, UserRecord } from '../store-records.ts';
import {
  clientDto,
  clientInfoDto,
  json,
  LOGO_PATTERN,
  problem,
  stringField,
  URL_PATTERN,
  urlList,
  validationProblem,
} from './client-wire.ts';
import type { FieldError } from './client-wire.ts';
import { OAUTH_SCOPES } from './grants.ts';

function signedIn(ctx: RequestContext): UserRecord | undefined {
  const id = ctx.auth.identity?.userId;
  const user = id ? ctx.store.users.get(id) : undefined;
  return user && user.type !== 'Guest' ? user : undefined;
}

/** Java's String.compareTo: by UTF-16 code unit, not by locale. */
function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function registerOAuthClientRoutes(router: Router): void {
  for (const base of ['/api/2.0/clients', '/api/2.0/oauth2/clients']) {
    const guarded =
      (handler: (ctx: RequestContext, user: UserRecord) => Reply | Promise<Reply>) => (ctx: RequestContext) => {
        const user = signedIn(ctx);
        return user ? handler(ctx, user) : problem(ctx, 403, 'Access denied');
      };
    const find = (ctx: RequestContext): OAuthClientRecord | undefined =>
      ctx.store.oauthClients.get(ctx.params['clientId'] ?? '');

    router.post(
      base,
      'anonymous',
      guarded(async (ctx, user) => {
        if (!/application\/json/i.test(ctx.req.headers['content-type'] ?? ''))
          return problem(ctx, 415, 'Content-Type is not supported');
        let r: BodyReader;
        try {
          r = await readJsonBody(ctx, { dtoProperty: 'command' });
        } catch (error) {
          if (error instanceof ValidationError) return problem(ctx, 400, 'Failed to read request');
          throw error;
        }
        const errors: FieldError[] = [];
        const name = stringField(r, 'name', errors, {
          min: 3,
          max: 256,
          message: 'client name length is expected to be between 3 and 256 characters',
        });
        const logo = stringField(r, 'logo', errors, {
          pattern: LOGO_PATTERN,
          message: 'client logo is expected to be passed as base64',
        });
        const websiteUrl = stringField(r, 'website_url', errors, {
          pattern: URL_PATTERN,
          message: 'website url is expected to be passed as url',
        });
        const termsUrl = stringField(r, 'terms_url', errors, {
          pattern: URL_PATTERN,
          message: 'terms url is expected to be passed as url',
        });
        const policyUrl = stringField(r, 'policy_url', errors, {
          pattern: URL_PATTERN,
          message: 'policy url is expected to be passed as url',
        });
        const logoutRedirectUri = stringField(r, 'logout_redirect_uri', errors, {
          pattern: URL_PATTERN,
          message: 'logout redirect uri is expected to be passed as url',
        });
        const redirectUris = urlList(r, 'redirect_uris', errors);
        const allowedOrigins = urlList(r, 'allowed_origins', errors);
        const rawScopes = r.value('scopes');
        const scopes = Array.isArray(rawScopes)
          ? [...new Set(rawScopes.filter((s): s is string => typeof s === 'string'))]
          : [];
        if (scopes.length === 0)
          errors.push({ field: 'scopes', code: 'ERROR_REQUIRED', message: 'scopes field can not be empty' });
        if (errors.length > 0) return validationProblem(ctx, errors);
        const known = new Set(OAUTH_SCOPES.map((s) => s.name));
        const invalid = scopes.filter((s) => !known.has(s));
        if (invalid.length > 0)
          return validationProblem(ctx, [
            { field: 'scopes', code: 'ERROR_INVALID_SCOPE', message: `Invalid scopes: ${invalid.join(', ')}` },
          ]);
        const description = typeof r.value('description') === 'string' ? (r.value('description') as string) : '';
        const now = new Date();
        const client: OAuthClientRecord = {
          clientId: randomUUID(),
          clientSecret: randomUUID(),
          name,
          description,
          logo,
          websiteUrl,
          termsUrl,
          policyUrl,
          logoutRedirectUri,
          redirectUris,
          allowedOrigins,
          scopes,
          authenticationMethods:
            r.value('allow_pkce') === true ? ['none', 'client_secret_post'] : ['client_secret_post'],
          // The controller always registers the client as public (isPublic(true)).
          isPublic: true,
          enabled: true,
          createdBy: user.id,
          createdOn: now,
          modifiedBy: user.id,
          modifiedOn: now,
        };
        ctx.store.oauthClients.set(client.clientId, client);
        ctx.store.touch();
        return json(201, clientDto(client));
      }),
    );

    router.get(
      base,
      'anonymous',
      guarded((ctx) => {
        const raw = ctx.query.get('limit') ?? '30';
        const limit = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
        if (!(limit >= 1 && limit <= 50))
          return problem(ctx, 400, limit < 1 ? 'limit must be at least 1' : 'limit must be at most 50');
        const all = [...ctx.store.oauthClients.values()].sort(
          (a, b) => b.createdOn.getTime() - a.createdOn.getTime() || (a.clientId < b.clientId ? -1 : 1),
        );
        const afterId = ctx.query.get('last_client_id');
        const start = afterId ? all.findIndex((c) => c.clientId === afterId) + 1 : 0;
        const page = all.slice(start, start + limit);
        const last = page.length === limit ? page.at(-1) : undefined;
        return json(200, {
          data: page.map((c) => clientDto(c)),
          limit,
          ...(last ? { last_client_id: last.clientId, last_created_on: last.createdOn.toISOString() } : {}),
        });
      }),
    );

    router.get(
      `${base}/:clientId`,
      'anonymous',
      guarded((ctx) => {
        const client = find(ctx);
        return client
          ? json(200, clientDto(client))
          : problem(ctx, 404, `Client with id ${ctx.params['clientId']} was not found`);
      }),
    );
    router.get(
      `${base}/:clientId/info`,
      'anonymous',
      guarded((ctx) => {
        const client = find(ctx);
        return client
          ? json(200, clientInfoDto(client))
          : problem(ctx, 404, `Client with id ${ctx.params['clientId']} was not found`);
      }),
    );
    router.get(`${base}/:clientId/public/info`, 'anonymous', (ctx) => {
      const client = find(ctx);
      return client?.enabled
        ? json(200, clientInfoDto(client))
        : problem(ctx, 404, `Client with id ${ctx.params['clientId']} was not found`);
    });

    router.add(
      'PUT',
      `${base}/:clientId`,
      'anonymous',
      guarded(async (ctx, user) => {
        const client = find(ctx);
        if (!client) return problem(ctx, 404, `Client with id ${ctx.params['clientId']} was not found`);
        const r = await readJsonBody(ctx, { dtoProperty: 'command' });
        const name = r.value('name');
        if (typeof name === 'string' && name.trim()) client.name = name;
        const description = r.value('description');
        if (typeof description === 'string') client.description = description;
        const logo = r.value('logo');
        if (typeof logo === 'string' && LOGO_PATTERN.test(logo)) client.logo = logo;
        if (typeof r.value('allow_pkce') === 'boolean')
          client.authenticationMethods = r.value('allow_pkce')
            ? ['none', 'client_secret_post']
            : ['client_secret_post'];
        const origins = r.value('allowed_origins');
        if (Array.isArray(origins)) client.allowedOrigins = origins.filter((o): o is string => typeof o === 'string');
        client.modifiedBy = user.id;
        client.modifiedOn = new Date();
        ctx.store.touch();
        return json(200, undefined);
      }),
    );

    router.add(
      'PATCH',
      `${base}/:clientId/regenerate`,
      'anonymous',
      guarded((ctx) => {
        const client = find(ctx);
        if (!client) return problem(ctx, 404, `Client with id ${ctx.params['clientId']} was not found`);
        client.clientSecret = randomUUID();
        ctx.store.touch();
        return json(200, { client_secret: client.clientSecret });
      }),
    );

    router.add(
      'PATCH',
      `${base}/:clientId/activation`,
      'anonymous',
      guarded(async (ctx) => {
        const client = find(ctx);
        if (!client) return problem(ctx, 404, `Client with id ${ctx.params['clientId']} was not found`);
        const r = await readJsonBody(ctx, { dtoProperty: 'command' });
        const status = r.value('status');
        if (typeof status !== 'boolean')
          return validationProblem(ctx, [
            { field: 'status', code: 'ERROR_REQUIRED', message: 'status must not be null' },
          ]);
        client.enabled = status;
        ctx.store.touch();
        return json(200, undefined);
      }),
    );

    router.add(
      'DELETE',
      `${base}/:clientId`,
      'anonymous',
      guarded((ctx) => {
        const client = find(ctx);
        if (!client) return problem(ctx, 404, `Client with id ${ctx.params['clientId']} was not found`);
        ctx.store.oauthClients.delete(client.clientId);
        for (const [id, grant] of ctx.store.oauthGrants)
          if (grant.clientId === client.clientId) ctx.store.oauthGrants.delete(id);
        ctx.store.touch();
        return json(200, undefined);
      }),
    );

    // Revoking consent ends every token the client holds for the caller.
    router.add(
      'DELETE',
      `${base}/:clientId/revoke`,
      'anonymous',
      guarded((ctx, user) => {
        const client = find(ctx);
        if (!client) return problem(ctx, 404, `Client with id ${ctx.params['clientId']} was not found`);
        ctx.store.oauthConsents.delete(`${client.clientId}:${user.id}`);
        for (const grant of ctx.store.oauthGrants.values())
          if (grant.clientId === client.clientId && grant.userId === user.id) grant.revoked = true;
        ctx.store.touch();
        return json(200, undefined);
      }),
    );
  }

  router.get('/api/2.0/clients/consents', 'anonymous', (ctx) => {
    const user = signedIn(ctx);
    if (!user) return problem(ctx, 403, 'Access denied');
    const data = [...ctx.store.oauthConsents.values()]
      .filter((c) => c.userId === user.id)
      .flatMap((c) => {
        const client = ctx.store.oauthClients.get(c.clientId);
        return client
          ? [{ client: clientInfoDto(client), scopes: c.scopes, modified_at: c.modifiedOn.toISOString() }]
          : [];
      });
    return json(200, { data, limit: 50 });
  });

  // ScopeQueryController sorts by name, and its comparator puts "openid" last (not first, as it says).
  for (const path of ['/api/2.0/scopes', '/api/2.0/oauth2/scopes']) {
    router.get(path, 'anonymous', (ctx) => {
      if (!signedIn(ctx)) return problem(ctx, 403, 'Access denied');
      const sorted = [...OAUTH_SCOPES].sort((a, b) =>
        a.name === 'openid' ? 1 : b.name === 'openid' ? -1 : ordinal(a.name.toLowerCase(), b.name.toLowerCase()),
      );
      return json(
        200,
        sorted.map((s) => ({ name: s.name, type: s.type, group: s.group })),
      );
    });
  }
}
