import { useEffect } from 'react';
import { App, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import type { ScoreItem, SelfScoreTier } from '../../api/types';
import { normalizeAmountInput } from '../../lib/amountInput';
import { placeFieldErrors } from '../../lib/fieldErrors';
import { decimalText } from '../goals/goals';
import { TIERS, checkScoreInput, formatScore, tierOf, tierRange } from './scoreCard';

interface ModalProps {
  departmentId: string;
  fiscalYear: number;
  item: ScoreItem | null;
  onClose(): void;
}

/** Shared handling of a score write: new card in the cache, field errors under fields, 409 explained. */
function useScoreWrite<T>(props: ModalProps, form: ReturnType<typeof Form.useForm>[0], fields: string[], call: (values: T) => ReturnType<typeof api.saveSelfScore>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message, notification } = App.useApp();
  const key = queryKeys.evaluationWithScore(props.departmentId, props.fiscalYear);
  return useMutation({
    mutationFn: call,
    onSuccess: (evaluation) => {
      queryClient.setQueryData(key, evaluation);
      // The report quotes the score: let it catch up.
      void queryClient.invalidateQueries({ queryKey: queryKeys.report(props.departmentId, props.fiscalYear) });
      message.success(t('evaluation.scoreSaved'));
      props.onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.isConflict) {
        notification.warning({ title: t('conflict.title'), description: t('evaluation.scoreConflict') });
        void queryClient.invalidateQueries({ queryKey: key });
        return;
      }
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const { placed, unplaced } = placeFieldErrors(error.fieldErrors, (path) => fields.includes(String(path[0])));
        form.setFields(placed);
        if (unplaced.length > 0) {
          notification.error({ title: t('errors.fieldErrors'), description: unplaced.map((e) => e.message).join(t('common.listSeparator')) });
        }
        if (placed.length > 0 || unplaced.length > 0) return;
      }
      const text = errorText(error, t);
      // A problem without field path (e.g. the tier's range) is shown under the score.
      form.setFields([{ name: 'score', errors: [text.detail ?? text.title] }]);
    },
  });
}

interface SelfScoreValues {
  tier: SelfScoreTier;
  score: string;
  evidence: string;
}

/** 自评: choose the tier, a score within it, and the evidence (佐证) that supports it. */
export function SelfScoreModal(props: ModalProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const [form] = Form.useForm();
  const { item } = props;
  const tier = Form.useWatch('tier', form) as SelfScoreTier | undefined;
  const mutation = useScoreWrite<SelfScoreValues>(props, form, ['tier', 'score', 'evidence'], (values) =>
    api.saveSelfScore(client, props.departmentId, props.fiscalYear, item!.code, {
      tier: values.tier,
      score: normalizeAmountInput(values.score),
      evidence: values.evidence.trim(),
      version: item?.selfScoreVersion ?? null,
    }),
  );

  useEffect(() => {
    if (item) {
      const selfScored = item.status === 'SELF_SCORED';
      form.resetFields();
      form.setFieldsValue({
        tier: selfScored ? (tierOf(item.score, item.points) ?? 'GOOD') : 'GOOD',
        score: selfScored ? formatScore(item.score) : '',
        evidence: selfScored ? (item.explanation ?? '') : '',
      });
    }
  }, [form, item]);

  if (!item) return null;
  const points = decimalText(item.points);
  return (
    <Modal
      open
      title={t('evaluation.selfScoreTitle', { name: item.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'self-score-save' } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">{t('evaluation.selfScoreIntro', { points: formatScore(points) })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values: SelfScoreValues) => mutation.mutate(values)} data-testid="self-score-form">
        <Form.Item name="tier" label={t('evaluation.tier')} rules={[{ required: true, message: t('evaluation.validation.tierRequired') }]}>
          <Radio.Group onChange={() => void form.validateFields(['score']).catch(() => undefined)}>
            <Space orientation="vertical">
              {TIERS.map((value) => {
                const range = tierRange(value, item.points);
                return (
                  <Radio key={value} value={value} data-testid={`tier-${value}`}>
                    {t(`evaluation.tiers.${value}`)}（{range.low}–{range.high} {t('evaluation.pointsUnit')}）
                  </Radio>
                );
              })}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="score"
          label={t('evaluation.selfScore')}
          dependencies={['tier']}
          extra={tier ? t('evaluation.tierHint', tierRange(tier, item.points)) : undefined}
          rules={[
            {
              validator: (_rule, raw: string | undefined) => {
                const problem = checkScoreInput(raw, { tier: form.getFieldValue('tier') as SelfScoreTier, points: item.points });
                return problem === null
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(`evaluation.validation.${problem}`, { ...tierRange(tier ?? 'GOOD', item.points), points })));
              },
            },
          ]}
        >
          <Input inputMode="decimal" style={{ maxWidth: 200 }} data-testid="self-score-input" autoFocus />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('evaluation.evidence')}
          extra={t('evaluation.evidenceHint')}
          rules={[{ required: true, whitespace: true, message: t('evaluation.validation.evidenceRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="self-score-evidence" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AdjustValues {
  score: string;
  comment: string;
}

/** 财政调整: the reviewer's score for one indicator with a required comment; the self score stays visible. */
export function AdjustScoreModal(props: ModalProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const [form] = Form.useForm();
  const { item } = props;
  const mutation = useScoreWrite<AdjustValues>(props, form, ['score', 'comment'], (values) =>
    api.saveAdjustment(client, props.departmentId, props.fiscalYear, item!.code, {
      score: normalizeAmountInput(values.score),
      comment: values.comment.trim(),
      version: item?.adjustmentVersion ?? null,
    }),
  );
  useEffect(() => {
    if (item) {
      form.resetFields();
      form.setFieldsValue({
        score: item.adjustedScore === null ? '' : formatScore(item.adjustedScore),
        comment: item.adjustment ?? '',
      });
    }
  }, [form, item]);
  if (!item) return null;
  const points = formatScore(item.points);
  return (
    <Modal
      open
      title={t('evaluation.adjustTitle', { name: item.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'adjust-save' } as Record<string, string>}
    >
      <Typography.Paragraph data-testid="adjust-current">
        {t('evaluation.adjustCurrent', { score: formatScore(item.score), points })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values: AdjustValues) => mutation.mutate(values)} data-testid="adjust-form">
        <Form.Item
          name="score"
          label={t('evaluation.adjustedScore')}
          rules={[
            {
              validator: (_rule, raw: string | undefined) => {
                const problem = checkScoreInput(raw, { points: item.points });
                return problem === null ? Promise.resolve() : Promise.reject(new Error(t(`evaluation.validation.${problem}`, { points })));
              },
            },
          ]}
        >
          <Input inputMode="decimal" style={{ maxWidth: 200 }} data-testid="adjust-score" autoFocus />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('evaluation.adjustComment')}
          rules={[{ required: true, whitespace: true, message: t('evaluation.validation.commentRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount data-testid="adjust-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
