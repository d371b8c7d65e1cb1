// Limits of uploaded photos, free of zod so the web apps can check a file before sending it.

/** The image types a photo may be uploaded as; the server also checks the file's first bytes. */
export const photoMediaTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMediaType = (typeof photoMediaTypes)[number];

export function isPhotoMediaType(value: string | null | undefined): value is PhotoMediaType {
  return (photoMediaTypes as readonly string[]).includes(value ?? '');
}

/** The largest photo accepted: a phone picture after the browser has downscaled it fits easily. */
export const photoMaxBytes = 3 * 1024 * 1024;

/** Photos per organization: enough for the entrance, the hall, the notice board and the staff. */
export const organizationPhotoLimit = 12;

export const photoCaptionMaxLength = 100;
