import { ApiError } from './api.js';
import { errorMessage } from './ui/ErrorState.js';
import type { Translate } from './i18n/I18nProvider.js';

export interface PlacedFieldError<Name extends string> {
  name: Name;
  errors: string[];
}

/**
 * Splits a failed submission into messages for the form's own fields (the server names them
 * `body.<field>`, or `body.<field>.<index>` inside a list) and one message for the whole form,
 * which is `null` when every problem found its field.
 */
export function placeFormError<Name extends string>(
  error: unknown,
  names: readonly Name[],
  t: Translate,
): { fields: Array<PlacedFieldError<Name>>; message: string | null } {
  if (!(error instanceof ApiError) || error.fields.length === 0) {
    return { fields: [], message: errorMessage(error, t) };
  }
  const placed = new Map<Name, string[]>();
  const unplaced: string[] = [];
  for (const problem of error.fields) {
    const [source, field] = problem.field.split('.');
    const name = names.find((candidate) => candidate === field);
    if (source !== 'body' || !name) {
      unplaced.push(problem.message);
      continue;
    }
    placed.set(name, [...(placed.get(name) ?? []), problem.message]);
  }
  return {
    fields: [...placed].map(([name, errors]) => ({ name, errors })),
    message: unplaced.length > 0 ? unplaced.join(' ') : placed.size === 0 ? error.message : null,
  };
}
