import { z } from 'zod';
import { pageSchema, paginationQuerySchema } from './common.js';
import { mobilePhoneSchema } from './personal-data.js';
import { accountKinds, adminKinds, dataScopeLevels, permissions } from './permissions.js';

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-zA-Z0-9._-]+$/, { error: 'account.username.format' });

/** Length only; the blocklist and context rules are checked by the server with the user's data. */
export const passwordSchema = z.string().min(1).max(128);

export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'totp.code.format' });

export const staffLoginSchema = z.strictObject({
  username: z.string().trim().min(1).max(40),
  password: passwordSchema,
});
export const totpLoginSchema = z.strictObject({ code: totpCodeSchema });
export const changePasswordSchema = z.strictObject({
  currentPassword: passwordSchema,
  newPassword: passwordSchema,
});

export const citizenCodeRequestSchema = z.strictObject({
  phone: mobilePhoneSchema,
  purpose: z.enum(['sign_up', 'sign_in']),
});
export const citizenSignUpSchema = z.strictObject({
  phone: mobilePhoneSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'one_time_code.format' }),
  displayName: z.string().trim().min(1).max(40),
  password: passwordSchema,
});
export const citizenSignInSchema = z.strictObject({
  phone: mobilePhoneSchema,
  password: passwordSchema,
});

/** Who is signed in, as the web apps see it. */
export const meSchema = z.object({
  accountId: z.uuid(),
  kind: z.enum(accountKinds),
  displayName: z.string(),
  username: z.string().nullable(),
  phone: z.string().nullable().describe('Masked'),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  roles: z.array(z.object({ code: z.string(), name: z.string() })),
  permissions: z.array(z.enum(permissions)),
  scope: z.enum(dataScopeLevels),
  totpEnabled: z.boolean(),
  totpRequired: z
    .boolean()
    .describe('A role requires a second factor the account has not enrolled'),
  passwordChangeRequired: z.boolean(),
  csrfToken: z.string().describe('Send as the x-csrf-token header on every state-changing request'),
  sessionExpiresAt: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const loginResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), me: meSchema }),
  z.object({ status: z.literal('totp_required') }),
]);
export type LoginResult = z.infer<typeof loginResultSchema>;

export const totpEnrolmentSchema = z.object({
  secret: z.string().describe('Base32, for manual entry'),
  otpauthUri: z.string(),
});

export const roleSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.enum(permissions)),
  adminKind: z.enum(adminKinds).nullable(),
  requiresTotp: z.boolean(),
  builtin: z.boolean(),
  version: z.number().int(),
});
export type Role = z.infer<typeof roleSchema>;

export const newRoleSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{2,39}$/, { error: 'role.code.format' }),
  name: z.string().trim().min(2).max(40),
  description: z.string().trim().max(200).default(''),
  permissions: z.array(z.enum(permissions)).max(permissions.length),
  requiresTotp: z.boolean().default(false),
});
export const updateRoleSchema = z.strictObject({
  name: z.string().trim().min(2).max(40).optional(),
  description: z.string().trim().max(200).optional(),
  permissions: z.array(z.enum(permissions)).max(permissions.length).optional(),
  requiresTotp: z.boolean().optional(),
  version: z.number().int().min(1),
});

export const accountSchema = z.object({
  id: z.uuid(),
  kind: z.enum(accountKinds),
  username: z.string().nullable(),
  displayName: z.string(),
  phone: z
    .string()
    .nullable()
    .describe('Masked unless unmasked with the personal_data.unmask permission'),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  roles: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  status: z.enum(['active', 'disabled']),
  totpEnabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountQuerySchema = paginationQuerySchema.extend({
  kind: z.enum(accountKinds).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  organizationId: z.uuid().optional(),
  q: z.string().trim().min(1).max(40).optional(),
});
export const accountPageSchema = pageSchema(accountSchema);

export const newStaffAccountSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(40),
  phone: mobilePhoneSchema.nullable().default(null),
  organizationId: z.uuid(),
  roleIds: z.array(z.uuid()).max(10).default([]),
});
/** The new account and its one-time initial password, shown once to the administrator. */
export const createdAccountSchema = z.object({
  account: accountSchema,
  initialPassword: z.string(),
});

export const updateAccountSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(40).optional(),
  roleIds: z.array(z.uuid()).max(10).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  version: z.number().int().min(1),
});

export const unmaskQuerySchema = z.strictObject({
  unmask: z.enum(['true', 'false']).optional().describe('Needs personal_data.unmask; audited'),
});

export const sessionSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  accountName: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const sessionQuerySchema = paginationQuerySchema.extend({ accountId: z.uuid().optional() });
export const sessionPageSchema = pageSchema(sessionSchema);
export const idParamsSchema = z.strictObject({ id: z.uuid() });
