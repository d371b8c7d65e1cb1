import {
  DownloadOutlined,
  FileExcelOutlined,
  InboxOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Spin, Table, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import {
  spreadsheetMediaType,
  spreadsheetPaths,
  type SpreadsheetImportMode,
} from '../../../contracts/spreadsheet-paths.js';
import type {
  SpreadsheetImportResult,
  SpreadsheetProblem,
} from '../../../contracts/spreadsheets.js';
import { ApiError, apiDownload, apiUpload, type QueryValue } from '../api.js';
import { errorMessage } from './ErrorState.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface SpreadsheetToolbarProps {
  /** The list's API path, e.g. `/api/organizations`; the routes are `spreadsheetPaths(basePath)`. */
  basePath: string;
  /** The list's current filters (without paging): the export takes exactly these. */
  filters?: Record<string, QueryValue>;
  /** Download names when the server proposes none, without extension (e.g. `organizations`). */
  fileName?: string;
  /** Queries to refresh after an import wrote rows; default: every query under `basePath`'s list. */
  invalidate?: QueryKey[];
  /** Show the template and import buttons (e.g. the user may manage the list). Default true. */
  canImport?: boolean;
  /** Show the export button. Default true. */
  canExport?: boolean;
  /** Called after an import wrote rows. */
  onImported?: (result: SpreadsheetImportResult) => void;
}

type ImportState =
  | { phase: 'choose' }
  | { phase: 'working'; file: File }
  | { phase: 'result'; file: File; result: SpreadsheetImportResult }
  | { phase: 'failed'; file: File; error: unknown };

/** The list key of a base path's queries: `/api/organizations` → `organizations`. */
function listKeyOf(basePath: string): string {
  return basePath.replace(/^\/api\//, '').split('/')[0] ?? basePath;
}

/**
 * Excel buttons for a list's toolbar: download the import template, import a filled workbook
 * (every row checked; a per-row problem table; "import only the good rows"), and export the list
 * as filtered. Talks to the routes `registerSpreadsheetRoutes` sets up on the server.
 */
export function SpreadsheetToolbar({
  basePath,
  filters = {},
  fileName,
  invalidate,
  canImport = true,
  canExport = true,
  onImported,
}: SpreadsheetToolbarProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const paths = spreadsheetPaths(basePath);
  const baseName = fileName ?? listKeyOf(basePath);
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ImportState>({ phase: 'choose' });
  const [downloading, setDownloading] = useState<'template' | 'export' | null>(null);

  const download = async (which: 'template' | 'export') => {
    setDownloading(which);
    try {
      if (which === 'template') {
        await apiDownload(paths.template, {}, `${baseName}-template.xlsx`);
      } else {
        await apiDownload(paths.export, filters, `${baseName}.xlsx`);
      }
    } catch (error) {
      const failed =
        which === 'template' ? 'spreadsheet.template.failed' : 'spreadsheet.export.failed';
      void message.error(`${t(failed)}：${errorMessage(error, t)}`);
    } finally {
      setDownloading(null);
    }
  };

  const upload = async (file: File, mode: SpreadsheetImportMode) => {
    setState({ phase: 'working', file });
    try {
      // Sent typed as a workbook whatever the browser guessed for the file.
      const body = new Blob([file], { type: spreadsheetMediaType });
      const result = await apiUpload<SpreadsheetImportResult>(paths.import, body, { mode });
      setState({ phase: 'result', file, result });
      if (result.outcome === 'imported' && result.imported > 0) {
        const keys = invalidate ?? [[listKeyOf(basePath)]];
        await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        onImported?.(result);
      }
    } catch (error) {
      setState({ phase: 'failed', file, error });
    }
  };

  const close = () => {
    setOpen(false);
    setState({ phase: 'choose' });
  };

  return (
    <>
      <Space wrap aria-label={t('spreadsheet.toolbar')}>
        {canImport && (
          <Button
            icon={<DownloadOutlined />}
            loading={downloading === 'template'}
            onClick={() => void download('template')}
          >
            {t('spreadsheet.template')}
          </Button>
        )}
        {canImport && (
          <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
            {t('spreadsheet.import')}
          </Button>
        )}
        {canExport && (
          <Button
            icon={<FileExcelOutlined />}
            loading={downloading === 'export'}
            onClick={() => void download('export')}
          >
            {t('spreadsheet.export')}
          </Button>
        )}
      </Space>
      <Modal
        open={open}
        title={t('spreadsheet.import.title')}
        width={760}
        onCancel={close}
        maskClosable={state.phase !== 'working'}
        closable={state.phase !== 'working'}
        destroyOnHidden
        footer={
          <ImportFooter
            state={state}
            onValidOnly={(file) => void upload(file, 'valid_rows')}
            onAgain={() => setState({ phase: 'choose' })}
            onClose={close}
          />
        }
      >
        {state.phase === 'choose' && (
          <ChooseFile
            onTemplate={() => void download('template')}
            onFile={(file) => void upload(file, 'all_or_nothing')}
          />
        )}
        {state.phase === 'working' && (
          <div className="spreadsheet-working" style={{ textAlign: 'center', padding: 32 }}>
            <Spin />
            <p>{t('spreadsheet.import.working')}</p>
          </div>
        )}
        {state.phase === 'result' && <ImportReport file={state.file} result={state.result} />}
        {state.phase === 'failed' && <ImportFailure file={state.file} error={state.error} />}
      </Modal>
    </>
  );
}

function ChooseFile({
  onTemplate,
  onFile,
}: {
  onTemplate: () => void;
  onFile: (file: File) => void;
}) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={t('spreadsheet.import.hint')}
        action={
          <Button size="small" icon={<DownloadOutlined />} onClick={onTemplate}>
            {t('spreadsheet.template')}
          </Button>
        }
      />
      <Upload.Dragger
        accept=".xlsx"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('spreadsheet.import.choose')}</p>
        <p className="ant-upload-hint">{t('spreadsheet.import.chooseHint')}</p>
      </Upload.Dragger>
    </Space>
  );
}

