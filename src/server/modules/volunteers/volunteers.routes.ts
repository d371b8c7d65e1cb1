import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  listVolunteersQuerySchema,
  newServiceHoursSchema,
  newVolunteerRecordSchema,
  newVolunteerSchema,
  serviceHoursEntrySchema,
  serviceHoursListSchema,
  updateVolunteerSchema,
  volunteerHoursParamsSchema,
  volunteerIdParamsSchema,
  volunteerPageSchema,
  volunteerReadQuerySchema,
  volunteerRecordParamsSchema,
  volunteerRecordQuerySchema,
  volunteerRecordSchema,
  volunteerSchema,
  volunteerSummaryQuerySchema,
  volunteerSummarySchema,
} from '../../../contracts/volunteers.js';
import { actorOf, originOf } from '../../platform/access/request-origin.js';
import { errorResponses } from '../../platform/http/responses.js';
import type { VolunteerService } from './volunteers.service.js';

const volunteerTags = ['volunteers'];

export function volunteerRoutes(volunteers: VolunteerService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/volunteers',
      {
        config: { access: 'volunteers.read' },
        schema: {
          tags: volunteerTags,
          summary: 'Volunteers in your jurisdiction, phones masked, with hours served',
          querystring: listVolunteersQuerySchema,
          response: { 200: volunteerPageSchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => volunteers.listVolunteers(request.query, actorOf(request)),
    );

    // Static path: Fastify matches it before the parametric `/:id` whatever the order.
    app.get(
      '/api/volunteers/summary',
      {
        config: { access: 'volunteers.read' },
        schema: {
          tags: volunteerTags,
          summary: 'Counts by kind and status, this year’s hours by station, insurance ending soon',
          querystring: volunteerSummaryQuerySchema,
          response: { 200: volunteerSummarySchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => volunteers.summarize(request.query, actorOf(request)),
    );

    app.post(
      '/api/volunteers',
      {
        config: { access: 'volunteers.manage' },
        schema: {
          tags: volunteerTags,
          summary: 'Register a volunteer',
          body: newVolunteerSchema,
          response: { 201: volunteerSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await volunteers.createVolunteer(request.body, originOf(request))),
    );

    app.get(
      '/api/volunteers/:id',
      {
        config: { access: 'volunteers.read' },
        schema: {
          tags: volunteerTags,
          summary: 'One volunteer; `unmask=true` shows the phone in full (audited)',
          params: volunteerIdParamsSchema,
          querystring: volunteerReadQuerySchema,
          response: { 200: volunteerSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) =>
        volunteers.getVolunteer(
          request.params.id,
          request.query.unmask === 'true',
          originOf(request),
        ),
    );

    app.patch(
      '/api/volunteers/:id',
      {
        config: { access: 'volunteers.manage' },
        schema: {
          tags: volunteerTags,
          summary: 'Change a volunteer; send the version you saw (409 when it is stale)',
          params: volunteerIdParamsSchema,
          body: updateVolunteerSchema,
          response: { 200: volunteerSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) => volunteers.updateVolunteer(request.params.id, request.body, originOf(request)),
    );

    app.get(
      '/api/volunteers/:id/hours',
      {
        config: { access: 'volunteers.read' },
        schema: {
          tags: volunteerTags,
          summary: 'Service hours logged for a volunteer, latest first, with the total',
          params: volunteerIdParamsSchema,
          response: { 200: serviceHoursListSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) => volunteers.listHours(request.params.id, actorOf(request)),
    );

    app.post(
      '/api/volunteers/:id/hours',
      {
        config: { access: 'volunteers.manage' },
        schema: {
          tags: volunteerTags,
          summary: 'Log hours served (not in the future; at most 24 a day)',
          params: volunteerIdParamsSchema,
          body: newServiceHoursSchema,
          response: { 201: serviceHoursEntrySchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await volunteers.logHours(request.params.id, request.body, originOf(request))),
    );

    app.delete(
      '/api/volunteers/:id/hours/:entryId',
      {
        config: { access: 'volunteers.manage' },
        schema: {
          tags: volunteerTags,
          summary: 'Remove hours logged in error (audited)',
          params: volunteerHoursParamsSchema,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await volunteers.deleteHours(request.params.id, request.params.entryId, originOf(request));
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/volunteers/:id/records',
      {
        config: { access: 'volunteers.read' },
        schema: {
          tags: volunteerTags,
          summary: 'Training, commendations, rewards, insurance and rights-protection records',
          params: volunteerIdParamsSchema,
          querystring: volunteerRecordQuerySchema,
          response: { 200: z.array(volunteerRecordSchema), ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) => volunteers.listRecords(request.params.id, request.query.kind, actorOf(request)),
    );

    app.post(
      '/api/volunteers/:id/records',
      {
        config: { access: 'volunteers.manage' },
        schema: {
          tags: volunteerTags,
          summary: 'Add a training, commendation, reward, insurance or rights-protection record',
          params: volunteerIdParamsSchema,
          body: newVolunteerRecordSchema,
          response: { 201: volunteerRecordSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await volunteers.addRecord(request.params.id, request.body, originOf(request))),
    );

    app.delete(
      '/api/volunteers/:id/records/:recordId',
      {
        config: { access: 'volunteers.manage' },
        schema: {
          tags: volunteerTags,
          summary: 'Remove a record made in error (audited)',
          params: volunteerRecordParamsSchema,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await volunteers.deleteRecord(
          request.params.id,
          request.params.recordId,
          originOf(request),
        );
        return reply.code(204).send(null);
      },
    );
  };
}
