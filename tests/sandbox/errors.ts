// Exceptions a handler throws; the dispatcher turns them into the wire shapes of
// CustomExceptionHandler (error body) or of model validation (ValidationProblemDetails).

/** Maps to the `{"error":{...},"status":1,"statusCode":N}` body. `type` is the .NET exception name. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly type: string | null,
  ) {
    super(message);
  }
}

/** Model-validation failure: HTTP 400, ValidationProblemDetails inside the success envelope. */
export class ValidationError extends Error {
  constructor(readonly errors: Record<string, string[]>) {
    super('One or more validation errors occurred.');
  }
}

/** A reply without a body (401 challenge, 403 scope refusal, 404 from filehandler.ashx, ...). */
export class EmptyStatusError extends Error {
  constructor(
    readonly statusCode: number,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${statusCode}`);
  }
}

const ITEM_NOT_FOUND = 'ASC.Common.Web.ItemNotFoundException';

export const folderNotFound = (): ApiError => new ApiError(404, 'The required folder was not found', ITEM_NOT_FOUND);
export const fileNotFound = (): ApiError => new ApiError(404, 'The required file was not found', ITEM_NOT_FOUND);
export const userNotFound = (): ApiError => new ApiError(404, 'The user could not be found', ITEM_NOT_FOUND);
export const accessDenied = (): ApiError => new ApiError(403, 'Access denied', 'System.Security.SecurityException');
/** AuthenticationException: no type/stack in the body (docspace-api.md §2.2). */
export const authenticationFailed = (): ApiError => new ApiError(401, 'User authentication failed', null);
/** BruteForceCredentialException. */
export const tooManyLoginAttempts = (): ApiError =>
  new ApiError(403, 'Too many login attempts. Please try again later.', null);
export const unauthorizedChallenge = (): EmptyStatusError => new EmptyStatusError(401, { 'WWW-Authenticate': 'Basic' });
/** InvalidOperationException: 403 with its message (e.g. "You cannot copy the folder to its subfolder"). */
export const invalidOperation = (message: string): ApiError =>
  new ApiError(403, message, 'System.InvalidOperationException');
/** ArgumentException: 400 with its message. */
export const argumentError = (message: string): ApiError => new ApiError(400, message, 'System.ArgumentException');
/** TenantQuotaException (e.g. "The maximum file size is exceeded (100 MB)."): 402. */
export const quotaExceeded = (message: string): ApiError =>
  new ApiError(402, message, 'ASC.Core.Tenants.TenantQuotaException');
/** ItemNotFoundException with a specific message. */
export const itemNotFound = (message: string): ApiError => new ApiError(404, message, ITEM_NOT_FOUND);
/** Bad TFA / SMS code (AuthenticationException, no type in the body). */
export const invalidAuthCode = (): ApiError => new ApiError(401, 'User authentication failed', null);
/** A path that matches no route (or a route constraint such as {id:int} does not hold). */
export const noSuchRoute = (method: string, path: string): ApiError =>
  new ApiError(404, `The requested API method was not found: ${method} ${path}`, null);
