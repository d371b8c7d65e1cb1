import { actorOf, originOf, signedInOriginOf } from '../../platform/access/request-origin.js';
import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountPageSchema,
  accountQuerySchema,
  accountSchema,
  changePasswordSchema,
  citizenCodeRequestSchema,
  citizenSignInSchema,
  citizenSignUpSchema,
  createdAccountSchema,
  idParamsSchema,
  loginResultSchema,
  meSchema,
  newRoleSchema,
  newStaffAccountSchema,
  roleSchema,
  sessionPageSchema,
  sessionQuerySchema,
  staffLoginSchema,
  totpEnrolmentSchema,
  totpLoginSchema,
  unmaskQuerySchema,
  updateAccountSchema,
  updateRoleSchema,
  type LoginResult,
} from '../../../contracts/identity.js';
import { localeFromHeader } from '../../platform/http/locale.js';
import { errorResponses } from '../../platform/http/responses.js';
import type { IdentityService, IssuedSession, LoginOutcome } from './identity.service.js';

export interface SessionCookie {
  name: string;
  secure: boolean;
  maxAgeSeconds: number;
}

/** Requests per minute from one address, for the routes that guess at secrets or send SMS. */
export interface IdentityRateLimits {
  loginPerMinute: number;
  codesPerMinute: number;
}

const tags = ['identity'];

