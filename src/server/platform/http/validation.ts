import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { FieldError, Locale } from '../../../contracts/errors.js';
import { hasMessage, translate } from './messages.js';

/** Raised by the validator compiler; carries zod's issues so the error handler can word them per request. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('Request validation failed');
    this.name = 'RequestValidationError';
  }
}

/** Validates with zod; `reportInput` lets a missing field be told apart from a wrongly typed one. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues) };
  };

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): [string, object] {
  const small = issue.code === 'too_small';
  const bound = small ? { min: Number(issue.minimum) } : { max: Number(issue.maximum) };
  if (issue.origin === 'string') return [small ? 'field.too_short' : 'field.too_long', bound];
  if (issue.origin === 'array' || issue.origin === 'set')
    return [small ? 'field.too_few' : 'field.too_many', bound];
  return [small ? 'field.too_small' : 'field.too_big', bound];
}

function describeIssue(issue: z.core.$ZodIssue, locale: Locale): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return translate(locale, 'field.required');
      if (issue.expected === 'int') return translate(locale, 'field.integer');
      return translate(locale, 'field.type', {
        type: translate(locale, `type.${issue.expected}`),
      });
    case 'too_small':
    case 'too_big': {
      const [key, params] = sizeMessage(issue);
      return translate(locale, key, params as Record<string, number>);
    }
    case 'invalid_format': {
      if (hasMessage(issue.message)) return translate(locale, issue.message);
      const specific = `field.format.${issue.format}`;
      return translate(locale, hasMessage(specific) ? specific : 'field.format');
    }
    case 'invalid_value':
      return translate(locale, 'field.one_of', { values: issue.values.map(String).join(', ') });
    default:
      return translate(locale, hasMessage(issue.message) ? issue.message : 'field.invalid');
  }
}

/** Turns zod issues into `{ field, message }` pairs in the caller's language, one per offending field. */
export function fieldErrorsFromIssues(
  issues: z.core.$ZodIssue[],
  locale: Locale,
  prefix: string,
): FieldError[] {
  return issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [path, key].join('.'),
        message: translate(locale, 'field.unknown'),
      }));
    }
    return [{ field: path, message: describeIssue(issue, locale) }];
  });
}
