import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  listPartnersQuerySchema,
  newPartnerAgreementSchema,
  newPartnerSchema,
  partnerAgreementSchema,
  partnerIdParamsSchema,
  partnerPageSchema,
  partnerSchema,
  updatePartnerSchema,
} from '../../../contracts/partners.js';
import { actorOf, originOf } from '../../platform/access/request-origin.js';
import { errorResponses } from '../../platform/http/responses.js';
import type { PartnerService } from './partners.service.js';

const partnerTags = ['partners'];

/** Partners are managed by whoever manages volunteers: the same permissions guard them. */
export function partnerRoutes(partners: PartnerService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/partners',
      {
        config: { access: 'volunteers.read' },
        schema: {
          tags: partnerTags,
          summary: 'Partners that recruit volunteers or help run stations',
          querystring: listPartnersQuerySchema,
          response: { 200: partnerPageSchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => partners.listPartners(request.query, actorOf(request)),
    );

    app.post(
      '/api/partners',
      {
        config: { access: 'volunteers.manage' },
        schema: {
          tags: partnerTags,
          summary: 'Register a partner (civilization office, social organization, law firm …)',
          body: newPartnerSchema,
          response: { 201: partnerSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await partners.createPartner(request.body, originOf(request))),
    );

    app.get(
      '/api/partners/:id',
      {
        config: { access: 'volunteers.read' },
        schema: {
          tags: partnerTags,
          summary: 'One partner',
          params: partnerIdParamsSchema,
          response: { 200: partnerSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) => partners.getPartner(request.params.id, actorOf(request)),
    );

    app.patch(
      '/api/partners/:id',
      {
        config: { access: 'volunteers.manage' },
        schema: {
          tags: partnerTags,
          summary: 'Change a partner; send the version you saw (409 when it is stale)',
          params: partnerIdParamsSchema,
          body: updatePartnerSchema,
          response: { 200: partnerSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) => partners.updatePartner(request.params.id, request.body, originOf(request)),
    );

    app.get(
      '/api/partners/:id/agreements',
      {
        config: { access: 'volunteers.read' },
        schema: {
          tags: partnerTags,
          summary: 'A partner’s agreements, latest first',
          params: partnerIdParamsSchema,
          response: {
            200: z.array(partnerAgreementSchema),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      (request) => partners.listAgreements(request.params.id, actorOf(request)),
    );

    app.post(
      '/api/partners/:id/agreements',
      {
        config: { access: 'volunteers.manage' },
        schema: {
          tags: partnerTags,
          summary: 'Record an agreement with its term and, if any, the station it concerns',
          params: partnerIdParamsSchema,
          body: newPartnerAgreementSchema,
          response: { 201: partnerAgreementSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await partners.addAgreement(request.params.id, request.body, originOf(request))),
    );
  };
}
