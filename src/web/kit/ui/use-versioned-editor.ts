import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api.js';
import { placeFormError } from '../form-errors.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { errorMessage } from './ErrorState.js';

/** A record edited under optimistic locking: every patch carries the version it was read at. */
export interface VersionedRecord {
  id: string;
  version: number;
}

export interface VersionedEditorOptions<Saved extends VersionedRecord, Values, Patch> {
  /** The record to edit; absent to create one. */
  record: Saved | undefined;
  form: FormInstance<Values>;
  /** The form's fields, so that the server's field errors show on them. */
  fields: readonly string[];
  toValues: (record: Saved | undefined) => Partial<Values>;
  /** Absent for an editor of existing records only. */
  create?: (values: Values) => Promise<Saved>;
  /** The patch for what changed; `version` alone (or only undefined values) means nothing did. */
  changes: (record: Saved, values: Values) => Patch & { version: number };
  update: (id: string, patch: Patch & { version: number }) => Promise<Saved>;
  /** Reads the record again after someone else saved it first. */
  load: (id: string) => Promise<Saved>;
  /** Query keys a save makes out of date. */
  invalidates: readonly QueryKey[];
  /** The field a fieldless 409 is about (a name or phone already registered). */
  conflictField?: string;
  notices: { created?: MessageKey; noChanges: MessageKey };
  onSaved?: (saved: Saved) => void;
  onClose: () => void;
}

export interface VersionedEditor<Saved, Values> {
  /** The record as last read: after a stale write, the other person's version. */
  current: Saved | undefined;
  editing: boolean;
  stale: boolean;
  /** A problem of the whole form, shown above it; null when every error found its field. */
  problem: string | null;
  saving: boolean;
  initialValues: Partial<Values>;
  /** The form's onFinish. */
  submit: (values: Values) => void;
}

function changesSomething(patch: object): boolean {
  return Object.entries(patch).some(([name, value]) => name !== 'version' && value !== undefined);
}

/**
 * The save of a console editor: creates or patches, says so when nothing changed, shows the
 * server's field errors on their fields, and on a stale version (409) reloads the record into the
 * form with a notice instead of overwriting someone else's change.
 */
export function useVersionedEditor<Saved extends VersionedRecord, Values, Patch>(
  options: VersionedEditorOptions<Saved, Values, Patch>,
): VersionedEditor<Saved, Values> {
  const { record, form, fields, toValues, load, invalidates, conflictField, notices } = options;
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(record);
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const editing = record !== undefined;

  const invalidate = () => {
    for (const queryKey of invalidates) void queryClient.invalidateQueries({ queryKey });
  };

  const reload = async (id: string) => {
    const fresh = await load(id);
    setCurrent(fresh);
    form.resetFields();
    form.setFieldsValue(toValues(fresh) as Parameters<typeof form.setFieldsValue>[0]);
  };

  const showError = (error: unknown) => {
    if (current && error instanceof ApiError && error.code === 'stale_version') {
      setStale(true);
      invalidate();
      reload(current.id).catch((reloadError: unknown) => setProblem(errorMessage(reloadError, t)));
      return;
    }
    const fieldlessConflict =
      error instanceof ApiError && error.code === 'conflict' && error.fields.length === 0;
    if (conflictField && fieldlessConflict) {
      form.setFields([{ name: conflictField as never, errors: [errorMessage(error, t)] }]);
      return;
    }
    const placed = placeFormError(error, fields, t);
    form.setFields(placed.fields.map(({ name, errors }) => ({ name: name as never, errors })));
    setProblem(placed.message);
  };

  const save = useMutation({
    mutationFn: async (values: Values): Promise<Saved | null> => {
      if (!current) {
        if (!options.create) throw new Error('This editor edits existing records only');
        return options.create(values);
      }
      const patch = options.changes(current, values);
      return changesSomething(patch) ? options.update(current.id, patch) : null;
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t(notices.noChanges));
        options.onClose();
        return;
      }
      invalidate();
      const created = !editing && notices.created;
      void message.success(created ? t(created) : t('common.saved'));
      options.onSaved?.(saved);
      options.onClose();
    },
    onError: showError,
  });

  return {
    current,
    editing,
    stale,
    problem,
    saving: save.isPending,
    initialValues: toValues(current),
    submit: (values) => {
      setProblem(null);
      setStale(false);
      save.mutate(values);
    },
  };
}
