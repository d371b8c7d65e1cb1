import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../contracts/permissions.js';
import type { Actor, RequestOrigin } from '../access/actor.js';
import { ForbiddenError } from '../access/route-access.js';
import type { AuditEvent } from '../writes/audit-event.js';
import { createPersonalDataCipher } from './personal-data-cipher.js';
import { createPersonalFields } from './personal-fields.js';

function recordingAudit() {
  const events: AuditEvent<string>[] = [];
  return { events, record: async (event: AuditEvent<string>) => void events.push(event) };
}

function originWith(permissions: Permission[]): RequestOrigin {
  const actor: Actor = {
    accountId: '00000000-0000-4000-8000-000000000001',
    kind: 'staff',
    displayName: '张科长',
    organizationId: null,
    roles: ['bureau_staff'],
    permissions: new Set(permissions),
    scope: { level: 'all' },
    sessionId: 's',
    restriction: null,
  };
  return { actor, ip: '127.0.0.1' };
}

describe('personal fields', () => {
  const cipher = createPersonalDataCipher('a test secret that is long enough to derive keys');

  it('should find a phone by its index when it was sealed with spaces and +86', () => {
    const fields = createPersonalFields({ cipher, audit: recordingAudit() });
    const sealed = fields.seal('phone', '+86 139-1234-5678');
    expect(sealed.cipher).not.toContain('13912345678');
    expect(sealed.index).toBe(fields.indexOf('phone', '13912345678'));
    expect(fields.phoneIndexOfQuery('13912345678')).toBe(sealed.index);
    expect(fields.phoneIndexOfQuery('张三')).toBeNull();
  });

  it('should open masked by default and in clear only when asked', () => {
    const fields = createPersonalFields({ cipher, audit: recordingAudit() });
    const phone = fields.seal('phone', '13912345678').cipher;
    const id = fields.seal('resident_id', '11010519491231002x').cipher;
    expect(fields.open('phone', phone)).toBe('139****5678');
    expect(fields.open('phone', phone, { clear: true })).toBe('13912345678');
    expect(fields.open('resident_id', id)).toBe('1101**********002X');
    expect(fields.open('income', fields.seal('income', '每月 1800 元').cipher)).toBe('***');
  });

  it('should keep no index when the kind is not looked up by value', () => {
    const fields = createPersonalFields({ cipher, audit: recordingAudit() });
    expect(fields.seal('address', '武进区湖塘镇人民中路 1 号').index).toBeNull();
    expect(() => fields.indexOf('health', '高血压')).toThrow(TypeError);
  });

  it('should seal nothing when the value is empty', () => {
    const fields = createPersonalFields({ cipher, audit: recordingAudit() });
    expect(fields.seal('phone', '  ')).toEqual({ cipher: null, index: null });
    expect(fields.open('phone', null)).toBeNull();
  });

  it('should record the unmasking when the caller holds the permission', async () => {
    const audit = recordingAudit();
    const fields = createPersonalFields({ cipher, audit });
    await fields.authorizeUnmask({
      origin: originWith(['personal_data.unmask']),
      objectType: 'volunteer',
      objectId: 'v1',
      fields: ['phone'],
    });
    expect(audit.events).toMatchObject([
      { action: 'personal_data.unmask', outcome: 'success', detail: { fields: ['phone'] } },
    ]);
  });

  it('should record a denial and refuse when the caller lacks the permission', async () => {
    const audit = recordingAudit();
    const fields = createPersonalFields({ cipher, audit });
    const request = {
      origin: originWith(['volunteers.read']),
      objectType: 'volunteer',
      objectId: 'v1',
      fields: ['phone' as const],
    };
    await expect(fields.authorizeUnmask(request)).rejects.toBeInstanceOf(ForbiddenError);
    expect(audit.events).toMatchObject([{ action: 'personal_data.unmask', outcome: 'denied' }]);
  });
});
