import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers/app.js';

describe('divisions routes', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(() => context.close());

  const get = (url: string, language = 'zh-CN') =>
    context.app.inject({ method: 'GET', url, headers: { 'accept-language': language } });

  describe('GET /api/divisions', () => {
    it('should list the provinces when no parent is given', async () => {
      const response = await get('/api/divisions');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ total: 1, items: [{ code: '32', name: '江苏省' }] });
    });

    it('should list the children in code order when a parent is given', async () => {
      const response = await get('/api/divisions?parent=3204');
      expect(response.json().items.map((item: { name: string }) => item.name)).toEqual([
        '天宁区',
        '武进区',
      ]);
    });

    it('should find divisions by part of the name when searching', async () => {
      const response = await get(`/api/divisions?q=${encodeURIComponent('社区')}`);
      expect(response.json().items.map((item: { code: string }) => item.code)).toEqual([
        '320402001001',
        '320412100002',
      ]);
    });

    it('should filter by level and page when asked', async () => {
      const response = await get('/api/divisions?level=village&limit=1&offset=1');
      expect(response.json()).toMatchObject({
        total: 4,
        limit: 1,
        offset: 1,
        items: [{ level: 'village' }],
      });
    });

    it('should treat a % in the search as text when searching', async () => {
      const response = await get(`/api/divisions?q=${encodeURIComponent('%')}`);
      expect(response.json().total).toBe(0);
    });

    it('should answer 400 naming the field in Chinese when the parent code is malformed', async () => {
      const response = await get('/api/divisions?parent=12345');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: {
          code: 'validation_failed',
          message: '提交的内容有误，请检查标出的字段',
          fields: [
            { field: 'querystring.parent', message: '应为 2、4、6、9 或 12 位数字的行政区划代码' },
          ],
        },
      });
    });

    it('should answer 400 in English when the caller asks for English', async () => {
      const response = await get('/api/divisions?limit=0', 'en-US,en;q=0.9');
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'querystring.limit', message: 'must be at least 1' },
      ]);
    });

    it('should answer 400 when the query has an unknown parameter', async () => {
      const response = await get('/api/divisions?parnet=3204');
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'querystring.parnet', message: '不允许的字段' },
      ]);
    });

    it('should answer 400 when the level is not one of the levels', async () => {
      const response = await get('/api/divisions?level=planet', 'en');
      expect(response.json().error.fields[0]).toEqual({
        field: 'querystring.level',
        message: 'must be one of: province, city, district, township, village',
      });
    });
  });

  describe('GET /api/divisions/:code', () => {
    it('should give the division with its path when it exists', async () => {
      const response = await get('/api/divisions/320412100001');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        code: '320412100001',
        level: 'village',
        kind: 'village',
        parentCode: '320412100',
        childCount: 0,
        path: [
          { code: '32', name: '江苏省', level: 'province' },
          { code: '3204', name: '常州市', level: 'city' },
          { code: '320412', name: '武进区', level: 'district' },
          { code: '320412100', name: '湖塘镇', level: 'township' },
          { code: '320412100001', name: '湖塘村村民委员会', level: 'village' },
        ],
      });
    });

    it('should answer 404 with the error body when the code is unknown', async () => {
      const response = await get('/api/divisions/320412999');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'not_found', message: '未找到行政区划（320412999）' },
      });
    });

    it('should answer 400 when the code is not digits', async () => {
      expect((await get('/api/divisions/abc')).statusCode).toBe(400);
    });
  });

  describe('GET /api/divisions/:code/path', () => {
    it('should give the chain from the province when the division exists', async () => {
      const response = await get('/api/divisions/320412/path');
      expect(response.json().map((step: { code: string }) => step.code)).toEqual([
        '32',
        '3204',
        '320412',
      ]);
    });

    it('should answer 404 when the division is unknown', async () => {
      expect((await get('/api/divisions/3299/path')).statusCode).toBe(404);
    });

    it('should answer 400 when the code is malformed', async () => {
      expect((await get('/api/divisions/1/path')).statusCode).toBe(400);
    });
  });

  describe('GET /api/divisions/:code/changes', () => {
    it('should list renames oldest first when a division was renamed twice', async () => {
      await context.services.divisions.renameDivision('320412105001', '崔桥村', '2023-01-01');
      await context.services.divisions.renameDivision('320412105001', '崔桥社区', '2024-01-01');
      const response = await get('/api/divisions/320412105001/changes');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject([
        { changeType: 'renamed', previousName: '崔桥村村民委员会', newName: '崔桥村' },
        { changeType: 'renamed', previousName: '崔桥村', newName: '崔桥社区' },
      ]);
    });

    it('should answer 404 when the division is unknown', async () => {
      expect((await get('/api/divisions/320412100999/changes')).statusCode).toBe(404);
    });

    it('should answer 400 when the code is malformed', async () => {
      expect((await get('/api/divisions/x/changes')).statusCode).toBe(400);
    });
  });
});
