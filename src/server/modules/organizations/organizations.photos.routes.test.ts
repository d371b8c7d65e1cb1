import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';
import { signInStaff, type SignedIn } from '../../../../test/helpers/auth.js';
import { buildOrganization } from '../../../../test/helpers/factories.js';
import { sampleImage } from '../../../../test/helpers/factories.organizations.js';
import type { Organization, OrganizationPhoto } from '../../../contracts/organizations.js';
import { organizationPhotoLimit, photoMaxBytes } from '../../../contracts/photos.js';
import { createFileRepository } from '../../platform/files/files.repository.js';
import { createOrganizationRepository } from './organizations.repository.js';

describe('organization photo routes', () => {
  let context: TestContext;
  let wujin: SignedIn;
  let tianning: SignedIn;
  let station: Organization;

  beforeAll(async () => {
    context = await createTestContext();
    wujin = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320412' });
    tianning = await signInStaff(context, { roles: ['bureau_staff'], divisionCode: '320402' });
    station = await context.services.organizations.createOrganization(
      buildOrganization({ type: 'legal_aid_station', name: '湖塘镇照片测试工作站' }),
    );
  });
  afterAll(() => context.close());

  const photosUrl = (id: string) => `/api/organizations/${id}/photos`;

  function upload(
    as: SignedIn | null,
    options: { id?: string; type?: string; body?: Buffer | string; caption?: string } = {},
  ) {
    const query =
      options.caption === undefined ? '' : `?caption=${encodeURIComponent(options.caption)}`;
    return context.app.inject({
      method: 'POST',
      url: `${photosUrl(options.id ?? station.id)}${query}`,
      headers: { ...(as?.headers ?? {}), 'content-type': options.type ?? 'image/png' },
      payload: options.body ?? sampleImage('png'),
    });
  }

  const patch = (as: SignedIn, photoId: string, payload: object, id = station.id) =>
    context.app.inject({
      method: 'PATCH',
      url: `${photosUrl(id)}/${photoId}`,
      headers: as.headers,
      payload,
    });

  const remove = (as: SignedIn | null, photoId: string, id = station.id) =>
    context.app.inject({
      method: 'DELETE',
      url: `${photosUrl(id)}/${photoId}`,
      headers: as?.headers ?? {},
    });

  const photosOf = async (id: string) =>
    ((await context.app.inject(`/api/organizations/${id}`)).json() as Organization).photos;

  async function freshStation(name: string): Promise<Organization> {
    return context.services.organizations.createOrganization(
      buildOrganization({ type: 'legal_aid_station', name }),
    );
  }

  describe('POST /api/organizations/:id/photos', () => {
    it('should store the photo, list it on the organization and audit it when a manager uploads a PNG', async () => {
      // Read once first, so the answer is in the public cache and must be refreshed by the upload.
      expect(await photosOf(station.id)).toEqual([]);
      const response = await upload(wujin, { caption: '工作站入口' });
      expect(response.statusCode).toBe(201);
      const photo = response.json() as OrganizationPhoto;
      expect(photo).toEqual({
        id: expect.any(String),
        url: `/api/organizations/${station.id}/photos/${photo.id}`,
        caption: '工作站入口',
      });
      expect(await photosOf(station.id)).toEqual([photo]);
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'organization.photo.create',
        objectId: station.id,
      });
      expect(trail.items[0]).toMatchObject({
        actorId: wujin.accountId,
        detail: { photoId: photo.id, contentType: 'image/png' },
      });
    });

    it('should accept JPEG and WebP when their content matches the declared type', async () => {
      const target = await freshStation('类型测试工作站');
      expect(
        (await upload(wujin, { id: target.id, type: 'image/jpeg', body: sampleImage('jpeg') }))
          .statusCode,
      ).toBe(201);
      expect(
        (await upload(wujin, { id: target.id, type: 'image/webp', body: sampleImage('webp') }))
          .statusCode,
      ).toBe(201);
      expect(await photosOf(target.id)).toHaveLength(2);
    });

    it('should answer 400 naming the body when a PNG is sent as image/jpeg', async () => {
      const response = await upload(wujin, { type: 'image/jpeg', body: sampleImage('png') });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'body', message: '文件内容不是声明的 image/jpeg 格式图片' },
      ]);
    });

    it('should answer 400 naming the content type when the body is not an image', async () => {
      const response = await context.app.inject({
        method: 'POST',
        url: photosUrl(station.id),
        headers: { ...wujin.headers, 'accept-language': 'en-US' },
        payload: { image: 'not really' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        {
          field: 'headers.content-type',
          message: 'a photo must be JPEG, PNG or WebP (got application/json)',
        },
      ]);
    });

    it('should answer 400 when the image body is empty', async () => {
      const response = await upload(wujin, { body: Buffer.alloc(0) });
      expect(response.statusCode).toBe(400);
    });

    it('should answer 400 naming the caption when it is too long', async () => {
      const response = await upload(wujin, { caption: '长'.repeat(101) });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields[0].field).toBe('querystring.caption');
    });

    it('should answer 413 when the image is larger than the limit', async () => {
      const tooLarge = Buffer.concat([sampleImage('png'), Buffer.alloc(photoMaxBytes)]);
      const response = await upload(wujin, { body: tooLarge });
      expect(response.statusCode).toBe(413);
      expect(response.json().error).toMatchObject({
        code: 'payload_too_large',
        message: `请求体过大（上限 ${photoMaxBytes} 字节）`,
      });
    });

    it('should answer 409 when the organization already has the most photos allowed', async () => {
      const full = await freshStation('满额测试工作站');
      for (let i = 0; i < organizationPhotoLimit; i += 1) {
        expect((await upload(wujin, { id: full.id })).statusCode).toBe(201);
      }
      const response = await upload(wujin, { id: full.id });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toContain(String(organizationPhotoLimit));
      expect(await photosOf(full.id)).toHaveLength(organizationPhotoLimit);
    });
  });

  describe('GET /api/organizations/:id/photos/:photoId', () => {
    it('should serve the bytes with their type, an immutable cache lifetime and an ETag', async () => {
      const photo = (await upload(wujin, { type: 'image/webp', body: sampleImage('webp') })).json();
      const response = await context.app.inject(photo.url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/webp');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
      expect(response.rawPayload.equals(sampleImage('webp'))).toBe(true);
    });

    it('should answer 304 without a body when the ETag matches', async () => {
      const photo = (await upload(wujin)).json();
      const first = await context.app.inject(photo.url);
      const again = await context.app.inject({
        url: photo.url,
        headers: { 'if-none-match': String(first.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    });

    it('should answer 404 when the photo belongs to another organization', async () => {
      const photo = (await upload(wujin)).json() as OrganizationPhoto;
      const other = await freshStation('别家工作站');
      const response = await context.app.inject(`${photosUrl(other.id)}/${photo.id}`);
      expect(response.statusCode).toBe(404);
    });

    it('should answer 400 when the photo id is not a UUID', async () => {
      expect((await context.app.inject(`${photosUrl(station.id)}/x`)).statusCode).toBe(400);
    });
  });

  describe('PATCH /api/organizations/:id/photos/:photoId', () => {
    it('should change the caption and move the photo when a manager reorders', async () => {
      const target = await freshStation('排序测试工作站');
      const ids: string[] = [];
      for (const caption of ['入口', '大厅', '公示栏']) {
        ids.push((await upload(wujin, { id: target.id, caption })).json().id);
      }
      const response = await patch(
        wujin,
        ids[2] as string,
        { caption: '公示栏（更新）', position: 0 },
        target.id,
      );
      expect(response.statusCode).toBe(200);
      const captions = (response.json() as OrganizationPhoto[]).map((photo) => photo.caption);
      expect(captions).toEqual(['公示栏（更新）', '入口', '大厅']);
      expect((await photosOf(target.id)).map((photo) => photo.caption)).toEqual(captions);

      const last = await patch(wujin, ids[0] as string, { position: 11 }, target.id);
      expect((last.json() as OrganizationPhoto[]).map((photo) => photo.caption)).toEqual([
        '公示栏（更新）',
        '大厅',
        '入口',
      ]);
    });

    it('should answer 400 naming the caption when nothing is to change', async () => {
      const photo = (await upload(wujin)).json() as OrganizationPhoto;
      const response = await patch(wujin, photo.id, {});
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'body.caption', message: '请提供新的照片说明或位置' },
      ]);
    });

    it('should answer 400 naming the field when the position is not a whole number', async () => {
      const photo = (await upload(wujin)).json() as OrganizationPhoto;
      const response = await patch(wujin, photo.id, { position: 1.5, extra: true });
      expect(response.statusCode).toBe(400);
      const fields = response.json().error.fields.map((field: { field: string }) => field.field);
      expect(fields.sort()).toEqual(['body.extra', 'body.position']);
    });
  });

  describe('DELETE /api/organizations/:id/photos/:photoId', () => {
    it('should remove the photo and its file and close up the order when a manager deletes it', async () => {
      const target = await freshStation('删除测试工作站');
      const ids: string[] = [];
      for (const caption of ['一', '二', '三']) {
        ids.push((await upload(wujin, { id: target.id, caption })).json().id);
      }
      const repository = createOrganizationRepository(context.database.db);
      const fileId = (await repository.findPhoto(target.id, ids[0] as string))?.fileId as string;

      const response = await remove(wujin, ids[0] as string, target.id);
      expect(response.statusCode).toBe(204);
      expect((await context.app.inject(`${photosUrl(target.id)}/${ids[0]}`)).statusCode).toBe(404);
      expect(await createFileRepository(context.database.db).find(fileId)).toBeUndefined();
      expect((await repository.listPhotos(target.id)).map((photo) => photo.position)).toEqual([
        0, 1,
      ]);
      expect((await photosOf(target.id)).map((photo) => photo.caption)).toEqual(['二', '三']);
      const trail = await context.services.audit.search({
        limit: 1,
        offset: 0,
        action: 'organization.photo.delete',
        objectId: target.id,
      });
      expect(trail.items[0]?.detail).toEqual({ photoId: ids[0] });
    });

    it('should answer 404 when the photo is already gone', async () => {
      const photo = (await upload(wujin)).json() as OrganizationPhoto;
      expect((await remove(wujin, photo.id)).statusCode).toBe(204);
      expect((await remove(wujin, photo.id)).statusCode).toBe(404);
    });

    it('should answer 404 when a user of another district deletes it', async () => {
      const photo = (await upload(wujin)).json() as OrganizationPhoto;
      expect((await remove(tianning, photo.id)).statusCode).toBe(404);
      expect((await context.app.inject(photo.url)).statusCode).toBe(200);
    });
  });
});
