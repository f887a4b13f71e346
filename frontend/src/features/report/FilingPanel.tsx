import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import type { Filing, FieldErrorLike } from './filingTypes';
import { canSubmit, statusColor } from './findings';
import { formatDateTime } from './format';
import { PublicationControl } from './PublicationControl';

/**
 * The filing's status and what the caller may do with it: the department submits (fatal findings
 * block); a reviewer returns it with a comment or approves it. Every step refreshes the figures' lock.
 */
export function FilingPanel({
  departmentId,
  fiscalYear,
  filing,
  fatal,
  mayEdit,
  mayReview,
}: {
  departmentId: string;
  fiscalYear: number;
  filing: Filing;
  fatal: number;
  mayEdit: boolean;
  mayReview: boolean;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { message, notification, modal } = App.useApp();
  const [blocked, setBlocked] = useState<FieldErrorLike[] | null>(null);
  const [reviewMode, setReviewMode] = useState<'return' | 'approve' | null>(null);
  const [form] = Form.useForm();

  const refresh = (saved: Filing) => {
    queryClient.setQueryData(queryKeys.filing(departmentId, fiscalYear), saved);
    // The lock reaches budget-service through report.events: ask again for the sheet and the report.
    for (const key of [queryKeys.sheet(departmentId, fiscalYear), queryKeys.report(departmentId, fiscalYear)]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
    window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: queryKeys.sheet(departmentId, fiscalYear) }), 2000);
  };

  const submit = useMutation({
    mutationFn: () => api.submitFiling(client, departmentId, fiscalYear),
    onMutate: () => setBlocked(null),
    onSuccess: (saved) => {
      refresh(saved);
      if (saved.status === 'SUBMITTING') {
        message.info(t('filing.submitting', { version: saved.latestVersion }));
      } else {
        message.success(t('filing.submitted', { version: saved.latestVersion }));
      }
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 422) {
        setBlocked([...error.fieldErrors]);
        void queryClient.invalidateQueries({ queryKey: queryKeys.report(departmentId, fiscalYear) });
        return;
      }
      const text = errorText(error, t);
      notification.error({ title: t('filing.submitFailed'), description: text.detail ?? text.title });
      void queryClient.invalidateQueries({ queryKey: queryKeys.filing(departmentId, fiscalYear) });
    },
  });

  const review = useMutation({
    mutationFn: ({ mode, comment }: { mode: 'return' | 'approve'; comment: string }) =>
      mode === 'return'
        ? api.returnFiling(client, departmentId, fiscalYear, comment.trim())
        : api.approveFiling(client, departmentId, fiscalYear, comment.trim() === '' ? null : comment.trim()),
    onSuccess: (saved, { mode }) => {
      refresh(saved);
      setReviewMode(null);
      form.resetFields();
      message.success(mode === 'return' ? t('filing.returnedDone') : t('filing.approvedDone'));
    },
    onError: (error) => {
      if (isApiError(error) && error.fieldErrors.some((e) => e.field === 'comment')) {
        form.setFields([{ name: 'comment', errors: error.fieldErrors.filter((e) => e.field === 'comment').map((e) => e.message) }]);
        return;
      }
      const text = errorText(error, t);
      notification.error({ title: t('filing.reviewFailed'), description: text.detail ?? text.title });
      setReviewMode(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.filing(departmentId, fiscalYear) });
    },
  });

  const submission = canSubmit(filing.status, fatal);
  const lastReturn = [...filing.history].reverse().find((step) => step.step === 'RETURNED');
  const lastStep = filing.history[filing.history.length - 1];

  return (
    <Card size="small" data-testid="filing-panel" title={t('filing.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('filing.status')}>
            <Tag color={statusColor(filing.status)} data-testid="filing-status">
              {t(`filing.statuses.${filing.status}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('filing.latestVersion')}>
            {filing.latestVersion === null ? '—' : t('filing.versionN', { n: filing.latestVersion })}
          </Descriptions.Item>
          <Descriptions.Item label={t('filing.lastStep')}>
            {lastStep ? `${t(`filing.steps.${lastStep.step}`)} · ${lastStep.actor} · ${formatDateTime(lastStep.at)}` : '—'}
          </Descriptions.Item>
        </Descriptions>
        {filing.status === 'RETURNED' && lastReturn ? (
          <Alert
            type="warning"
            showIcon
            data-testid="return-comment"
            title={t('filing.returnedBy', { actor: lastReturn.actor, at: formatDateTime(lastReturn.at) })}
            description={lastReturn.comment}
          />
        ) : null}
        {blocked ? (
          <Alert
            type="error"
            showIcon
            data-testid="submit-blocked"
            title={t('filing.blocked', { count: blocked.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {blocked.map((e, index) => (
                  <li key={index}>{e.message}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Space wrap>
          {mayEdit ? (
            <Tooltip title={submission.allowed ? undefined : t(`filing.cannotSubmit.${submission.reason}`, { count: fatal })}>
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={!submission.allowed}
                loading={submit.isPending}
                onClick={() =>
                  modal.confirm({
                    title: t('filing.confirmSubmit', { year: fiscalYear }),
                    content: t('filing.confirmSubmitDetail'),
                    okText: t('filing.submit'),
                    cancelText: t('common.cancel'),
                    onOk: () => submit.mutate(),
                  })
                }
                data-testid="submit-filing"
              >
                {filing.status === 'RETURNED' ? t('filing.resubmit') : t('filing.submit')}
              </Button>
            </Tooltip>
          ) : null}
          {mayEdit && !submission.allowed ? (
            <Typography.Text type="secondary" data-testid="submit-hint">
              {t(`filing.cannotSubmit.${submission.reason}`, { count: fatal })}
            </Typography.Text>
          ) : null}
          {mayReview && filing.status === 'SUBMITTED' ? (
            <>
              <Button icon={<RollbackOutlined />} danger onClick={() => setReviewMode('return')} data-testid="return-filing">
                {t('filing.return')}
              </Button>
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setReviewMode('approve')} data-testid="approve-filing">
                {t('filing.approve')}
              </Button>
            </>
          ) : null}
          {mayReview && filing.status === 'APPROVED' ? <PublicationControl departmentId={departmentId} fiscalYear={fiscalYear} /> : null}
          {mayReview && filing.status !== 'SUBMITTED' ? (
            <Typography.Text type="secondary" data-testid="review-hint">
              {t(`filing.reviewHint.${filing.status}`)}
            </Typography.Text>
          ) : null}
        </Space>
      </Space>
      <Modal
        open={reviewMode !== null}
        title={reviewMode === 'return' ? t('filing.returnTitle') : t('filing.approveTitle')}
        okText={reviewMode === 'return' ? t('filing.return') : t('filing.approve')}
        okButtonProps={{ danger: reviewMode === 'return', ...({ 'data-testid': 'review-confirm' } as Record<string, string>) }}
        cancelText={t('common.cancel')}
        confirmLoading={review.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          setReviewMode(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values: { comment?: string }) => reviewMode && review.mutate({ mode: reviewMode, comment: values.comment ?? '' })}
        >
          <Form.Item
            name="comment"
            label={reviewMode === 'return' ? t('filing.returnComment') : t('filing.approveComment')}
            rules={reviewMode === 'return' ? [{ required: true, whitespace: true, message: t('filing.commentRequired') }] : []}
          >
            <Input.TextArea rows={4} maxLength={4000} showCount autoFocus data-testid="review-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
