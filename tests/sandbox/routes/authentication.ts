// Sign-in with e-mail + password (or the web client's PBKDF2 passwordHash), session check, logout
// (docspace-api.md §3.2, §3.4). Issued tokens work as `Authorization: <token>`, `Bearer <token>`
// and as the asc_auth_key cookie, which this endpoint also sets, as the real one does. Each
// sign-in is a login event (routes/connections.ts). Logout, as AuthenticationController.Logout,
// ends only the login event of the asc_auth_key *cookie* and clears the cookie: a token sent in
// the Authorization header stays valid (end it with security/activeconnections/logout/{id}).
import { pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { AUTH_COOKIE } from '../auth.ts';
import type { BruteForceGuard } from '../brute-force.ts';
import { TFA_USER } from '../demo-account.ts';
import type { RequestContext } from '../context.ts';
import { nowSubMsTicks, utcDateTime } from '../dates.ts';
import { ok } from '../envelope.ts';
import { authenticationFailed, invalidAuthCode, tooManyLoginAttempts, ValidationError } from '../errors.ts';
import { PORTAL } from '../portal-config.ts';
import type { Router } from '../router.ts';
import type { UserRecord } from '../store.ts';
import type { SandboxTuning } from '../tuning.ts';
import { summarizeUserAgent } from '../user-agent.ts';
import { API } from './common.ts';

const pbkdf2Async = promisify(pbkdf2);
const hashCache = new Map<string, Promise<string>>();

/** What the web client sends as passwordHash: hex PBKDF2-HMAC-SHA256(password, salt, iterations, size/8). */
export function clientPasswordHash(password: string): Promise<string> {
  let hash = hashCache.get(password);
  if (!hash) {
    const { salt, iterations, size } = PORTAL.passwordHash;
    hash = pbkdf2Async(password, salt, iterations, size / 8, 'sha256').then((b) => b.toString('hex'));
    hashCache.set(password, hash);
  }
  return hash;
}

interface LoginBody {
  userName?: unknown;
  password?: unknown;
  passwordHash?: unknown;
  session?: unknown;
  code?: unknown;
}

/** The code the sandbox's authenticator app always shows (docspace-api.md §3.3; README). */
export const SANDBOX_TFA_CODE = TFA_USER.code;

/** Where the web client would confirm the code (CommonLinkUtility.GetConfirmationUrlAndKey, TfaAuth). */
function tfaConfirmUrl(ctx: RequestContext, user: UserRecord): string {
  const key = Buffer.from(`${user.id}:${ctx.now.getTime()}`).toString('base64url');
  return `${ctx.origin}/confirm/TfaAuth?type=TfaAuth&key=${key}&email=${encodeURIComponent(user.email)}`;
}

async function readLoginBody(ctx: RequestContext): Promise<LoginBody> {
  const raw = (await ctx.readBody()).toString('utf8');
  if (raw.trim() === '') throw new ValidationError({ '': ['A non-empty request body is required.'] });
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as LoginBody;
  } catch {
    // fall through to the model-binding error below
  }
  throw new ValidationError({
    $: ['The JSON value could not be converted to AuthRequestsDto.'],
    inDto: ['The inDto field is required.'],
  });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

async function passwordMatches(ctx: RequestContext, user: UserRecord, body: LoginBody): Promise<boolean> {
  const password = text(body.password);
  if (password) return ctx.store.checkPassword(user, password);
  const sent = text(body.passwordHash).toLowerCase();
  if (!sent) return false;
  const expected = await clientPasswordHash(user.password);
  return sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

function issueToken(ctx: RequestContext, tuning: SandboxTuning, user: UserRecord, body: LoginBody, tfa: boolean) {
  const sessionOnly = body.session === true || body.session === 'true';
  const referer = ctx.req.headers.referer;
  const session = ctx.store.createSession(user.id, ctx.now, tuning.sessionTokenLifetimeMs, {
    ip: ctx.remoteAddress,
    page: typeof referer === 'string' && referer ? referer : ctx.path,
    ...summarizeUserAgent(ctx.req.headers['user-agent']),
  });
  return ok(
    ctx,
    {
      token: session.token,
      // A session-only login leaves `expires` at DateTime's default value.
      expires: sessionOnly ? '0001-01-01T00:00:00' : utcDateTime(session.expires, nowSubMsTicks()),
      sms: false,
      tfa,
    },
    { headers: { 'Set-Cookie': authCookie(session.token, sessionOnly ? null : session.expires) } },
  );
}

function authCookie(token: string, expires: Date | null): string {
  const parts = [`${AUTH_COOKIE}=${token}`, 'path=/', 'HttpOnly', 'SameSite=Lax'];
  if (expires) parts.push(`expires=${expires.toUTCString()}`);
  return parts.join('; ');
}

export function registerAuthenticationRoutes(
  router: Router,
  deps: { bruteForce: BruteForceGuard; tuning: SandboxTuning },
): void {
  router.get(`${API}/authentication`, 'anonymous', (ctx) => ok(ctx, ctx.auth.identity !== null));

  /** Both login steps check the password the same way, under the same brute-force guard. */
  const checkLogin = async (ctx: RequestContext) => {
    const body = await readLoginBody(ctx);
    const login = text(body.userName);
    const nowMs = ctx.now.getTime();
    if (deps.bruteForce.isBlocked(login, ctx.remoteAddress, nowMs)) throw tooManyLoginAttempts();
    const user = login.trim() ? ctx.store.findUserByLogin(login) : undefined;
    if (!user || user.status !== 1 || !(await passwordMatches(ctx, user, body))) {
      deps.bruteForce.recordFailure(login, ctx.remoteAddress, nowMs);
      throw authenticationFailed();
    }
    return { body, login, user, nowMs };
  };

  router.post(`${API}/authentication`, 'anonymous', async (ctx) => {
    const { body, login, user } = await checkLogin(ctx);
    deps.bruteForce.recordSuccess(login, ctx.remoteAddress);

    // TFA app enabled: no token yet; the client confirms a code with POST authentication/{code}.
    if (user.tfaAppEnabled) return ok(ctx, { sms: false, tfa: true, confirmUrl: tfaConfirmUrl(ctx, user) });
    return issueToken(ctx, deps.tuning, user, body, false);
  });

  router.post(`${API}/authentication/:code`, 'anonymous', async (ctx) => {
    const { body, login, user, nowMs } = await checkLogin(ctx);
    // AuthWithCodeRequestsDto.code (the web client also puts it in the path). Without a TFA app the
    // server's "Auth code is not available" is re-thrown as AuthenticationException: 401 as well.
    const code = text(body.code) || (ctx.params['code'] ?? '');
    if (!user.tfaAppEnabled || code.trim() !== SANDBOX_TFA_CODE) {
      deps.bruteForce.recordFailure(login, ctx.remoteAddress, nowMs);
      throw invalidAuthCode();
    }
    deps.bruteForce.recordSuccess(login, ctx.remoteAddress);
    return issueToken(ctx, deps.tuning, user, body, true);
  });

  router.post(`${API}/authentication/logout`, 'anonymous', (ctx) => {
    const identity = ctx.auth.identity;
    if (identity?.scheme === 'cookie' && identity.loginEventId !== undefined)
      ctx.store.endLoginEvent(identity.loginEventId);
    return ok(ctx, null, {
      headers: { 'Set-Cookie': `${AUTH_COOKIE}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT` },
    });
  });
}
