import { maskPhone, maskResidentId, maskText } from '../../../contracts/personal-data.js';
import type { RequestOrigin } from '../access/actor.js';
import { ForbiddenError } from '../access/route-access.js';
import type { Database } from '../db/client.js';
import type { AuditRecorder } from '../writes/audit-event.js';
import type { PersonalDataCipher } from './personal-data-cipher.js';

/**
 * The kinds of personal data a record may hold (PIPL; DESIGN.md "Personal data"). Each is kept
 * encrypted; the kinds people are looked up by also keep a blind index.
 */
export const personalFieldKinds = [
  'phone',
  'resident_id',
  'address',
  'income',
  'health',
  'disability',
] as const;
export type PersonalFieldKind = (typeof personalFieldKinds)[number];

interface KindRule {
  /** The one spelling that is encrypted and indexed, so equal values find each other. */
  normalize(value: string): string;
  mask(value: string): string;
  searchable: boolean;
}

const kindRules: Record<PersonalFieldKind, KindRule> = {
  phone: {
    normalize: (value) => value.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, ''),
    mask: maskPhone,
    searchable: true,
  },
  resident_id: {
    normalize: (value) => value.trim().toUpperCase(),
    mask: maskResidentId,
    searchable: true,
  },
  address: {
    normalize: (value) => value.trim(),
    mask: (value) => maskText(value, 6),
    searchable: false,
  },
  income: { normalize: (value) => value.trim(), mask: () => '***', searchable: false },
  health: {
    normalize: (value) => value.trim(),
    mask: (value) => maskText(value, 2),
    searchable: false,
  },
  disability: {
    normalize: (value) => value.trim(),
    mask: (value) => maskText(value, 2),
    searchable: false,
  },
};

/** A personal value as stored: its ciphertext and (for searchable kinds) its blind index. */
export interface SealedField {
  cipher: string | null;
  index: string | null;
}

const empty: SealedField = { cipher: null, index: null };

/** What one read of personal data in clear names, for its audit row. */
export interface UnmaskRequest {
  origin: RequestOrigin;
  objectType: string;
  objectId: string;
  fields: PersonalFieldKind[];
}

/** Personal data in one place: sealing, opening masked or clear, lookup, and audited unmasking. */
export function createPersonalFields(deps: { cipher: PersonalDataCipher; audit: AuditRecorder }) {
  const { cipher, audit } = deps;

  function seal(kind: PersonalFieldKind, value: string | null | undefined): SealedField {
    if (value === null || value === undefined || value.trim() === '') return empty;
    const rule = kindRules[kind];
    const normalized = rule.normalize(value);
    return {
      cipher: cipher.encrypt(normalized),
      index: rule.searchable ? cipher.blindIndex(normalized) : null,
    };
  }

  /** The value masked for display, or in clear when the caller was allowed to unmask it. */
  function open(
    kind: PersonalFieldKind,
    sealed: string | null | undefined,
    options: { clear?: boolean } = {},
  ): string | null {
    if (!sealed) return null;
    const value = cipher.decrypt(sealed);
    return options.clear ? value : kindRules[kind].mask(value);
  }

  /** The blind index to look a value up by (an exact match of its normalized spelling). */
  function indexOf(kind: PersonalFieldKind, value: string): string {
    const rule = kindRules[kind];
    if (!rule.searchable) throw new TypeError(`personal field ${kind} has no lookup index`);
    return cipher.blindIndex(rule.normalize(value));
  }

  /** When free search text is a whole mobile number, its index; otherwise null. */
  function phoneIndexOfQuery(query: string | undefined): string | null {
    if (!query) return null;
    const phone = kindRules.phone.normalize(query.trim());
    return /^1[3-9]\d{9}$/.test(phone) ? cipher.blindIndex(phone) : null;
  }

  /** Whether the caller may read personal data in clear (lists and exports unmask silently not). */
  function mayUnmask(origin: RequestOrigin): boolean {
    return origin.actor?.permissions.has('personal_data.unmask') ?? false;
  }

  /**
   * Records that a file leaves the system with personal data in clear: `rows` records of
   * `objectType`, by the caller, who must be allowed to unmask.
   */
  async function recordUnmaskedExport(request: {
    origin: RequestOrigin;
    objectType: string;
    fields: PersonalFieldKind[];
    rows: number;
  }): Promise<void> {
    await audit.record({
      origin: request.origin,
      action: 'personal_data.unmask',
      objectType: request.objectType,
      outcome: 'success',
      detail: { fields: request.fields, via: 'export', rows: request.rows },
    });
  }

  /**
   * Records a read in clear, or a refused one, and throws when the caller may not unmask. Pass the
   * read's transaction as `executor` when there is one, so the row and the read stay together.
   */
  async function authorizeUnmask(request: UnmaskRequest, executor?: Database): Promise<void> {
    const allowed = mayUnmask(request.origin);
    await audit.record(
      {
        origin: request.origin,
        action: 'personal_data.unmask',
        objectType: request.objectType,
        objectId: request.objectId,
        outcome: allowed ? 'success' : 'denied',
        ...(allowed ? { detail: { fields: request.fields } } : {}),
      },
      executor,
    );
    if (!allowed) throw new ForbiddenError('error.unmask_forbidden');
  }

  return {
    seal,
    open,
    indexOf,
    phoneIndexOfQuery,
    mayUnmask,
    authorizeUnmask,
    recordUnmaskedExport,
  };
}

export type PersonalFields = ReturnType<typeof createPersonalFields>;
