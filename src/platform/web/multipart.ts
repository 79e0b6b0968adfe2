/**
 * File uploads from plain HTML forms (multipart/form-data), streamed, never buffered whole.
 *
 * A multipart body is not parsed before the route runs, so the access hook cannot read its CSRF
 * token. Routes that take uploads set `config: { multipartForm: true }`: the hook then leaves CSRF
 * to `readMultipartForm`, which requires `_csrf` to be the form's first field (put
 * `{{ csrfField() }}` first in the form: browsers send fields in document order) and checks it
 * with the same protection as every other form before reading anything else.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { HttpError } from './errors.js';

export interface MultipartLimits {
  /** Largest file, in bytes. */
  fileSize: number;
  /** Most files in one form. */
  files?: number;
  /** Most text fields. */
  fields?: number;
}

export type FormPart = MultipartFile | MultipartValue;

/** Checks the CSRF token (the first field), then yields the remaining parts as they arrive. */
export async function* readMultipartForm(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  limits: MultipartLimits,
): AsyncGenerator<FormPart> {
  if (!request.isMultipart()) throw new HttpError(400, 'bad_request', 'This form must be sent as a file upload (multipart/form-data)');
  const parts = request.parts({ limits: { fileSize: limits.fileSize, files: limits.files ?? 1, fields: limits.fields ?? 20, fieldSize: 64 * 1024 } });
  let first = true;
  for await (const part of parts) {
    if (first) {
      first = false;
      const token = part.type === 'field' && part.fieldname === '_csrf' && typeof part.value === 'string' ? part.value : undefined;
      if (request.authMethod !== 'token') {
        // The CSRF plugin reads the token from the body: give it the one field read so far.
        (request as { body: unknown }).body = { _csrf: token };
        await new Promise<void>((resolve, reject) => {
          app.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve()));
        });
      }
      if (token !== undefined) continue;
    }
    yield part;
  }
  if (first && request.authMethod !== 'token') throw new HttpError(403, 'forbidden', 'The form was empty or its security token was missing: go back, reload the page and try again');
}