function ImportReport({ file, result }: { file: File; result: SpreadsheetImportResult }) {
  const { t } = useI18n();
  const counts = {
    rows: result.rows,
    imported: result.imported,
    invalid: result.invalidRows,
    valid: result.validRows,
  };
  let alert;
  if (result.outcome === 'rejected') {
    alert = (
      <Alert
        type="error"
        showIcon
        title={t('spreadsheet.import.rejected', counts)}
        description={
          result.validRows > 0 ? t('spreadsheet.import.rejectedHint', counts) : undefined
        }
      />
    );
  } else if (result.invalidRows > 0) {
    alert = <Alert type="warning" showIcon title={t('spreadsheet.import.donePartial', counts)} />;
  } else {
    alert = <Alert type="success" showIcon title={t('spreadsheet.import.done', counts)} />;
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('spreadsheet.import.file', { name: file.name })}
      </Typography.Text>
      {alert}
      {result.problems.length > 0 && (
        <ProblemTable problems={result.problems} truncated={result.problemsTruncated} />
      )}
    </Space>
  );
}

function ProblemTable({
  problems,
  truncated,
}: {
  problems: SpreadsheetProblem[];
  truncated: boolean;
}) {
  const { t } = useI18n();
  const columns: TableProps<SpreadsheetProblem & { key: number }>['columns'] = [
    { key: 'row', title: t('spreadsheet.problem.row'), dataIndex: 'row', width: 80 },
    {
      key: 'column',
      title: t('spreadsheet.problem.column'),
      dataIndex: 'column',
      width: 150,
      render: (column: string | null) => column ?? t('spreadsheet.problem.wholeRow'),
    },
    { key: 'message', title: t('spreadsheet.problem.message'), dataIndex: 'message' },
  ];
  return (
    <>
      <Table
        size="small"
        aria-label={t('spreadsheet.problems')}
        columns={columns}
        dataSource={problems.map((problem, key) => ({ ...problem, key }))}
        pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      />
      {truncated && (
        <Typography.Text type="secondary">
          {t('spreadsheet.import.truncated', { count: problems.length })}
        </Typography.Text>
      )}
    </>
  );
}

function ImportFailure({ file, error }: { file: File; error: unknown }) {
  const { t } = useI18n();
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('spreadsheet.import.file', { name: file.name })}
      </Typography.Text>
      <Alert
        type="error"
        showIcon
        title={t('spreadsheet.import.failed')}
        description={
          <>
            <div>{errorMessage(error, t)}</div>
            {fields.length > 0 && (
              <ul className="spreadsheet-file-problems">
                {fields.map((field) => (
                  <li key={`${field.field}:${field.message}`}>{field.message}</li>
                ))}
              </ul>
            )}
          </>
        }
      />
    </Space>
  );
}

function ImportFooter({
  state,
  onValidOnly,
  onAgain,
  onClose,
}: {
  state: ImportState;
  onValidOnly: (file: File) => void;
  onAgain: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const buttons = [];
  if (
    state.phase === 'result' &&
    state.result.outcome === 'rejected' &&
    state.result.validRows > 0
  ) {
    const file = state.file;
    buttons.push(
      <Button key="valid" type="primary" onClick={() => onValidOnly(file)}>
        {t('spreadsheet.import.validOnly', { valid: state.result.validRows })}
      </Button>,
    );
  }
  if (state.phase === 'result' || state.phase === 'failed') {
    buttons.push(
      <Button key="again" onClick={onAgain}>
        {t('spreadsheet.import.again')}
      </Button>,
    );
  }
  buttons.push(
    <Button key="close" onClick={onClose} disabled={state.phase === 'working'}>
      {t('spreadsheet.close')}
    </Button>,
  );
  return <Space>{buttons}</Space>;
}
