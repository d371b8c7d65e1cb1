import type { HoursException } from '../../src/contracts/organizations.js';

// The smallest real images of each accepted type (1×1 pixel), for upload tests.
const samples = {
  png: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  jpeg: '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  webp: 'UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==',
} as const;

export type SampleImage = keyof typeof samples;

/** A tiny valid image of the given type. */
export function sampleImage(type: SampleImage): Buffer {
  return Buffer.from(samples[type], 'base64');
}

/** A closed-day exception (a holiday) on `date`. */
export function closedDay(date: string, note = '法定节假日'): HoursException {
  return { date, intervals: [], note };
}
