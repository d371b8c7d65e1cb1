import { describe, expect, it } from 'vitest';
import { sampleImage } from '../../../../test/helpers/factories.organizations.js';
import { sniffImageType } from './images.js';

describe('sniffImageType', () => {
  it('should recognise each accepted type when given a real image of it', () => {
    expect(sniffImageType(sampleImage('png'))).toBe('image/png');
    expect(sniffImageType(sampleImage('jpeg'))).toBe('image/jpeg');
    expect(sniffImageType(sampleImage('webp'))).toBe('image/webp');
  });

  it('should answer null when the content is something else or too short', () => {
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
    // A RIFF container that is not WebP (a WAV file).
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});
