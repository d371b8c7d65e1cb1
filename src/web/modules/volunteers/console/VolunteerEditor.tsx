import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormDrawer } from '../../../kit/ui/RecordDrawer.js';
import { FormAlerts } from '../../../kit/ui/FormAlerts.js';
import { App, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import type { OpeningHours } from '../../../../contracts/organizations.js';
import type {
  LegalSpecialty,
  ServiceLanguage,
  VolunteerKind,
  VolunteerStatus,
} from '../../../../contracts/values.js';
import {
  legalSpecialties,
  serviceLanguages,
  volunteerKinds,
  volunteerStatuses,
} from '../../../../contracts/values.js';
import type { Volunteer, VolunteerUpdate } from '../../../../contracts/volunteers.js';
import { ApiError } from '../../../kit/api.js';
import { errorMessage } from '../../../kit/ui/ErrorState.js';
import { placeFormError } from '../../../kit/form-errors.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { maxPageSize } from '../../../kit/queries.js';
import { usePartners } from '../../partners/api.js';
import { volunteerKeys, volunteersApi } from '../api.js';
import {
  OpeningHoursEditor,
  normalizeOpeningHours,
  sameOpeningHours,
  validOpeningHours,
} from '../../../kit/ui/OpeningHoursEditor.js';
import { OrganizationSelect } from '../../../kit/ui/OrganizationSelect.js';

interface VolunteerForm {
  kind?: VolunteerKind;
  name: string;
  phone?: string;
  status: VolunteerStatus;
  stationId?: string | null;
  partnerId?: string | null;
  skills: LegalSpecialty[];
  languages: ServiceLanguage[];
  joinedOn?: string;
  availability: OpeningHours;
  notes?: string;
}

const formFields = [
  'kind',
  'name',
  'phone',
  'status',
  'stationId',
  'partnerId',
  'skills',
  'languages',
  'joinedOn',
  'availability',
  'notes',
] as const;

const mobile = /^1[3-9]\d{9}$/;

function formValues(volunteer: Volunteer | undefined): Partial<VolunteerForm> {
  if (!volunteer) {
    return { status: 'active', skills: [], languages: ['mandarin'], availability: {}, notes: '' };
  }
  return {
    kind: volunteer.kind,
    name: volunteer.name,
    phone: '',
    status: volunteer.status,
    stationId: volunteer.stationId,
    partnerId: volunteer.partnerId,
    skills: volunteer.skills,
    languages: volunteer.languages,
    joinedOn: volunteer.joinedOn ?? '',
    availability: volunteer.availability,
    notes: volunteer.notes,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  [...a].sort().join() === [...b].sort().join();

/** The form in the API's shape; an empty phone on an edit means "keep the current one". */
function readForm(values: VolunteerForm) {
  const phone = values.phone?.replace(/[\s-]/g, '') ?? '';
  return {
    name: values.name.trim(),
    phone: phone || null,
    status: values.status,
    stationId: values.stationId ?? null,
    partnerId: values.partnerId ?? null,
    skills: values.skills,
    languages: values.languages,
    joinedOn: values.joinedOn || null,
    availability: normalizeOpeningHours(values.availability),
    notes: values.notes?.trim() ?? '',
  };
}

/** Only the fields that differ from the record the editor saw, with its version. */
function changes(current: Volunteer, values: VolunteerForm): VolunteerUpdate {
  const next = readForm(values);
  const update: VolunteerUpdate = { version: current.version };
  if (values.kind && values.kind !== current.kind) update.kind = values.kind;
  if (next.name !== current.name) update.name = next.name;
  if (next.phone) update.phone = next.phone;
  if (next.status !== current.status) update.status = next.status;
  if (next.stationId !== current.stationId) update.stationId = next.stationId;
  if (next.partnerId !== current.partnerId) update.partnerId = next.partnerId;
  if (!sameList(next.skills, current.skills)) update.skills = next.skills;
  if (!sameList(next.languages, current.languages)) update.languages = next.languages;
  if (next.joinedOn !== current.joinedOn) update.joinedOn = next.joinedOn;
  if (!sameOpeningHours(next.availability, current.availability)) {
    update.availability = next.availability;
  }
  if (next.notes !== current.notes) update.notes = next.notes;
  return update;
}

/**
 * Registers a volunteer, or edits one when `volunteer` is given. The server decides who manages
 * the volunteer (the station's bureau) and refuses stations outside the caller's district.
 */
export function VolunteerEditor({
  open,
  volunteer,
  onClose,
  onSaved,
}: {
  open: boolean;
  volunteer?: Volunteer;
  onClose: () => void;
  onSaved?: (volunteer: Volunteer) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<VolunteerForm>();
  const [current, setCurrent] = useState(volunteer);
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const partners = usePartners({ limit: maxPageSize, offset: 0 }, open);
  const editing = volunteer !== undefined;

  const reload = async (id: string) => {
    const fresh = await volunteersApi.get(id, false);
    queryClient.setQueryData(volunteerKeys.detail(id, false), fresh);
    setCurrent(fresh);
    form.resetFields();
    form.setFieldsValue(formValues(fresh));
  };

  const save = useMutation({
    mutationFn: async (values: VolunteerForm): Promise<Volunteer | null> => {
      if (current) {
        const update = changes(current, values);
        if (Object.keys(update).length === 1) return null;
        return volunteersApi.update(current.id, update);
      }
      if (!values.kind) throw new Error('kind is required');
      return volunteersApi.create({ kind: values.kind, ...readForm(values) });
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t('console.volunteers.noChanges'));
        onClose();
        return;
      }
      void queryClient.invalidateQueries({ queryKey: ['volunteers'] });
      void queryClient.invalidateQueries({ queryKey: ['partners'] });
      void message.success(editing ? t('common.saved') : t('console.volunteers.created'));
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => {
      if (current && error instanceof ApiError && error.code === 'stale_version') {
        setProblem(null);
        setStale(true);
        void queryClient.invalidateQueries({ queryKey: ['volunteers'] });
        reload(current.id).catch((reloadError: unknown) =>
          setProblem(errorMessage(reloadError, t)),
        );
        return;
      }
      if (error instanceof ApiError && error.code === 'conflict' && error.fields.length === 0) {
        // The only conflict of a volunteer is a phone already registered.
        form.setFields([{ name: 'phone', errors: [errorMessage(error, t)] }]);
        setProblem(null);
        return;
      }
      const { fields, message: text } = placeFormError(error, formFields, t);
      form.setFields(fields);
      setProblem(text);
    },
  });

  const title = current
    ? t('console.volunteers.edit', { name: current.name })
    : t('console.volunteers.create');

  return (
    <FormDrawer
      open={open}
      title={title}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitLabel={editing ? t('common.save') : t('console.volunteers.create.submit')}
    >
      <Form<VolunteerForm>
        name={editing ? 'editVolunteer' : 'createVolunteer'}
        form={form}
        layout="vertical"
        initialValues={formValues(current)}
        onFinish={(values) => {
          setProblem(null);
          setStale(false);
          save.mutate(values);
        }}
      >
        <FormAlerts stale={stale} problem={problem} />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('console.volunteers.name')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('console.volunteers.name.required'),
                },
                { min: 2, max: 50, message: t('console.volunteers.name.required') },
              ]}
            >
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="kind"
              label={t('console.volunteers.kind')}
              rules={[{ required: true, message: t('console.volunteers.kind.required') }]}
            >
              <Select<VolunteerKind>
                options={volunteerKinds.map((kind) => ({
                  value: kind,
                  label: t(`volunteerKind.${kind}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t('console.volunteers.phone')}
              extra={
                current?.phone
                  ? t('console.volunteers.phone.editHint', { phone: current.phone })
                  : undefined
              }
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    const phone = value?.replace(/[\s-]/g, '') ?? '';
                    return phone === '' || mobile.test(phone)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('console.volunteers.phone.invalid')));
                  },
                },
              ]}
            >
              <Input maxLength={20} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="status" label={t('console.volunteers.status')}>
              <Select<VolunteerStatus>
                options={volunteerStatuses.map((status) => ({
                  value: status,
                  label: t(`volunteerStatus.${status}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="stationId" label={t('console.volunteers.station')}>
              <OrganizationSelect
                allowClear
                placeholder={t('console.volunteers.station.placeholder')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="partnerId" label={t('console.volunteers.partner')}>
              <Select<string>
                allowClear
                placeholder={t('console.volunteers.partner.placeholder')}
                loading={partners.isFetching}
                showSearch={{ optionFilterProp: 'label' }}
                options={(partners.data?.items ?? []).map((partner) => ({
                  value: partner.id,
                  label: partner.name,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="skills" label={t('console.volunteers.skills')}>
              <Select<LegalSpecialty[]>
                mode="multiple"
                allowClear
                optionFilterProp="label"
                options={legalSpecialties.map((skill) => ({
                  value: skill,
                  label: t(`specialty.${skill}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="languages" label={t('console.volunteers.languages')}>
              <Select<ServiceLanguage[]>
                mode="multiple"
                allowClear
                optionFilterProp="label"
                options={serviceLanguages.map((language) => ({
                  value: language,
                  label: t(`language.${language}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="joinedOn" label={t('console.volunteers.joinedOn')}>
          <Input type="date" style={{ maxWidth: 220 }} />
        </Form.Item>
        <Form.Item
          name="availability"
          label={t('console.volunteers.availability')}
          rules={[
            {
              validator: (_, value: OpeningHours | undefined) =>
                validOpeningHours(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('console.hours.invalid'))),
            },
          ]}
        >
          <OpeningHoursEditor />
        </Form.Item>
        <Form.Item name="notes" label={t('console.volunteers.notes')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