export function identityRoutes(
  identity: IdentityService,
  cookie: SessionCookie,
  limits: IdentityRateLimits,
  findOrganization: (id: string) => Promise<{ divisionCode: string } | undefined>,
): FastifyPluginAsyncZod {
  function setSessionCookie(reply: FastifyReply, issued: IssuedSession) {
    reply.setCookie(cookie.name, issued.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: cookie.secure,
      maxAge: cookie.maxAgeSeconds,
    });
  }

  async function answerLogin(
    request: FastifyRequest,
    reply: FastifyReply,
    outcome: LoginOutcome,
  ): Promise<LoginResult> {
    setSessionCookie(reply, outcome.issued);
    if (outcome.status === 'totp_required') return { status: 'totp_required' };
    const actor = await identity.resolveSession(outcome.issued.token);
    return { status: 'signed_in', me: await identity.me(actor!) };
  }

  const loginLimit = { rateLimit: { max: limits.loginPerMinute, timeWindow: 60_000 } };
  const codeLimit = { rateLimit: { max: limits.codesPerMinute, timeWindow: 60_000 } };
  const userAgent = (request: FastifyRequest) => request.headers['user-agent'] ?? null;

  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { access: 'public', ...loginLimit },
        schema: {
          tags,
          summary: 'Staff sign-in with username and password',
          body: staffLoginSchema,
          response: { 200: loginResultSchema, ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) => {
        const outcome = await identity.loginStaff(
          request.body.username,
          request.body.password,
          originOf(request),
          userAgent(request),
        );
        return answerLogin(request, reply, outcome);
      },
    );

    app.post(
      '/api/auth/totp',
      {
        config: { access: 'public', ...loginLimit },
        schema: {
          tags,
          summary: 'Second step of a staff sign-in: the authenticator code',
          body: totpLoginSchema,
          response: { 200: loginResultSchema, ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) => {
        const { issued } = await identity.completeTotp(
          request.cookies[cookie.name],
          request.body.code,
          originOf(request),
        );
        return answerLogin(request, reply, {
          status: 'signed_in',
          issued,
          accountId: issued.session.accountId,
        });
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: 'signed_in', allowWhileRestricted: true },
        schema: {
          tags,
          summary: 'The signed-in user, with the CSRF token',
          response: { 200: meSchema, ...errorResponses(401) },
        },
      },
      (request) => identity.me(actorOf(request)),
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: 'signed_in', allowWhileRestricted: true },
        schema: {
          tags,
          summary: 'End this session',
          response: { 204: z.null(), ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        await identity.logout(signedInOriginOf(request));
        reply.clearCookie(cookie.name, {
          path: '/',
          secure: cookie.secure,
          httpOnly: true,
          sameSite: 'lax',
        });
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'signed_in', allowWhileRestricted: true },
        schema: {
          tags,
          summary: 'Change the password; every session of the user ends and a new one starts',
          body: changePasswordSchema,
          response: { 200: meSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const issued = await identity.changePassword(
          request.body.currentPassword,
          request.body.newPassword,
          signedInOriginOf(request),
          userAgent(request),
        );
        setSessionCookie(reply, issued);
        return identity.me((await identity.resolveSession(issued.token))!);
      },
    );

    app.post(
      '/api/auth/totp/enrolment',
      {
        config: { access: 'signed_in', allowWhileRestricted: true },
        schema: {
          tags,
          summary: 'Start enrolling an authenticator app',
          response: { 200: totpEnrolmentSchema, ...errorResponses(401, 403) },
        },
      },
      (request) => identity.startTotpEnrolment(actorOf(request)),
    );

    app.post(
      '/api/auth/totp/enrolment/confirm',
      {
        config: { access: 'signed_in', allowWhileRestricted: true, ...loginLimit },
        schema: {
          tags,
          summary: 'Confirm the enrolment with a first code',
          body: totpLoginSchema,
          response: { 200: meSchema, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        await identity.confirmTotpEnrolment(request.body.code, signedInOriginOf(request));
        return identity.me((await identity.resolveSession(request.cookies[cookie.name]))!);
      },
    );

    app.post(
      '/api/citizen/codes',
      {
        config: { access: 'public', ...codeLimit },
        schema: {
          tags,
          summary: 'Send a one-time code to a mobile number (sign-up or sign-in)',
          body: citizenCodeRequestSchema,
          response: {
            202: z.object({ sentTo: z.string(), expiresInSeconds: z.number() }),
            ...errorResponses(400, 409, 429),
          },
        },
      },
      async (request, reply) => {
        const locale = localeFromHeader(request.headers['accept-language']);
        const sent = await identity.requestCitizenCode(
          request.body.phone,
          request.body.purpose,
          originOf(request),
          locale,
        );
        return reply.code(202).send(sent);
      },
    );

    app.post(
      '/api/citizen/sign-up',
      {
        config: { access: 'public', ...loginLimit },
        schema: {
          tags,
          summary: 'Create a citizen account with the code sent by SMS',
          body: citizenSignUpSchema,
          response: { 200: loginResultSchema, ...errorResponses(400, 409, 429) },
        },
      },
      async (request, reply) =>
        answerLogin(
          request,
          reply,
          await identity.signUpCitizen(request.body, originOf(request), userAgent(request)),
        ),
    );

    app.post(
      '/api/citizen/sign-in',
      {
        config: { access: 'public', ...loginLimit },
        schema: {
          tags,
          summary: 'Citizen sign-in with mobile number and password',
          body: citizenSignInSchema,
          response: { 200: loginResultSchema, ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) =>
        answerLogin(
          request,
          reply,
          await identity.loginCitizen(
            request.body.phone,
            request.body.password,
            originOf(request),
            userAgent(request),
          ),
        ),
    );

    app.get(
      '/api/accounts',
      {
        config: { access: 'accounts.read' },
        schema: {
          tags,
          summary: 'Accounts within the caller’s jurisdiction',
          querystring: accountQuerySchema,
          response: { 200: accountPageSchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => identity.listAccounts(request.query, actorOf(request)),
    );

    app.post(
      '/api/accounts',
      {
        config: { access: 'accounts.manage' },
        schema: {
          tags,
          summary: 'Create a staff account; its initial password is shown once',
          body: newStaffAccountSchema,
          response: { 201: createdAccountSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await identity.createStaffAccount(
              request.body,
              signedInOriginOf(request),
              findOrganization,
            ),
          ),
    );

    app.get(
      '/api/accounts/:id',
      {
        config: { access: 'accounts.read' },
        schema: {
          tags,
          summary: 'One account; `unmask=true` shows the phone in full (audited)',
          params: idParamsSchema,
          querystring: unmaskQuerySchema,
          response: { 200: accountSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) =>
        identity.getAccount(
          request.params.id,
          request.query.unmask === 'true',
          signedInOriginOf(request),
        ),
    );

    app.patch(
      '/api/accounts/:id',
      {
        config: { access: 'accounts.manage' },
        schema: {
          tags,
          summary: 'Change name, roles or status; roles and disabling end the account’s sessions',
          params: idParamsSchema,
          body: updateAccountSchema,
          response: { 200: accountSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) =>
        identity.updateAccount(request.params.id, request.body, signedInOriginOf(request)),
    );

    app.get(
      '/api/roles',
      {
        config: { access: 'accounts.read' },
        schema: {
          tags,
          summary: 'Every role with its permissions',
          response: { 200: z.array(roleSchema), ...errorResponses(401, 403) },
        },
      },
      () => identity.listRoles(),
    );

    app.post(
      '/api/roles',
      {
        config: { access: 'roles.manage' },
        schema: {
          tags,
          summary: 'Create a role',
          body: newRoleSchema,
          response: { 201: roleSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await identity.createRole(request.body, originOf(request))),
    );

    app.patch(
      '/api/roles/:id',
      {
        config: { access: 'roles.manage' },
        schema: {
          tags,
          summary: 'Change a role; holders’ sessions end when its permissions change',
          params: idParamsSchema,
          body: updateRoleSchema,
          response: { 200: roleSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) => identity.updateRole(request.params.id, request.body, originOf(request)),
    );

    app.get(
      '/api/sessions',
      {
        config: { access: 'sessions.read' },
        schema: {
          tags,
          summary: 'Live sessions within the caller’s jurisdiction',
          querystring: sessionQuerySchema,
          response: { 200: sessionPageSchema, ...errorResponses(400, 401, 403) },
        },
      },
      (request) => identity.listSessions(request.query, actorOf(request)),
    );

    app.delete(
      '/api/sessions/:id',
      {
        config: { access: 'sessions.manage' },
        schema: {
          tags,
          summary: 'End a session at once',
          params: idParamsSchema,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await identity.endSession(request.params.id, signedInOriginOf(request));
        return reply.code(204).send(null);
      },
    );
  };
}
