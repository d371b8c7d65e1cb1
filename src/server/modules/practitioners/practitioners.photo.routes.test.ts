import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import { buildPractitioner } from '../../../../test/helpers/factories.practitioners.js';
import type { Practitioner } from '../../../contracts/practitioners.js';
import { storedFiles } from '../../platform/files/files.tables.js';
import { practitioners } from './practitioners.tables.js';

/** A real 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** JPEG start-of-image and APP0 markers, padded to `size` bytes (the server checks the signature). */
function jpeg(size = 2_048): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]).copy(bytes);
  return bytes;
}

describe('practitioner photo routes', () => {
  let context: TestContext;
  let wujin: SignedIn;
  let subject: Practitioner;

  beforeAll(async () => {
    context = await createTestContext();
    wujin = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    const firm = await context.services.organizations.createOrganization(
      buildOrganization({ name: '照片测试律师事务所' }),
    );
    subject = await context.services.practitioners.createPractitioner(
      buildPractitioner(firm.id, { name: '照片测试律师' }),
    );
  });
  afterAll(() => context.close());

  const url = () => `/api/practitioners/${subject.id}/photo`;
  const upload = (as: SignedIn | null, body: Buffer, contentType: string) =>
    context.app.inject({
      method: 'POST',
      url: url(),
      headers: { ...(as?.headers ?? {}), 'content-type': contentType },
      payload: body,
    });
  const fetchPhoto = (as: SignedIn | null, headers: Record<string, string> = {}) =>
    context.app.inject({
      method: 'GET',
      url: url(),
      headers: { ...(as?.headers ?? {}), ...headers },
    });
  const photoFileId = async () => {
    const [row] = await context.database.db
      .select({ fileId: practitioners.photoFileId })
      .from(practitioners)
      .where(eq(practitioners.id, subject.id));
    return row?.fileId ?? null;
  };
  const fileExists = async (id: string) =>
    (await context.database.db.select().from(storedFiles).where(eq(storedFiles.id, id))).length ===
    1;

  it('should store a PNG, answer its URL and serve the same bytes with an ETag', async () => {
    const response = await upload(wujin, png, 'image/png');
    expect(response.statusCode).toBe(200);
    const updated = response.json() as Practitioner;
    expect(updated.photoUrl).toMatch(new RegExp(`^/api/practitioners/${subject.id}/photo\\?v=`));
    expect(updated.version).toBe(subject.version);

    const served = await context.app.inject({
      method: 'GET',
      url: updated.photoUrl!,
      headers: wujin.headers,
    });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toContain('private');
    expect(served.rawPayload.equals(png)).toBe(true);

    const again = await fetchPhoto(wujin, { 'if-none-match': String(served.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('should replace the photo, delete the old image and audit both uploads', async () => {
    const before = await photoFileId();
    const response = await upload(wujin, jpeg(200_000), 'image/jpeg');
    expect(response.statusCode).toBe(200);
    const after = await photoFileId();
    expect(after).not.toBe(before);
    expect(await fileExists(before!)).toBe(false);
    expect((await fetchPhoto(wujin)).headers['content-type']).toBe('image/jpeg');
    const trail = await context.services.audit.search({
      limit: 5,
      offset: 0,
      action: 'practitioner.photo.set',
      objectId: subject.id,
    });
    expect(trail.total).toBe(2);
  });

  it('should answer 400 naming the body when the bytes are not the declared image type', async () => {
    const response = await upload(wujin, jpeg(), 'image/png');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'body', message: '照片应为 JPEG、PNG 或 WebP 图片，且与声明的类型一致' },
    ]);
  });

  it('should answer 400 when the upload is not an image type at all', async () => {
    const response = await upload(wujin, Buffer.from('GIF89a'), 'image/gif');
    expect(response.statusCode).toBe(400);
  });

  it('should answer 413 when the photo is larger than 3 MB', async () => {
    const response = await upload(wujin, jpeg(3 * 1024 * 1024 + 1), 'image/jpeg');
    expect(response.statusCode).toBe(413);
  });

  it('should remove the photo and its image, then answer 404 for it', async () => {
    const fileId = await photoFileId();
    const response = await context.app.inject({
      method: 'DELETE',
      url: url(),
      headers: wujin.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().photoUrl).toBeNull();
    expect(await fileExists(fileId!)).toBe(false);
    expect((await fetchPhoto(wujin)).statusCode).toBe(404);
    const twice = await context.app.inject({
      method: 'DELETE',
      url: url(),
      headers: wujin.headers,
    });
    expect(twice.statusCode).toBe(404);
  });
});
