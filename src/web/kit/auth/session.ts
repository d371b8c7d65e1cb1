import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { LoginResult, Me } from '../../../contracts/identity.js';
import type { Permission } from '../../../contracts/permissions.js';
import { ApiError, apiGet, apiPost, setCsrfToken, subscribeUnauthenticated } from '../api.js';

export const meQueryKey = ['auth', 'me'] as const;

/** Who is signed in, or `null` when nobody is (the server answers 401). */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    const me = await apiGet<Me>('/api/auth/me', {}, signal);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
  });
}

/**
 * Everything cached under the previous session belongs to it. The settings stay, and so does
 * the `me` query itself: it is overwritten next, and its observers must see that.
 */
function forgetSessionData(queryClient: QueryClient): void {
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== 'settings' && query.queryKey[0] !== meQueryKey[0],
  });
}

/** Records a new session: its token for the next writes and its user for the screens. */
export function storeMe(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQueryKey, me);
}

// Whether the last session ended by the user's own choice: the sign-in page then starts afresh
// instead of offering to return to where they were.
let endedByUser = false;

export function sessionEndedByUser(): boolean {
  return endedByUser;
}

export function startSession(queryClient: QueryClient, me: Me): void {
  endedByUser = false;
  forgetSessionData(queryClient);
  storeMe(queryClient, me);
}

export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  forgetSessionData(queryClient);
  queryClient.setQueryData(meQueryKey, null);
}

/** A 401 from any request means the session is over (expired, ended by an administrator). */
export function useSessionWatcher(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeUnauthenticated(() => {
        if (queryClient.getQueryData(meQueryKey)) endSession(queryClient);
      }),
    [queryClient],
  );
}

export function hasPermission(me: Me | null | undefined, permission: Permission): boolean {
  return Boolean(me?.permissions.includes(permission));
}

export const authApi = {
  login: (body: { username: string; password: string }) =>
    apiPost<LoginResult>('/api/auth/login', body),
  totpLogin: (body: { code: string }) => apiPost<LoginResult>('/api/auth/totp', body),
  logout: () => apiPost<void>('/api/auth/logout'),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    apiPost<Me>('/api/auth/password', body),
  startTotpEnrolment: () =>
    apiPost<{ secret: string; otpauthUri: string }>('/api/auth/totp/enrolment'),
  confirmTotpEnrolment: (body: { code: string }) =>
    apiPost<Me>('/api/auth/totp/enrolment/confirm', body),
  requestCitizenCode: (body: { phone: string; purpose: 'sign_up' | 'sign_in' }) =>
    apiPost<{ sentTo: string; expiresInSeconds: number }>('/api/citizen/codes', body),
  citizenSignUp: (body: { phone: string; code: string; displayName: string; password: string }) =>
    apiPost<LoginResult>('/api/citizen/sign-up', body),
  citizenSignIn: (body: { phone: string; password: string }) =>
    apiPost<LoginResult>('/api/citizen/sign-in', body),
};

/** Signs out on the server, then forgets the session here even when the server was unreachable. */
export async function signOut(queryClient: QueryClient): Promise<void> {
  endedByUser = true;
  try {
    await authApi.logout();
  } finally {
    endSession(queryClient);
  }
}
