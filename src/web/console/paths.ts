export const loginPath = '/login';
export const passwordPath = '/account/password';
export const totpPath = '/account/totp';

export { safeNext, withNext } from '../kit/next-path.js';
