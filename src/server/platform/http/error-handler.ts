import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, ErrorCode, FieldError } from '../../../contracts/errors.js';
import { AppError } from '../errors.js';
import { localeFromHeader } from './locale.js';
import { translate } from './messages.js';
import { fieldErrorsFromIssues, RequestValidationError } from './validation.js';

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

interface Problem {
  code: ErrorCode;
  messageKey: string;
  params?: Record<string, string | number>;
  fields?: FieldError[];
}

function problemFromFastifyError(error: FastifyError): Problem | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', messageKey: 'error.payload_too_large' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'validation_failed', messageKey: 'error.invalid_json' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        code: 'validation_failed',
        messageKey: 'error.unsupported_media_type',
        params: { type: 'unknown' },
      };
    default:
      if (error.statusCode === 429)
        return { code: 'rate_limited', messageKey: 'error.rate_limited' };
      if (error.statusCode === 400 && error instanceof SyntaxError)
        return { code: 'validation_failed', messageKey: 'error.invalid_json' };
      return undefined;
  }
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: Problem,
): FastifyReply {
  const locale = localeFromHeader(request.headers['accept-language']);
  const body: ErrorBody = {
    error: {
      code: problem.code,
      message: translate(locale, problem.messageKey, problem.params),
      ...(problem.fields ? { fields: problem.fields } : {}),
    },
  };
  return reply.code(statusByCode[problem.code]).type('application/json').send(body);
}

/** The one place where typed errors become HTTP answers; nothing below it writes error bodies. */
export function registerErrorHandler(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeFromHeader(request.headers['accept-language']);
    if (error instanceof RequestValidationError) {
      const context = (error as FastifyError).validationContext ?? 'body';
      return sendProblem(request, reply, {
        code: 'validation_failed',
        messageKey: 'error.validation_failed',
        fields: fieldErrorsFromIssues(error.issues, locale, context),
      });
    }
    if (error instanceof AppError) {
      return sendProblem(request, reply, {
        code: error.code,
        messageKey: error.messageKey,
        params: error.params,
        ...(error.fields
          ? {
              fields: error.fields.map((field) => ({
                field: field.field,
                message: translate(locale, field.message, field.params),
              })),
            }
          : {}),
      });
    }
    const known = problemFromFastifyError(error);
    if (known) {
      return sendProblem(request, reply, {
        ...known,
        // Upload routes set their own limit; name the one that applied.
        params: { limit: request.routeOptions.bodyLimit ?? bodyLimit, ...known.params },
      });
    }
    request.log.error({ err: errorForLog(error) }, 'unhandled error');
    return sendProblem(request, reply, { code: 'internal', messageKey: 'error.internal' });
  });
}

/** Database errors carry `detail` with the offending values (personal data); log only what is safe. */
function errorForLog(error: Error & { code?: string }) {
  return { type: error.name, code: error.code, message: error.message, stack: error.stack };
}
