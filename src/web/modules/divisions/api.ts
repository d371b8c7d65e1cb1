// The divisions' reads are public and shared by every picker, so they live in kit/queries.ts;
// this module adds only its console page's address.

export const divisionsPath = (code?: string) => (code ? `/divisions/${code}` : '/divisions');
