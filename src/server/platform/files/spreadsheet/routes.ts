import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  spreadsheetImportQuerySchema,
  spreadsheetImportResultSchema,
  spreadsheetMediaType,
  spreadsheetPaths,
  type SpreadsheetImportResult,
} from '../../../../contracts/spreadsheets.js';
import { localeFromHeader } from '../../http/locale.js';
import { errorResponses } from '../../http/responses.js';
import type { SpreadsheetColumn, SpreadsheetDefinition } from './definition.js';
import { runExport } from './export-runner.js';
import { runImport } from './import-runner.js';
import type { SpreadsheetList } from './list.js';
import { writeTemplate } from './template.js';

const SPREADSHEET_BODY_LIMIT = 20 * 2 ** 20;

function sendWorkbook(reply: FastifyReply, body: Buffer, fileName: string, asciiName: string) {
  return reply
    .header('content-type', spreadsheetMediaType)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(body);
}

function dateStamp(): string {
  // The bureau's calendar day (Asia/Shanghai, UTC+8 all year).
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

const workbookResponse = z.any().describe('An .xlsx workbook');

/** The template never changes while the process runs: written once, on first request. */
function cachedTemplate(definition: SpreadsheetDefinition): () => Promise<Buffer> {
  let template: Promise<Buffer> | undefined;
  return () => {
    template ??= writeTemplate(definition).catch((error: unknown) => {
      template = undefined;
      throw error;
    });
    return template;
  };
}

function registerSpreadsheetRoutes<
  Columns extends readonly SpreadsheetColumn<string, never>[],
  Prepared,
  Filters,
  Item,
>(app: FastifyInstance, list: SpreadsheetList<Columns, Prepared, Filters, Item>): void {
  const paths = spreadsheetPaths(list.basePath);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { tags } = list;
  const template = cachedTemplate(list.definition as SpreadsheetDefinition);

  typed.get(
    paths.template,
    {
      config: { access: list.access.template ?? list.access.import },
      schema: {
        tags,
        summary: 'The Excel import template: Chinese headers, drop-down lists, instructions',
        response: { 200: workbookResponse, ...errorResponses(401, 403) },
      },
    },
    async (_request, reply) =>
      sendWorkbook(
        reply,
        await template(),
        `${list.fileName}导入模板.xlsx`,
        `${list.asciiName}-template.xlsx`,
      ),
  );

  typed.post(
    paths.import,
    {
      bodyLimit: list.bodyLimit ?? SPREADSHEET_BODY_LIMIT,
      config: { access: list.access.import },
      schema: {
        tags,
        summary:
          'Import a filled workbook (raw body, xlsx media type). all_or_nothing: any problem ' +
          'writes nothing; valid_rows: writes the rows without problems. Reports per row.',
        querystring: spreadsheetImportQuerySchema,
        response: { 200: spreadsheetImportResultSchema, ...errorResponses(400, 401, 403, 413) },
      },
    },
    (request): Promise<SpreadsheetImportResult> =>
      runImport(list, {
        body: request.body,
        origin: { actor: request.actor, ip: request.ip },
        locale: localeFromHeader(request.headers['accept-language']),
        mode: request.query.mode,
        dryRun: request.query.dryRun ?? false,
      }),
  );

  typed.get(
    paths.export,
    {
      config: { access: list.access.export },
      schema: {
        tags,
        summary: 'Every record matching the list filters, within your jurisdiction, as a workbook',
        querystring: list.exporter.query,
        response: { 200: workbookResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const origin = { actor: request.actor, ip: request.ip };
      const { workbook, truncated } = await runExport(list, request.query as Filters, origin);
      reply.header('x-export-truncated', String(truncated));
      reply.header('access-control-expose-headers', 'x-export-truncated, content-disposition');
      const stamp = dateStamp();
      return sendWorkbook(
        reply,
        workbook,
        `${list.fileName}-${stamp}.xlsx`,
        `${list.asciiName}-${stamp}.xlsx`,
      );
    },
  );
}

/**
 * The template, import and export routes of one list, as a plugin:
 * `await app.register(spreadsheetRoutes(organizationsSpreadsheet(deps)))`.
 */
export function spreadsheetRoutes<
  Columns extends readonly SpreadsheetColumn<string, never>[],
  Prepared,
  Filters,
  Item,
>(list: SpreadsheetList<Columns, Prepared, Filters, Item>): FastifyPluginAsyncZod {
  return async (app) => registerSpreadsheetRoutes(app, list);
}
