import { errorBodySchema } from '../../../contracts/errors.js';

/** Documents the error answers of a route in OpenAPI, all with the one error body. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, errorBodySchema]));
}
