export { AppError, appError, clampParam, isAppError, isErrorData, toErrorData, MAX_PARAM_LENGTH } from './app-error.ts';
export type { ErrorData, ErrorExtras } from './app-error.ts';
export { ERROR_MESSAGES, type MessageKey, type MessageParams } from './catalogue.ts';
export { ERROR_CODES, type ErrorCode, type UserAction } from './codes.ts';
