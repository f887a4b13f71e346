import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Form, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import { GOAL_CATEGORIES, GOAL_DIRECTIONS, GOAL_UNITS, type GoalsView } from '../../api/types';
import { placeFieldErrors } from '../../lib/fieldErrors';
import { SaveProblemAlert } from '../figures/SaveProblemAlert';
import type { SaveProblem } from '../figures/useSectionSave';
import {
  DIRECTION_SYMBOL,
  checkGoalNumber,
  emptyGoal,
  emptyIndicator,
  formToInput,
  goalsToForm,
  meetsTarget,
  type GoalsFormValues,
} from './goals';

interface GoalsEditorProps {
  departmentId: string;
  fiscalYear: number;
  goals: GoalsView;
  editable: boolean;
}

/**
 * 绩效目标: goals, each with its indicators (category, name, direction, target, unit, actual, key
 * task). Saved as one whole with the version read; errors from the service land under their field
 * (goals[0].indicators[1].target).
 */
export function GoalsEditor({ departmentId, fiscalYear, goals, editable }: GoalsEditorProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { message, notification } = App.useApp();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [dirty, setDirty] = useState(false);
  const values = Form.useWatch([], form) as GoalsFormValues | undefined;

  // The form follows the server's goals (after a save or a reload), unless the user is typing.
  useEffect(() => {
    form.setFieldsValue(goalsToForm(goals));
    setDirty(false);
  }, [form, goals]);

  const mutation = useMutation({
    mutationFn: (input: GoalsFormValues) =>
      api.saveGoals(client, departmentId, fiscalYear, formToInput(input, goals.version)),
    onMutate: () => setProblem(null),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.goals(departmentId, fiscalYear), saved);
      // The score card is rescored from the goals (产出 indicators).
      void queryClient.invalidateQueries({ queryKey: queryKeys.evaluationWithScore(departmentId, fiscalYear) });
      message.success(t('goals.saved'));
    },
    onError: (error) => {
      if (isApiError(error) && error.isVersionConflict) {
        setProblem({ kind: 'conflict' });
        return;
      }
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const { placed, unplaced } = placeFieldErrors(error.fieldErrors, (path) => path[0] === 'goals' && path.length > 2);
        form.setFields(placed);
        if (unplaced.length > 0) {
          notification.error({
            title: t('errors.fieldErrors'),
            description: unplaced.map((fieldError) => fieldError.message).join(t('common.listSeparator')),
          });
        }
        return;
      }
      const text = errorText(error, t);
      notification.error({ title: t('goals.saveFailed'), description: text.detail ?? text.title });
    },
  });

  const reload = async () => {
    await queryClient.refetchQueries({ queryKey: queryKeys.goals(departmentId, fiscalYear) });
    setProblem(null);
  };

  const numberRule = (label: string, required: boolean, unitPath?: (string | number)[]) => ({
    validator: (_rule: unknown, raw: string | undefined) => {
      const unit = unitPath ? (form.getFieldValue(unitPath) as string | undefined) : undefined;
      const issue = checkGoalNumber(raw, { required, unit, isTarget: unitPath !== undefined });
      return issue === null ? Promise.resolve() : Promise.reject(new Error(t(`goals.validation.${issue}`, { label })));
    },
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <SaveProblemAlert problem={problem} fiscalYear={fiscalYear} onReload={() => void reload()} />
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        onValuesChange={() => setDirty(true)}
        onFinish={(submitted: GoalsFormValues) => mutation.mutate(submitted)}
        data-testid="goals-form"
        scrollToFirstError
      >
        <Form.List name="goals">
          {(goalFields, goalOps) => (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {goalFields.length === 0 ? (
                <Empty description={t('goals.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} data-testid="goals-empty" />
              ) : null}
              {goalFields.map((goalField, goalIndex) => {
                const goalLabel = t('goals.goalNumber', { n: goalIndex + 1 });
                return (
                  <Card
                    key={goalField.key}
                    size="small"
                    data-testid="goal-card"
                    title={goalLabel}
                    extra={
                      editable ? (
                        <Button
                          size="small"
                          danger
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('goals.removeGoal', { goal: goalLabel })}
                          onClick={() => goalOps.remove(goalField.name)}
                        >
                          {t('goals.removeGoalShort')}
                        </Button>
                      ) : null
                    }
                  >
                    <Form.Item
                      name={[goalField.name, 'goal']}
                      label={t('goals.goalText')}
                      rules={[{ required: true, whitespace: true, message: t('goals.validation.goalRequired') }]}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={1000}
                        aria-label={`${goalLabel} ${t('goals.goalText')}`}
                        data-testid="goal-text"
                      />
                    </Form.Item>
                    <Form.List name={[goalField.name, 'indicators']}>
                      {(fields, ops) => (
                        <div role="group" aria-label={t('goals.indicatorsOf', { goal: goalLabel })}>
                          <IndicatorHeader />
                          {fields.map((field, index) => {
                            const rowLabel = t('goals.indicatorLabel', { goal: goalIndex + 1, n: index + 1 });
                            const path = ['goals', goalField.name, 'indicators', field.name];
                            const row = values?.goals?.[goalField.name]?.indicators?.[field.name];
                            const met = row ? meetsTarget(row.direction, row.target, row.actual) : null;
                            const cellLabel = (label: string) => `${rowLabel} ${label}`;
                            return (
                              <div key={field.key} role="group" aria-label={rowLabel} data-testid="goal-indicator-row" style={ROW_STYLE}>
                                <Form.Item name={[field.name, 'category']} style={{ margin: 0 }}>
                                  <Select
                                    aria-label={cellLabel(t('goals.category'))}
                                    options={GOAL_CATEGORIES.map((value) => ({ value, label: t(`goals.categories.${value}`) }))}
                                  />
                                </Form.Item>
                                <Form.Item
                                  name={[field.name, 'name']}
                                  style={{ margin: 0 }}
                                  rules={[{ required: true, whitespace: true, message: t('goals.validation.nameRequired') }]}
                                >
                                  <Input aria-label={cellLabel(t('goals.indicatorName'))} maxLength={200} data-testid="indicator-name" />
                                </Form.Item>
                                <Form.Item name={[field.name, 'direction']} style={{ margin: 0 }}>
                                  <Select
                                    aria-label={cellLabel(t('goals.direction'))}
                                    options={GOAL_DIRECTIONS.map((value) => ({
                                      value,
                                      label: `${DIRECTION_SYMBOL[value]} ${t(`goals.directions.${value}`)}`,
                                    }))}
                                  />
                                </Form.Item>
                                <Form.Item
                                  name={[field.name, 'target']}
                                  style={{ margin: 0 }}
                                  dependencies={[[...path, 'unit']]}
                                  rules={[numberRule(t('goals.target'), true, [...path, 'unit'])]}
                                >
                                  <Input inputMode="decimal" aria-label={cellLabel(t('goals.target'))} data-testid="indicator-target" style={{ textAlign: 'right' }} />
                                </Form.Item>
                                <Form.Item name={[field.name, 'unit']} style={{ margin: 0 }}>
                                  <Select aria-label={cellLabel(t('goals.unit'))} options={GOAL_UNITS.map((unit) => ({ value: unit, label: unit }))} />
                                </Form.Item>
                                <Form.Item name={[field.name, 'actual']} style={{ margin: 0 }} rules={[numberRule(t('goals.actual'), false)]}>
                                  <Input inputMode="decimal" aria-label={cellLabel(t('goals.actual'))} data-testid="indicator-actual" style={{ textAlign: 'right' }} />
                                </Form.Item>
                                <Form.Item name={[field.name, 'keyTask']} valuePropName="checked" style={{ margin: 0 }}>
                                  <Checkbox aria-label={cellLabel(t('goals.keyTask'))} />
                                </Form.Item>
                                <div data-testid="indicator-met" aria-live="polite">
                                  {met === null ? (
                                    <Tag>{t('goals.noActual')}</Tag>
                                  ) : met ? (
                                    <Tag color="success">{t('goals.met')}</Tag>
                                  ) : (
                                    <Tag color="error">{t('goals.notMet')}</Tag>
                                  )}
                                </div>
                                <div>
                                  {editable ? (
                                    <Tooltip title={t('common.remove')}>
                                      <Button
                                        type="text"
                                        danger
                                        icon={<DeleteOutlined />}
                                        aria-label={`${t('common.remove')} ${rowLabel}`}
                                        onClick={() => ops.remove(field.name)}
                                        disabled={fields.length === 1}
                                      />
                                    </Tooltip>
                                  ) : null}
                                </div>
                              </div>
                            );
                          })}
                          {editable ? (
                            <Button
                              type="dashed"
                              icon={<PlusOutlined />}
                              onClick={() => ops.add(emptyIndicator())}
                              style={{ marginTop: 8 }}
                              data-testid="indicator-add"
                            >
                              {t('goals.addIndicator')}
                            </Button>
                          ) : null}
                        </div>
                      )}
                    </Form.List>
                  </Card>
                );
              })}
              {editable ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => goalOps.add(emptyGoal())} data-testid="goal-add" block>
                  {t('goals.addGoal')}
                </Button>
              ) : null}
            </Space>
          )}
        </Form.List>
        {editable ? (
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="goals-save">
              {t('common.save')}
            </Button>
            <Button
              htmlType="button"
              disabled={!dirty || mutation.isPending}
              onClick={() => {
                form.setFieldsValue(goalsToForm(goals));
                form.setFields(form.getFieldsError().map(({ name }) => ({ name, errors: [] })));
                setDirty(false);
              }}
            >
              {t('goals.discard')}
            </Button>
            {dirty ? <Typography.Text type="warning">{t('goals.unsaved')}</Typography.Text> : null}
          </Space>
        ) : null}
      </Form>
    </Space>
  );
}

const ROW_STYLE: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '130px minmax(180px, 2fr) 120px 110px 96px 110px 64px 88px 40px',
  gap: 8,
  alignItems: 'start',
  padding: '6px 0',
  borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
};

function IndicatorHeader() {
  const { t } = useTranslation();
  const cells = [
    t('goals.category'),
    t('goals.indicatorName'),
    t('goals.direction'),
    t('goals.target'),
    t('goals.unit'),
    t('goals.actual'),
    t('goals.keyTask'),
    t('goals.status'),
    '',
  ];
  return (
    <div aria-hidden="true" style={{ ...ROW_STYLE, fontWeight: 600, background: 'rgba(0,0,0,0.02)' }}>
      {cells.map((cell, index) => (
        <div key={index}>
          {cell}
        </div>
      ))}
    </div>
  );
}
