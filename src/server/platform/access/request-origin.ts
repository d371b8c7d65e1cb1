import type { FastifyRequest } from 'fastify';
import type { Actor, RequestOrigin, SignedInOrigin } from './actor.js';

/** Who made the request and from where, as services and the audit trail take it. */
export function originOf(request: FastifyRequest): RequestOrigin {
  return { actor: request.actor, ip: request.ip };
}

/** The signed-in user of a route that declares a permission (access control let it through). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('route declared a permission but has no actor');
  return request.actor;
}

/** The origin of a request to a route that declared a permission (so it has an actor). */
export function signedInOriginOf(request: FastifyRequest): SignedInOrigin {
  return { actor: actorOf(request), ip: request.ip };
}
