import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import type { Narrative } from '../../api/types';
import { DraftNotice } from '../../auth/DraftNotice';
import { useDraft } from '../../auth/useDraft';
import { placeFieldErrors } from '../../lib/fieldErrors';
import { NARRATIVE_FIELDS } from './findings';
import { NarrativeItemList } from './NarrativeItemList';
import { rekeyNarrativeDraft, unsavedNarrative } from './narrativeDraft';
import {
  TEXT_FIELDS,
  chineseNumber,
  excerpt,
  isFormField,
  newProblemKey,
  toFormValues,
  toNarrativeInput,
  unansweredProblems,
  withoutRefsTo,
  type MeasureRow,
  type NarrativeFormValues,
  type ProblemRow,
} from './narrativeForm';

// ------------------------------------------------------------------ the editor

/**
 * 报告叙述: the department's own words for 三 (目标, 成效), 四 (problems, each with an optional cause),
 * 五 (measures, each answering one problem) and 六, saved together with the version read. A 409 (someone
 * saved in between) offers to load theirs or to keep this text and save over it.
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
  const [form] = Form.useForm<NarrativeFormValues>();
  const { hash } = useLocation();
  const [conflict, setConflict] = useState(false);
  const [dirty, setDirty] = useState(false);
  /** The version the next save is based on (moves on when the user keeps their text after a conflict). */
  const [baseVersion, setBaseVersion] = useState<number | null>(narrative.version);
  const keepMine = useRef(false);
  const key = queryKeys.narrative(departmentId, fiscalYear);
  const problems = Form.useWatch('problems', form) as ProblemRow[] | undefined;
  const measures = Form.useWatch('measures', form) as MeasureRow[] | undefined;
  const unanswered = new Set(unansweredProblems({ problems: problems ?? [], measures: measures ?? [] }));
  // Unsaved text kept across a new login (auth/drafts.ts): restored over the stored text until saved or discarded.
  const draft = useDraft<NarrativeFormValues>('narrative', departmentId, fiscalYear, editable);
  const restored = draft.restored;
  const allValues = Form.useWatch([], form) as Partial<NarrativeFormValues> | undefined;
  useEffect(() => {
    if (editable) draft.track(unsavedNarrative(allValues, narrative));
  }, [editable, allValues, narrative, draft.track]);

  useEffect(() => {
    setBaseVersion(narrative.version);
    if (keepMine.current) {
      keepMine.current = false;
      return;
    }
    form.setFieldsValue(restored ? rekeyNarrativeDraft(restored) : toFormValues(narrative));
    setDirty(restored !== null);
  }, [form, narrative, restored]);

  // A link from a finding (#narrative-problems) puts the cursor in that part.
  useEffect(() => {
    const match = /^#narrative-(\w+)$/.exec(hash);
    if (match && (NARRATIVE_FIELDS as readonly string[]).includes(match[1]!)) {
      const element = document.getElementById(`narrative-${match[1]}`);
      element?.scrollIntoView({ block: 'center' });
      element?.focus();
    }
  }, [hash]);

  const mutation = useMutation({
    mutationFn: (values: NarrativeFormValues) => api.saveNarrative(client, departmentId, fiscalYear, toNarrativeInput(values, baseVersion)),
    onMutate: () => setConflict(false),
    onSuccess: (saved) => {
      draft.clear();
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
        const { placed, unplaced } = placeFieldErrors(error.fieldErrors, isFormField);
        form.setFields(placed as Parameters<typeof form.setFields>[0]);
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
    if (latest) form.setFieldsValue(toFormValues(latest));
    setDirty(false);
    setConflict(false);
  };
  const keepOwn = async () => {
    keepMine.current = true;
    await queryClient.refetchQueries({ queryKey: key });
    setConflict(false);
  };

  const textField = (field: (typeof TEXT_FIELDS)[number]) => (
    <Form.Item key={field} name={field} label={t(`narrative.fields.${field}`)} extra={t(`narrative.hints.${field}`)} htmlFor={`narrative-${field}`}>
      <Input.TextArea id={`narrative-${field}`} autoSize={{ minRows: 3, maxRows: 14 }} maxLength={20000} data-testid={`narrative-${field}`} />
    </Form.Item>
  );
  const problemLabel = (index: number) => t('narrative.items.problem', { n: index + 1, cn: chineseNumber(index + 1) });
  const measureLabel = (index: number) => t('narrative.items.measure', { n: index + 1, cn: chineseNumber(index + 1) });
  /** The text of a problem or a measure: required, a few lines. */
  const itemText = (name: number, label: string, testId: string) => (
    <Form.Item
      name={[name, 'text']}
      label={t('narrative.items.text')}
      rules={[{ required: true, whitespace: true, message: t('narrative.items.textRequired') }]}
    >
      <Input.TextArea
        autoSize={{ minRows: 1, maxRows: 6 }}
        maxLength={5000}
        aria-label={`${label} ${t('narrative.items.text')}`}
        data-testid={testId}
      />
    </Form.Item>
  );
  const problemOptions = (problems ?? []).map((p, index) => ({
    value: p?.key,
    label: `${problemLabel(index)}${p?.text?.trim() ? `：${excerpt(p.text)}` : ''}`,
  }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {restored ? (
        <DraftNotice
          onDiscard={() => {
            draft.clear();
            message.info(t('draft.discarded'));
          }}
        />
      ) : null}
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
        onFinish={(values: NarrativeFormValues) => mutation.mutate(values)}
        data-testid="narrative-form"
        scrollToFirstError
      >
        {textField('goals')}
        {textField('achievements')}

        <NarrativeItemList
          name="problems"
          editable={editable}
          itemLabel={problemLabel}
          itemTitle={(index) => (
            <Space>
              {problemLabel(index)}
              {unanswered.has(index) ? (
                <Tag color="warning" data-testid="narrative-problem-unanswered">
                  {t('narrative.items.unanswered')}
                </Tag>
              ) : null}
            </Space>
          )}
          newItem={() => ({ key: newProblemKey(), text: '', cause: '' })}
          beforeRemove={(index) => {
            const removed = form.getFieldValue(['problems', index, 'key']) as string | undefined;
            if (removed) form.setFieldValue('measures', withoutRefsTo(form.getFieldValue('measures') ?? [], removed));
          }}
          onEdit={() => setDirty(true)}
        >
          {(field, index) => (
            <>
              <Form.Item name={[field.name, 'key']} hidden>
                <Input />
              </Form.Item>
              {itemText(field.name, problemLabel(index), `narrative-problems-${index}-text`)}
              <Form.Item name={[field.name, 'cause']} label={t('narrative.items.cause')} style={{ marginBottom: 0 }}>
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={5000}
                  aria-label={`${problemLabel(index)} ${t('narrative.items.cause')}`}
                  data-testid={`narrative-problems-${index}-cause`}
                />
              </Form.Item>
            </>
          )}
        </NarrativeItemList>

        <NarrativeItemList
          name="measures"
          editable={editable}
          itemLabel={measureLabel}
          newItem={() => ({ text: '', problemRef: undefined })}
          onEdit={() => setDirty(true)}
        >
          {(field, index) => (
            <>
              {itemText(field.name, measureLabel(index), `narrative-measures-${index}-text`)}
              <Form.Item
                name={[field.name, 'problemRef']}
                label={t('narrative.items.problemRef')}
                rules={[{ required: true, message: t('narrative.items.problemRequired') }]}
                style={{ marginBottom: 0 }}
              >
                <Select
                  options={problemOptions}
                  placeholder={problemOptions.length > 0 ? t('narrative.items.selectProblem') : t('narrative.items.noProblems')}
                  aria-label={`${measureLabel(index)} ${t('narrative.items.problemRef')}`}
                  data-testid={`narrative-measures-${index}-problemRef`}
                />
              </Form.Item>
            </>
          )}
        </NarrativeItemList>

        {textField('other')}
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
