import type { ErrorCode } from '../../contracts/errors.js';

/** A field problem as services raise it: a message key, with values for its placeholders. */
export interface FieldProblem {
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

/**
 * Typed errors thrown by services; the HTTP error handler maps each to its status code in one place.
 * `messageKey` names a server message (see http/messages.ts) so the client gets its own language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly fields?: FieldProblem[],
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string | number) {
    super('not_found', 'error.not_found', { entity, id: String(id) });
  }
}

export class ConflictError extends AppError {
  constructor(messageKey = 'error.conflict', params: Record<string, string | number> = {}) {
    super('conflict', messageKey, params);
  }
}

export class StaleVersionError extends AppError {
  constructor(entity: string, expected: number) {
    super('stale_version', 'error.stale_version', { entity, version: expected });
  }
}

export class InputError extends AppError {
  constructor(fields: FieldProblem[]) {
    super('validation_failed', 'error.validation_failed', {}, fields);
  }
}
