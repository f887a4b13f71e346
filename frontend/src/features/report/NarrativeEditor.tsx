import { useEffect, useRef, useState } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import type { Narrative, NarrativeInput } from '../../api/types';
import { DraftNotice } from '../../auth/DraftNotice';
import { useDraft } from '../../auth/useDraft';
import { placeFieldErrors, type FieldPath } from '../../lib/fieldErrors';
import { NARRATIVE_FIELDS } from './findings';
import { rekeyNarrativeDraft, unsavedNarrative } from './narrativeDraft';

// ------------------------------------------------------------------ the editor's logic (pure, tested beside)

/** A problem of 四 in the form: `key` stays with the item when it moves, so measures can point at it. */
export interface ProblemRow {
  key: string;
  text: string;
  cause: string;
}

/** A measure of 五 in the form: `problemRef` holds the key of the problem it answers (the number is sent). */
export interface MeasureRow {
  text: string;
  problemRef: string | undefined;
}

export interface NarrativeFormValues {
  goals: string;
  achievements: string;
  problems: ProblemRow[];
  measures: MeasureRow[];
  other: string;
}

/** The plain-text parts; problems and measures are lists. */
const TEXT_FIELDS = ['goals', 'achievements', 'other'] as const;

let keySequence = 0;
/** A fresh problem key, unique in this page. */
export function newProblemKey(): string {
  keySequence += 1;
  return `problem-${keySequence}`;
}

/** The saved narrative as form values: each problem gets a key, each measure the key of the problem it answers. */
export function toFormValues(narrative: Narrative, nextKey: () => string = newProblemKey): NarrativeFormValues {
  const problems = (narrative.problems ?? []).map((p) => ({ key: nextKey(), text: p.text ?? '', cause: p.cause ?? '' }));
  return {
    goals: narrative.goals ?? '',
    achievements: narrative.achievements ?? '',
    problems,
    measures: (narrative.measures ?? []).map((m) => ({
      text: m.text ?? '',
      // a number outside the list (or none, on text converted from before the lists) selects nothing
      problemRef: m.problemRef != null ? problems[m.problemRef - 1]?.key : undefined,
    })),
    other: narrative.other ?? '',
  };
}

/**
 * What is sent: the problems in their current order, and each measure's problem as its 1-based number in
 * that order; a measure whose problem was removed (or never chosen) sends null and the server names it.
 */
export function toNarrativeInput(values: NarrativeFormValues, version: number | null): NarrativeInput {
  const problems = values.problems ?? [];
  const numberOf = new Map(problems.map((p, index) => [p.key, index + 1]));
  return {
    goals: values.goals ?? '',
    achievements: values.achievements ?? '',
    problems: problems.map((p) => ({ text: p.text ?? '', cause: p.cause?.trim() ? p.cause : null })),
    measures: (values.measures ?? []).map((m) => ({
      text: m.text ?? '',
      problemRef: (m.problemRef !== undefined ? numberOf.get(m.problemRef) : undefined) ?? null,
    })),
    other: values.other ?? '',
    version,
  };
}

/** The measures after a problem is removed: those that answered it answer nothing until chosen again. */
export function withoutRefsTo(measures: readonly MeasureRow[], problemKey: string): MeasureRow[] {
  return measures.map((m) => (m.problemRef === problemKey ? { ...m, problemRef: undefined } : m));
}

/** Indexes of the problems no measure answers (the report's checker warns about each). */
export function unansweredProblems(values: Pick<NarrativeFormValues, 'problems' | 'measures'>): number[] {
  const answered = new Set((values.measures ?? []).map((m) => m?.problemRef).filter(Boolean));
  return (values.problems ?? []).flatMap((p, index) => (p && answered.has(p.key) ? [] : [index]));
}

/** Whether a server field path names a field this form shows (text parts, or an item's text / cause / problemRef). */
export function isFormField(path: FieldPath): boolean {
  if (path.length === 1) return (TEXT_FIELDS as readonly unknown[]).includes(path[0]);
  if (path.length !== 3 || typeof path[1] !== 'number') return false;
  if (path[0] === 'problems') return path[2] === 'text' || path[2] === 'cause';
  if (path[0] === 'measures') return path[2] === 'text' || path[2] === 'problemRef';
  return false;
}

