import { useState } from 'react';
import { Alert, App, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import { errorText } from '../../api/errorText';
import { isApiError, type FieldError } from '../../api/problem';
import type { BasicExpenditure } from '../../api/types';
import { DraftNotice } from '../../auth/DraftNotice';
import { useDraft } from '../../auth/useDraft';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SaveProblemAlert } from '../figures/SaveProblemAlert';
import type { SaveProblem } from '../figures/useSectionSave';
import { AuditTable, formatTimestamp } from './AuditTable';
import { BasicExpenditureForm } from './BasicExpenditureForm';
import { ComputedResults } from './ComputedResults';
import { formFieldFor, isUnchanged, toFormValues, toUpdateRequest, type BasicExpenditureFormValues } from './formLogic';

interface BasicExpenditureTabProps {
  departmentId: string;
  fiscalYear: number;
  /** The user may change the figures and the year is not locked. */
  editable: boolean;
}

/** 基本支出: the form, the computed results (rate, variance, report paragraph) and the change history. */
export function BasicExpenditureTab({ departmentId, fiscalYear, editable }: BasicExpenditureTabProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { message, notification } = App.useApp();
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [fieldErrors, setFieldErrors] = useState<readonly FieldError[]>([]);
  const [reloads, setReloads] = useState(0);

  const key = queryKeys.basicExpenditure(departmentId, fiscalYear);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.basicExpenditure(client, departmentId, fiscalYear, signal),
    refetchOnWindowFocus: false,
  });
  const saved: BasicExpenditure | null = query.data ?? null;
  const draft = useDraft<BasicExpenditureFormValues>('basic-expenditure', departmentId, fiscalYear, editable);

  const mutation = useMutation({
    mutationFn: (values: BasicExpenditureFormValues) =>
      api.saveBasicExpenditure(client, departmentId, fiscalYear, toUpdateRequest(values, saved?.version ?? null)),
    onMutate: () => {
      setProblem(null);
      setFieldErrors([]);
    },
    onSuccess: (result) => {
      queryClient.setQueryData(key, result);
      draft.clear();
      void queryClient.invalidateQueries({ queryKey: queryKeys.sheet(departmentId, fiscalYear) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.yearAudit(departmentId, fiscalYear) });
      message.success(t('basic.saved', { version: result.version }));
    },
    onError: (error) => {
      if (isApiError(error) && error.isFilingLocked) {
        setProblem({ kind: 'locked', message: error.problem.detail });
        void queryClient.invalidateQueries({ queryKey: queryKeys.sheet(departmentId, fiscalYear) });
        return;
      }
      if (isApiError(error) && error.isConflict) {
        setProblem({ kind: 'conflict' });
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
    setProblem(null);
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
      <Col xs={24} xl={13}>
        <Card size="small" title={t('basic.totals')} extra={<Typography.Text type="secondary">{t('common.unitWan')}</Typography.Text>}>
          <Space orientation="vertical" style={{ width: '100%' }}>
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
            {draft.restored ? (
              <DraftNotice
                onDiscard={() => {
                  draft.clear();
                  message.info(t('draft.discarded'));
                }}
              />
            ) : null}
            <SaveProblemAlert problem={problem} fiscalYear={fiscalYear} onReload={() => void reloadLatest()} />
            <BasicExpenditureForm
              values={toFormValues(saved)}
              valuesKey={`${saved?.version ?? 'new'}/${reloads}`}
              readOnly={!editable}
              disabled={query.isFetching}
              saving={mutation.isPending}
              fieldErrors={fieldErrors}
              onSubmit={submit}
              draft={draft}
            />
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={11}>
        <ComputedResults departmentId={departmentId} fiscalYear={fiscalYear} saved={saved} />
      </Col>
      <Col span={24}>
        <AuditTable departmentId={departmentId} fiscalYear={fiscalYear} version={saved?.version ?? null} />
      </Col>
    </Row>
  );
}
