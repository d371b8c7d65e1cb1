import type { z } from 'zod';
import { InputError } from './errors.js';

/** One field's problem as a 400 names it (a message key, with values for its placeholders). */
export function fieldProblem(
  field: string,
  message: string,
  params?: Record<string, string | number>,
): InputError {
  return new InputError([{ field, message, ...(params ? { params } : {}) }]);
}

/**
 * Validates what callers other than routes (the seed, imports, other services) pass to a
 * service, naming the fields as the route would (`body.<path>`), so every caller gets one answer.
 */
export function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map((issue) => ({
      field: ['body', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}