const NUMERALS = '一二三四五六七八九十';
/** 1 → 一 … 19 → 十九: the numbering of the report's items (四 and 五 go up to 19 items). */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS.charAt(n - 1);
  return `十${NUMERALS.charAt(n - 11)}`;
}

function excerpt(text: string | undefined, length = 24): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length <= length ? t : `${t.slice(0, length - 1)}…`;
}

/** Items of 四 and 五 (the report numbers them 1–19). */
const MAX_ITEMS = 19;

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

        <Form.Item label={t('narrative.fields.problems')} extra={t('narrative.hints.problems')}>
          <Form.List name="problems">
            {(fields, ops) => (
              <div id="narrative-problems" tabIndex={-1} data-testid="narrative-problems" role="group" aria-label={t('narrative.fields.problems')}>
                <Space orientation="vertical" size="small" style={{ width: '100%' }}>
                  {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('narrative.items.none')} /> : null}
                  {fields.map((field, index) => (
                    <Card
                      key={field.key}
                      size="small"
                      data-testid="narrative-problem"
                      title={
                        <Space>
                          {problemLabel(index)}
                          {unanswered.has(index) ? (
                            <Tag color="warning" data-testid="narrative-problem-unanswered">
                              {t('narrative.items.unanswered')}
                            </Tag>
                          ) : null}
                        </Space>
                      }
                      extra={
                        editable ? (
                          <ItemButtons
                            label={problemLabel(index)}
                            index={index}
                            count={fields.length}
                            onMove={(to) => {
                              ops.move(index, to);
                              setDirty(true);
                            }}
                            onRemove={() => {
                              const removed = form.getFieldValue(['problems', index, 'key']) as string | undefined;
                              ops.remove(index);
                              if (removed) form.setFieldValue('measures', withoutRefsTo(form.getFieldValue('measures') ?? [], removed));
                              setDirty(true);
                            }}
                          />
                        ) : null
                      }
                    >
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
                    </Card>
                  ))}
                  {editable ? (
                    <Button
                      icon={<PlusOutlined />}
                      disabled={fields.length >= MAX_ITEMS}
                      onClick={() => ops.add({ key: newProblemKey(), text: '', cause: '' } satisfies ProblemRow)}
                      data-testid="narrative-problems-add"
                    >
                      {t('narrative.items.addProblem')}
                    </Button>
                  ) : null}
                </Space>
              </div>
            )}
          </Form.List>
        </Form.Item>

        <Form.Item label={t('narrative.fields.measures')} extra={t('narrative.hints.measures')}>
          <Form.List name="measures">
            {(fields, ops) => (
              <div id="narrative-measures" tabIndex={-1} data-testid="narrative-measures" role="group" aria-label={t('narrative.fields.measures')}>
                <Space orientation="vertical" size="small" style={{ width: '100%' }}>
                  {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('narrative.items.none')} /> : null}
                  {fields.map((field, index) => (
                    <Card
                      key={field.key}
                      size="small"
                      data-testid="narrative-measure"
                      title={measureLabel(index)}
                      extra={
                        editable ? (
                          <ItemButtons
                            label={measureLabel(index)}
                            index={index}
                            count={fields.length}
                            onMove={(to) => {
                              ops.move(index, to);
                              setDirty(true);
                            }}
                            onRemove={() => {
                              ops.remove(index);
                              setDirty(true);
                            }}
                          />
                        ) : null
                      }
                    >
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
                    </Card>
                  ))}
                  {editable ? (
                    <Button
                      icon={<PlusOutlined />}
                      disabled={fields.length >= MAX_ITEMS}
                      onClick={() => ops.add({ text: '', problemRef: undefined } satisfies MeasureRow)}
                      data-testid="narrative-measures-add"
                    >
                      {t('narrative.items.addMeasure')}
                    </Button>
                  ) : null}
                </Space>
              </div>
            )}
          </Form.List>
        </Form.Item>

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

function ItemButtons({
  label,
  index,
  count,
  onMove,
  onRemove,
}: {
  label: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={`${label} ${t('narrative.items.moveUp')}`} onClick={() => onMove(index - 1)} />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        disabled={index === count - 1}
        aria-label={`${label} ${t('narrative.items.moveDown')}`}
        onClick={() => onMove(index + 1)}
      />
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${label} ${t('narrative.items.remove')}`} onClick={onRemove} />
    </Space>
  );
}
