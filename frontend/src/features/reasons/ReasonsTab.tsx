import { useEffect } from 'react';
import { Button, Card, Col, Empty, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  DeleteOutlined,
  ExclamationCircleFilled,
  PlusOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api } from '../../api/endpoints';
import type { BudgetSheet, VarianceLine } from '../../api/types';
import { WanField } from '../../components/WanField';
import { SaveProblemAlert } from '../figures/SaveProblemAlert';
import { useSectionSave } from '../figures/useSectionSave';
import { LINES, reasonCheckViews, toReasonsFormValues, toReasonsUpdate, type ReasonCheckView, type ReasonsFormValues } from './reasons';

interface ReasonsTabProps {
  departmentId: string;
  fiscalYear: number;
  sheet: BudgetSheet;
  editable: boolean;
}

const REASON_FIELDS = new Set(['line', 'projectId', 'amount', 'reason']);

/** 差异原因: the check of every variance against its reasons, and the list of reasons. */
export function ReasonsTab({ departmentId, fiscalYear, sheet, editable }: ReasonsTabProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const [form] = Form.useForm<ReasonsFormValues>();
  const views = reasonCheckViews(sheet);

  // The reasons are saved against the filing revision: reset to the stored list when it moves on.
  useEffect(() => {
    form.resetFields();
  }, [sheet.revision, form]);

  const section = useSectionSave<ReasonsFormValues>({
    departmentId,
    fiscalYear,
    form,
    hasField: (path) =>
      path[0] === 'reasons' && typeof path[1] === 'number' && typeof path[2] === 'string' && REASON_FIELDS.has(path[2]),
    mutationFn: (values) => api.saveVarianceReasons(client, departmentId, fiscalYear, toReasonsUpdate(values, sheet.revision)),
    savedMessage: () => t('reasons.saved'),
  });

  const checkTitle = (view: ReasonCheckView) =>
    view.line === 'PROJECT'
      ? t('reasons.checkTitle.PROJECT', { name: view.projectName ?? t('reasons.unknownProject', { id: view.projectId }) })
      : t(`reasons.checkTitle.${view.line}`);

  const projectOptions = sheet.projects.map((project) => ({ value: project.id, label: project.name }));
  const readOnly = !editable;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('reasons.checks')} extra={<Typography.Text type="secondary">{t('common.unitWan')}</Typography.Text>}>
        <Table<ReasonCheckView>
          data-testid="reason-checks"
          size="small"
          rowKey="testId"
          pagination={false}
          dataSource={views}
          locale={{ emptyText: t('reasons.checksEmpty') }}
          onRow={(view) => ({ 'data-testid': view.testId }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'line', title: t('reasons.line'), render: (_, view) => checkTitle(view) },
            { key: 'variance', title: t('reasons.variance'), align: 'right', width: 140, render: (_, view) => <span data-testid="check-variance">{view.variance}</span> },
            { key: 'explained', title: t('reasons.explained'), align: 'right', width: 140, render: (_, view) => <span data-testid="check-explained">{view.explained}</span> },
            {
              key: 'status',
              title: '',
              width: 240,
              render: (_, view) =>
                view.status === 'success' ? (
                  <Tag color="success" icon={<CheckCircleFilled />} data-testid="check-status">
                    {t('reasons.matches')}
                  </Tag>
                ) : view.status === 'warning' ? (
                  <Tag color="warning" icon={<ExclamationCircleFilled />} data-testid="check-status">
                    {t('reasons.notItemised', { amount: view.unexplained })}
                  </Tag>
                ) : (
                  <Tag color="error" icon={<CloseCircleFilled />} data-testid="check-status">
                    {t('reasons.unexplained', { amount: view.unexplained })}
                  </Tag>
                ),
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('reasons.title')} extra={<Typography.Text type="secondary">{t('common.unitWan')}</Typography.Text>}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('reasons.intro')}
        </Typography.Paragraph>
        <SaveProblemAlert problem={section.problem} fiscalYear={fiscalYear} onReload={() => void section.reload()} />
        <Form<ReasonsFormValues>
          form={form}
          name="variance-reasons"
          layout="vertical"
          initialValues={toReasonsFormValues(sheet.varianceReasons)}
          onFinish={(values) => section.save({ reasons: values.reasons ?? [] })}
          data-testid="reasons-form"
        >
          <Form.List name="reasons">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reasons.empty')} /> : null}
                {fields.length > 0 ? (
                  <Row gutter={8} style={{ fontWeight: 600, marginBottom: 8 }} aria-hidden>
                    <Col xs={0} md={4}>{t('reasons.line')}</Col>
                    <Col xs={0} md={6}>{t('reasons.project')}</Col>
                    <Col xs={0} md={3}>{t('reasons.amount')}</Col>
                    <Col xs={0} md={10}>{t('reasons.reason')}</Col>
                  </Row>
                ) : null}
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key} align="top" data-testid="reason-row">
                    <Col xs={24} md={4}>
                      <Form.Item name={[field.name, 'line']} rules={[{ required: true, message: t('reasons.line') }]} style={{ marginBottom: 12 }}>
                        <Select<VarianceLine>
                          aria-label={`${t('reasons.line')} ${index + 1}`}
                          disabled={readOnly}
                          options={LINES.map((line) => ({ value: line, label: t(`reasons.lines.${line}`) }))}
                          onChange={(line) => {
                            if (line !== 'PROJECT') form.setFieldValue(['reasons', field.name, 'projectId'], null);
                          }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item noStyle dependencies={[['reasons', field.name, 'line']]}>
                        {({ getFieldValue }) =>
                          getFieldValue(['reasons', field.name, 'line']) === 'PROJECT' ? (
                            <Form.Item
                              name={[field.name, 'projectId']}
                              rules={[{ required: true, message: t('reasons.projectRequired') }]}
                              style={{ marginBottom: 12 }}
                            >
                              <Select<number>
                                aria-label={`${t('reasons.project')} ${index + 1}`}
                                placeholder={t('reasons.projectPlaceholder')}
                                disabled={readOnly}
                                options={projectOptions}
                                showSearch={{ optionFilterProp: 'label' }}
                              />
                            </Form.Item>
                          ) : (
                            <Form.Item name={[field.name, 'projectId']} hidden>
                              <Input />
                            </Form.Item>
                          )
                        }
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={3}>
                      <WanField
                        name={[field.name, 'amount']}
                        label={`${t('reasons.amount')} ${index + 1}`}
                        hideLabel
                        required
                        allowNegative
                        readOnly={readOnly}
                        placeholder={t('reasons.amountHint')}
                        width="100%"
                        style={{ marginBottom: 12 }}
                      />
                    </Col>
                    <Col xs={20} md={10}>
                      <Form.Item
                        name={[field.name, 'reason']}
                        rules={[{ required: true, whitespace: true, message: t('validation.text', { label: t('reasons.reason') }) }]}
                        style={{ marginBottom: 12 }}
                      >
                        <Input.TextArea
                          aria-label={`${t('reasons.reason')} ${index + 1}`}
                          placeholder={t('reasons.reasonPlaceholder')}
                          readOnly={readOnly}
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          maxLength={1000}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={1}>
                      {editable ? (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label={`${t('common.remove')} ${index + 1}`}
                        />
                      ) : null}
                    </Col>
                  </Row>
                ))}
                {editable ? (
                  <Space>
                    <Button icon={<PlusOutlined />} onClick={() => add({ line: 'PROJECT', projectId: null, amount: '', reason: '' })} data-testid="reason-add">
                      {t('reasons.add')}
                    </Button>
                    <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={section.saving} data-testid="reasons-save">
                      {t('reasons.save')}
                    </Button>
                  </Space>
                ) : null}
              </>
            )}
          </Form.List>
        </Form>
      </Card>
    </Space>
  );
}
