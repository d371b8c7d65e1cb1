import type { PersonalFields } from '../platform/crypto/personal-fields.js';
import { systemOrigin } from '../modules/identity/identity.core.js';
import { createIdentityRepository } from '../modules/identity/identity.repository.js';
import { generatePassword, hashPassword } from '../modules/identity/passwords.js';
import type { Writer } from '../platform/writes/writes.js';

/** What the demo accounts are written with: the services' audited write path and personal fields. */
export interface DemoIdentityDependencies {
  writer: Writer;
  personalFields: PersonalFields;
}

export interface DemoStaff {
  username: string;
  displayName: string;
  organizationId: string | null;
  roleCodes: string[];
  mustChangePassword: boolean;
}

/**
 * A staff account with a known role set and a random password, returned once: the platform never
 * has a default password, not even in a demo. Demo accounts are data, not anyone's action, so
 * they leave no audit row.
 */
export async function createDemoStaff(
  deps: DemoIdentityDependencies,
  staff: DemoStaff,
): Promise<string> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await deps.writer.write(systemOrigin, async ({ tx }) => {
    const repository = createIdentityRepository(tx);
    const roleIds: string[] = [];
    for (const code of staff.roleCodes) {
      const role = await repository.findRoleByCode(code);
      if (!role) throw new Error(`no role ${code}; run ensureBuiltinRoles first`);
      roleIds.push(role.id);
    }
    const id = await repository.insertAccount({
      kind: 'staff',
      username: staff.username,
      displayName: staff.displayName,
      organizationId: staff.organizationId,
      passwordHash,
      mustChangePassword: staff.mustChangePassword,
    });
    await repository.setAccountRoles(id, roleIds);
  });
  return password;
}

/** A citizen account with a random password, returned once. */
export async function createDemoCitizen(
  deps: DemoIdentityDependencies,
  citizen: { phone: string; displayName: string },
): Promise<string> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const phone = deps.personalFields.seal('phone', citizen.phone);
  await deps.writer.write(systemOrigin, async ({ tx }) => {
    await createIdentityRepository(tx).insertAccount({
      kind: 'citizen',
      displayName: citizen.displayName,
      phoneCipher: phone.cipher,
      phoneIndex: phone.index,
      passwordHash,
    });
  });
  return password;
}
