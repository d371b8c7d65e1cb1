import { z } from 'zod';
import { isoDateSchema, pageSchema, paginationQuerySchema } from './common.js';
import { partnerKinds } from './values.js';

export { partnerKinds, type PartnerKind } from './values.js';

/** An office number (landline, extension, hotline): not personal data, checked loosely. */
export const officePhoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+()\-\s转,，/]{3,40}$/, { error: 'partner.contact_phone.format' });

export const partnerSchema = z.object({
  id: z.uuid(),
  kind: z.enum(partnerKinds),
  name: z.string(),
  organizationId: z.uuid().describe('The organization that deals with the partner'),
  organizationName: z.string(),
  divisionCode: z.string(),
  linkedOrganizationId: z.uuid().nullable().describe('Its own directory entry (e.g. a law firm)'),
  linkedOrganizationName: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  volunteerCount: z.number().int().describe('Volunteers it recruited'),
  agreementCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Partner = z.infer<typeof partnerSchema>;

export const partnerPageSchema = pageSchema(partnerSchema);

export const listPartnersQuerySchema = paginationQuerySchema.extend({
  kind: z.enum(partnerKinds).optional(),
  q: z.string().trim().min(1).max(50).optional().describe('Part of the name'),
});
export type ListPartnersQuery = z.infer<typeof listPartnersQuerySchema>;

export const partnerIdParamsSchema = z.strictObject({ id: z.uuid() });

export const newPartnerSchema = z.strictObject({
  kind: z.enum(partnerKinds),
  name: z.string().trim().min(2).max(100),
  organizationId: z.uuid().optional().describe('Default: your organization'),
  linkedOrganizationId: z.uuid().nullable().default(null),
  contactName: z.string().trim().max(50).default(''),
  contactPhone: officePhoneSchema.nullable().default(null),
});
export type NewPartner = z.input<typeof newPartnerSchema>;

export const updatePartnerSchema = z.strictObject({
  kind: z.enum(partnerKinds).optional(),
  name: z.string().trim().min(2).max(100).optional(),
  linkedOrganizationId: z.uuid().nullable().optional(),
  contactName: z.string().trim().max(50).optional(),
  contactPhone: officePhoneSchema.nullable().optional(),
  version: z.number().int().min(1),
});
export type PartnerUpdate = z.infer<typeof updatePartnerSchema>;

export const partnerAgreementSchema = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  title: z.string(),
  stationId: z.uuid().nullable(),
  stationName: z.string().nullable(),
  signedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  terms: z.string(),
  createdAt: z.string(),
});
export type PartnerAgreement = z.infer<typeof partnerAgreementSchema>;

export const newPartnerAgreementSchema = z.strictObject({
  title: z.string().trim().min(2).max(100),
  stationId: z.uuid().nullable().default(null).describe('The station the partner helps run'),
  signedOn: isoDateSchema,
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable().default(null).describe('Open-ended when absent'),
  terms: z.string().trim().max(2000).default(''),
});
export type NewPartnerAgreement = z.input<typeof newPartnerAgreementSchema>;
