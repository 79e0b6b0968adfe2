/** An error a route throws to give the caller a clear status, code and message. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what = 'page') => new HttpError(404, 'not_found', `There is no such ${what}`);
export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'bad_request', message, details);

/** The API's one error shape: { "error": { "code", "message", "details" } }. */
export function apiError(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}
