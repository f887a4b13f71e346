import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import type { Narrative } from '../../api/types';
import { placeFieldErrors } from '../../lib/fieldErrors';
import { NARRATIVE_FIELDS, type NarrativeField } from './findings';

type NarrativeValues = Record<NarrativeField, string>;

function toValues(narrative: Narrative): NarrativeValues {
  return {
    goals: narrative.goals ?? '',
    achievements: narrative.achievements ?? '',
    problems: narrative.problems ?? '',
    measures: narrative.measures ?? '',
    other: narrative.other ?? '',
  };
}

/**
 * 报告叙述: the department's own words for 三 (目标, 成效), 四, 五 and 六, saved together with the version
 * read. A 409 (someone saved in between) offers to load theirs or to keep this text and save over it.
 */
export function NarrativeEditor({
  departmentId,
  fiscalYear,
  narrative,
  editable,
}: {
  departmentId: string;
  fiscalYear: number;
  narrative: Narrative;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { message, notification } = App.useApp();
  const [form] = Form.useForm();
  const { hash } = useLocation();
  const [conflict, setConflict] = useState(false);
  const [dirty, setDirty] = useState(false);
  /** The version the next save is based on (moves on when the user keeps their text after a conflict). */
  const [baseVersion, setBaseVersion] = useState<number | null>(narrative.version);
  const keepMine = useRef(false);
  const key = queryKeys.narrative(departmentId, fiscalYear);

  useEffect(() => {
    setBaseVersion(narrative.version);
    if (keepMine.current) {
      keepMine.current = false;
      return;
    }
    form.setFieldsValue(toValues(narrative));
    setDirty(false);
  }, [form, narrative]);

  // A link from a finding (#narrative-problems) puts the cursor in that field.
  useEffect(() => {
    const match = /^#narrative-(\w+)$/.exec(hash);
    if (match && (NARRATIVE_FIELDS as readonly string[]).includes(match[1]!)) {
      const element = document.getElementById(`narrative-${match[1]}`);
      element?.scrollIntoView({ block: 'center' });
      element?.focus();
    }
  }, [hash]);

  const mutation = useMutation({
    mutationFn: (values: NarrativeValues) => api.saveNarrative(client, departmentId, fiscalYear, { ...values, version: baseVersion }),
    onMutate: () => setConflict(false),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      // The report and its findings are rebuilt from the new text.
      void queryClient.invalidateQueries({ queryKey: queryKeys.report(departmentId, fiscalYear) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reportPreview(departmentId, fiscalYear) });
      message.success(t('narrative.saved'));
    },
    onError: (error) => {
      if (isApiError(error) && error.isVersionConflict) {
        setConflict(true);
        return;
      }
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const { placed, unplaced } = placeFieldErrors(error.fieldErrors, (path) => (NARRATIVE_FIELDS as readonly unknown[]).includes(path[0]));
        form.setFields(placed);
        if (unplaced.length > 0) {
          notification.error({ title: t('errors.fieldErrors'), description: unplaced.map((e) => e.message).join(t('common.listSeparator')) });
        }
        return;
      }
      const text = errorText(error, t);
      notification.error({ title: t('narrative.saveFailed'), description: text.detail ?? text.title });
    },
  });

  const loadTheirs = async () => {
    await queryClient.refetchQueries({ queryKey: key });
    const latest = queryClient.getQueryData<Narrative>(key);
    if (latest) form.setFieldsValue(toValues(latest));
    setDirty(false);
    setConflict(false);
  };
  const keepOwn = async () => {
    keepMine.current = true;
    await queryClient.refetchQueries({ queryKey: key });
    setConflict(false);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="narrative-conflict"
          title={t('conflict.title')}
          description={t('narrative.conflict')}
          action={
            <Space orientation="vertical">
              <Button size="small" type="primary" onClick={() => void loadTheirs()} data-testid="narrative-load-theirs">
                {t('narrative.loadTheirs')}
              </Button>
              <Button size="small" onClick={() => void keepOwn()} data-testid="narrative-keep-mine">
                {t('narrative.keepMine')}
              </Button>
            </Space>
          }
        />
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('narrative.intro')}
        {narrative.updatedBy ? ` ${t('narrative.lastBy', { user: narrative.updatedBy, version: narrative.version })}` : ''}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        onValuesChange={() => setDirty(true)}
        onFinish={(values: NarrativeValues) => mutation.mutate(values)}
        data-testid="narrative-form"
      >
        {NARRATIVE_FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`narrative.fields.${field}`)} extra={t(`narrative.hints.${field}`)} htmlFor={`narrative-${field}`}>
            <Input.TextArea id={`narrative-${field}`} autoSize={{ minRows: 3, maxRows: 14 }} maxLength={20000} data-testid={`narrative-${field}`} />
          </Form.Item>
        ))}
        {editable ? (
          <Space>
            <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="narrative-save">
              {t('common.save')}
            </Button>
            {dirty ? <Typography.Text type="warning">{t('narrative.unsaved')}</Typography.Text> : null}
          </Space>
        ) : null}
      </Form>
    </Space>
  );
}
