import { useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/ApiContext';
import { api, queryKeys } from '../api/endpoints';
import { errorText } from '../api/errorText';
import { isApiError, type FieldError } from '../api/problem';
import type { BasicExpenditure } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { canEditBasicExpenditure } from '../auth/user';
import { ErrorAlert } from '../components/ErrorAlert';
import { AuditTable, formatTimestamp } from '../features/basicExpenditure/AuditTable';
import { BasicExpenditureForm } from '../features/basicExpenditure/BasicExpenditureForm';
import { ComputedResults } from '../features/basicExpenditure/ComputedResults';
import {
  formFieldFor,
  isUnchanged,
  toFormValues,
  toUpdateRequest,
  type BasicExpenditureFormValues,
} from '../features/basicExpenditure/formLogic';
import { useSelection } from '../selection/SelectionContext';

export default function BasicExpenditurePage() {
  const { departmentId, department, fiscalYear } = useSelection();
  const { t } = useTranslation();

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('basic.title')}
          {department ? (
            <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }} data-testid="page-department">
              {department.name} · {t('header.yearOption', { year: fiscalYear })}
            </Typography.Text>
          ) : null}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('basic.intro', { year: fiscalYear })}</Typography.Paragraph>
      </div>
      {departmentId ? (
        <BasicExpenditureEditor key={`${departmentId}/${fiscalYear}`} departmentId={departmentId} fiscalYear={fiscalYear} />
      ) : (
        <Skeleton active />
      )}
    </Space>
  );
}

interface EditorProps {
  departmentId: string;
  fiscalYear: number;
}

function BasicExpenditureEditor({ departmentId, fiscalYear }: EditorProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { message, notification } = App.useApp();
  const { user } = useAuth();
  const editable = canEditBasicExpenditure(user);
  const [conflict, setConflict] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<readonly FieldError[]>([]);
  const [reloads, setReloads] = useState(0);

  const key = queryKeys.basicExpenditure(departmentId, fiscalYear);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.basicExpenditure(client, departmentId, fiscalYear, signal),
    refetchOnWindowFocus: false,
  });
  const saved: BasicExpenditure | null = query.data ?? null;

  const mutation = useMutation({
    mutationFn: (values: BasicExpenditureFormValues) =>
      api.saveBasicExpenditure(client, departmentId, fiscalYear, toUpdateRequest(values, saved?.version ?? null)),
    onMutate: () => {
      setConflict(false);
      setFieldErrors([]);
    },
    onSuccess: (result) => {
      queryClient.setQueryData(key, result);
      message.success(t('basic.saved', { version: result.version }));
    },
    onError: (error) => {
      if (isApiError(error) && error.isConflict) {
        setConflict(true);
        return;
      }
      if (isApiError(error) && error.fieldErrors.length > 0) {
        setFieldErrors(error.fieldErrors);
        const unplaced = error.fieldErrors.filter((fieldError) => formFieldFor(fieldError.field) === undefined);
        if (unplaced.length === 0) {
          return;
        }
        notification.error({
          title: t('errors.fieldErrors'),
          description: unplaced.map((fieldError) => fieldError.message).join(t('common.listSeparator')),
        });
        return;
      }
      const text = errorText(error, t);
      notification.error({ title: text.title, description: text.detail });
    },
  });

  const reloadLatest = async () => {
    await query.refetch();
    setConflict(false);
    setFieldErrors([]);
    setReloads((value) => value + 1);
  };

  const submit = (values: BasicExpenditureFormValues) => {
    if (isUnchanged(values, saved)) {
      message.info(t('basic.unchanged'));
      return;
    }
    mutation.mutate(values);
  };

  if (query.isPending) {
    return <Skeleton active paragraph={{ rows: 4 }} />;
  }
  if (query.error) {
    return <ErrorAlert error={query.error} title={t('basic.loadFailed')} onRetry={() => void query.refetch()} />;
  }

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={10}>
        <Card size="small">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {!editable ? <Alert type="info" showIcon title={t('basic.readOnly')} /> : null}
            {saved === null ? (
              <Alert type="info" showIcon title={t('basic.notEntered')} data-testid="not-entered" />
            ) : (
              <Typography.Text type="secondary" data-testid="last-updated">
                {t('basic.lastUpdated', {
                  at: formatTimestamp(saved.updatedAt),
                  by: saved.updatedBy,
                  version: saved.version,
                })}
              </Typography.Text>
            )}
            {conflict ? (
              <Alert
                type="warning"
                showIcon
                data-testid="conflict-alert"
                title={t('conflict.title')}
                description={t('conflict.description')}
                action={
                  <Button size="small" type="primary" onClick={() => void reloadLatest()} data-testid="conflict-reload">
                    {t('conflict.reload')}
                  </Button>
                }
              />
            ) : null}
            <BasicExpenditureForm
              values={toFormValues(saved)}
              valuesKey={`${saved?.version ?? 'new'}/${reloads}`}
              readOnly={!editable}
              disabled={query.isFetching}
              saving={mutation.isPending}
              fieldErrors={fieldErrors}
              onSubmit={submit}
            />
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <ComputedResults departmentId={departmentId} fiscalYear={fiscalYear} saved={saved} />
      </Col>
      <Col span={24}>
        <AuditTable departmentId={departmentId} fiscalYear={fiscalYear} version={saved?.version ?? null} />
      </Col>
    </Row>
  );
}
