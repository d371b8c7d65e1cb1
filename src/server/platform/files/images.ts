import type { PhotoMediaType } from '../../../contracts/photos.js';

const signatures: Array<{ type: PhotoMediaType; matches: (bytes: Uint8Array) => boolean }> = [
  // JPEG: SOI marker followed by the first segment's marker byte.
  { type: 'image/jpeg', matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]) },
  // PNG: the fixed 8-byte signature.
  {
    type: 'image/png',
    matches: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  // WebP: a RIFF container ("RIFF", 4-byte size, "WEBP").
  {
    type: 'image/webp',
    matches: (bytes) =>
      startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) &&
      startsWith(bytes.subarray(8), [0x57, 0x45, 0x42, 0x50]),
  },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * The image type the content really is, from its first bytes, or null when it is none of the
 * accepted ones. The declared Content-Type is never trusted alone: a file served back with the
 * wrong type could be run as something else by a browser.
 */
export function sniffImageType(bytes: Uint8Array): PhotoMediaType | null {
  return signatures.find((signature) => signature.matches(bytes))?.type ?? null;
}
