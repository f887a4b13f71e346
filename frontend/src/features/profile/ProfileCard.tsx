import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Form, Input, Skeleton, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import type { DepartmentProfile } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { placeFieldErrors } from '../../lib/fieldErrors';
import { SaveProblemAlert } from '../figures/SaveProblemAlert';
import type { SaveProblem } from '../figures/useSectionSave';
import { toProfileFormValues, toProfileUpdate, type ProfileFormValues } from './profile';

interface ProfileCardProps {
  departmentId: string;
  fiscalYear: number;
  editable: boolean;
}

/** 单位基本信息: name, 职能职责 (ordered) and 内设科室. */
export function ProfileCard({ departmentId, fiscalYear, editable }: ProfileCardProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { message, notification } = App.useApp();
  const [form] = Form.useForm<ProfileFormValues>();
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const key = queryKeys.departmentProfile(departmentId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.departmentProfile(client, departmentId, signal),
  });
  const profile = query.data;
  const divisions = (Form.useWatch('divisions', form) as string[] | undefined) ?? profile?.divisions ?? [];

  useEffect(() => {
    if (profile) {
      form.resetFields();
    }
  }, [profile, form]);

  const mutation = useMutation({
    mutationFn: (values: ProfileFormValues) => api.saveProfile(client, departmentId, toProfileUpdate(values, profile!.version)),
    onMutate: () => setProblem(null),
    onSuccess: (saved: DepartmentProfile) => {
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
      void queryClient.invalidateQueries({ queryKey: queryKeys.yearAudit(departmentId, fiscalYear) });
      message.success(t('profile.saved'));
    },
    onError: (error) => {
      if (isApiError(error) && error.isFilingLocked) {
        setProblem({ kind: 'locked', message: error.problem.detail });
        return;
      }
      if (isApiError(error) && error.isVersionConflict) {
        setProblem({ kind: 'conflict' });
        return;
      }
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const { placed, unplaced } = placeFieldErrors(error.fieldErrors, (path) =>
          ['name', 'duties', 'divisions'].includes(String(path[0])),
        );
        form.setFields(placed as Parameters<typeof form.setFields>[0]);
        if (unplaced.length > 0) {
          notification.error({
            title: t('errors.fieldErrors'),
            description: unplaced.map((fieldError) => fieldError.message).join(t('common.listSeparator')),
          });
        }
        return;
      }
      const text = errorText(error, t);
      notification.error({ title: text.title, description: text.detail });
    },
  });

  if (query.isPending) {
    return (
      <Card size="small" title={t('profile.basicCard')}>
        <Skeleton active />
      </Card>
    );
  }
  if (query.error || !profile) {
    return <ErrorAlert error={query.error} title={t('profile.loadFailed')} onRetry={() => void query.refetch()} />;
  }

  const readOnly = !editable;
  const itemRules = [{ required: true, whitespace: true, message: t('validation.blankItem') }];

  return (
    <Card size="small" title={t('profile.basicCard')} data-testid="profile-card">
      <SaveProblemAlert
        problem={problem}
        fiscalYear={fiscalYear}
        onReload={() => {
          void query.refetch().then(() => setProblem(null));
        }}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('profile.code')}>{profile.code}</Descriptions.Item>
        <Descriptions.Item label={t('profile.jurisdiction')}>{profile.jurisdiction}</Descriptions.Item>
      </Descriptions>
      <Form<ProfileFormValues>
        form={form}
        name="profile"
        layout="vertical"
        initialValues={toProfileFormValues(profile)}
        onFinish={(values) => mutation.mutate(values)}
        data-testid="profile-form"
      >
        <Form.Item
          name="name"
          label={t('profile.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.text', { label: t('profile.name') }) }]}
        >
          <Input readOnly={readOnly} maxLength={200} data-testid="profile-name-input" />
        </Form.Item>

        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('profile.duties')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
          {t('profile.dutiesHint')}
        </Typography.Paragraph>
        <Form.List name="duties">
          {(fields, { add, remove, move }) => (
            <div data-testid="duties-list">
              {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('profile.noDuties')} /> : null}
              {fields.map((field, index) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }} data-testid="duty-item">
                  <span style={{ width: 36, paddingTop: 5, color: '#888', flex: 'none', textAlign: 'right' }} aria-hidden>
                    ({index + 1})
                  </span>
                  <Form.Item name={field.name} rules={itemRules} style={{ flex: 1, marginBottom: 8 }}>
                    <Input.TextArea
                      aria-label={t('profile.dutyLabel', { n: index + 1 })}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      readOnly={readOnly}
                      maxLength={500}
                    />
                  </Form.Item>
                  {editable ? (
                    <ListItemActions
                      index={index}
                      count={fields.length}
                      label={t('profile.dutyLabel', { n: index + 1 })}
                      onMove={move}
                      onRemove={() => remove(field.name)}
                    />
                  ) : null}
                </div>
              ))}
              {editable ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} style={{ marginLeft: 44, marginBottom: 16 }} data-testid="duty-add">
                  {t('profile.addDuty')}
                </Button>
              ) : null}
            </div>
          )}
        </Form.List>

        <Typography.Title level={5}>
          {t('profile.divisions')}
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }} data-testid="division-count">
            {t('profile.divisionCount', { count: divisions.length })}
          </Typography.Text>
        </Typography.Title>
        <Form.List name="divisions">
          {(fields, { add, remove, move }) => (
            <div data-testid="divisions-list">
              {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('profile.noDivisions')} /> : null}
              {fields.map((field, index) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', maxWidth: 560 }} data-testid="division-item">
                  <span style={{ width: 36, paddingTop: 5, color: '#888', flex: 'none', textAlign: 'right' }} aria-hidden>
                    {index + 1}.
                  </span>
                  <Form.Item name={field.name} rules={itemRules} style={{ flex: 1, marginBottom: 8 }}>
                    <Input aria-label={t('profile.divisionLabel', { n: index + 1 })} readOnly={readOnly} maxLength={100} />
                  </Form.Item>
                  {editable ? (
                    <ListItemActions
                      index={index}
                      count={fields.length}
                      label={t('profile.divisionLabel', { n: index + 1 })}
                      onMove={move}
                      onRemove={() => remove(field.name)}
                    />
                  ) : null}
                </div>
              ))}
              {editable ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} style={{ marginLeft: 44, marginBottom: 16 }} data-testid="division-add">
                  {t('profile.addDivision')}
                </Button>
              ) : null}
            </div>
          )}
        </Form.List>
        {editable ? (
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={mutation.isPending} data-testid="profile-save">
            {t('profile.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}

/** Up, down and remove buttons of one list item, each named for screen readers. */
function ListItemActions({
  index,
  count,
  label,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  label: string;
  onMove(from: number, to: number): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  return (
    <Space size={0} style={{ flex: 'none' }}>
      <Button
        type="text"
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
        aria-label={`${t('common.moveUp')} ${label}`}
      />
      <Button
        type="text"
        icon={<ArrowDownOutlined />}
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
        aria-label={`${t('common.moveDown')} ${label}`}
      />
      <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={`${t('common.remove')} ${label}`} />
    </Space>
  );
}
