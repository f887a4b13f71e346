import { useEffect, useMemo } from 'react';
import { App, AutoComplete, Form, Input, Modal, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import { fiscalYearRange } from '../../config';
import { placeFieldErrors } from '../../lib/fieldErrors';
import { useSelection } from '../../selection/SelectionContext';
import { templateApi, type TemplateDetail, type TemplateSummary } from './templateApi';

interface CopyValues {
  name?: string;
  jurisdiction: string;
  fiscalYear: number;
}

/** 复制模板: the source's latest version becomes version 1 of a copy for one 区县 and year. */
export function CopyTemplateModal({
  source,
  onClose,
  onCopied,
}: {
  source: TemplateSummary | null;
  onClose(): void;
  onCopied(detail: TemplateDetail): void;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { notification } = App.useApp();
  const { departments, fiscalYear } = useSelection();
  const [form] = Form.useForm<CopyValues>();
  const jurisdictions = useMemo(
    () => [...new Set(departments.map((department) => department.jurisdiction).filter(Boolean))].sort(),
    [departments],
  );

  useEffect(() => {
    if (source) {
      form.setFieldsValue({ name: '', jurisdiction: source.jurisdiction ?? jurisdictions[0] ?? '', fiscalYear });
    }
  }, [source, form, jurisdictions, fiscalYear]);

  const copy = useMutation({
    mutationFn: (values: CopyValues) =>
      templateApi.copy(client, source!.id, {
        name: values.name?.trim() ? values.name.trim() : null,
        jurisdiction: values.jurisdiction.trim(),
        fiscalYear: values.fiscalYear,
      }),
    onSuccess: (detail) => {
      onCopied(detail);
    },
    onError: (error) => {
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const { placed, unplaced } = placeFieldErrors(error.fieldErrors, (path) =>
          ['name', 'jurisdiction', 'fiscalYear'].includes(String(path[0])),
        );
        form.setFields(placed as Parameters<typeof form.setFields>[0]);
        if (unplaced.length === 0) return;
      }
      const text = errorText(error, t);
      notification.error({ title: text.title, description: text.detail });
    },
  });

  return (
    <Modal
      open={source !== null}
      title={t('templates.copyTitle')}
      okText={t('templates.copyOk')}
      cancelText={t('common.cancel')}
      confirmLoading={copy.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'copy-submit' } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">
        {t('templates.copyIntro', { name: source?.name ?? '', version: source?.version ?? 1 })}
      </Typography.Paragraph>
      <Form<CopyValues> form={form} layout="vertical" onFinish={(values) => copy.mutate(values)} data-testid="copy-form">
        <Form.Item
          name="jurisdiction"
          label={t('templates.jurisdiction')}
          rules={[{ required: true, whitespace: true, message: t('templates.jurisdictionRequired') }, { max: 100 }]}
        >
          <AutoComplete
            options={jurisdictions.map((value) => ({ value }))}
            data-testid="copy-jurisdiction"
            aria-label={t('templates.jurisdiction')}
          />
        </Form.Item>
        <Form.Item name="fiscalYear" label={t('templates.fiscalYear')} rules={[{ required: true }]}>
          <Select
            aria-label={t('templates.fiscalYear')}
            data-testid="copy-year"
            options={fiscalYearRange().map((year) => ({ value: year, label: t('header.yearOption', { year }) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('templates.copyName')} extra={t('templates.copyNameHint')} rules={[{ max: 200 }]}>
          <Input maxLength={200} data-testid="copy-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
