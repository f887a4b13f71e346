import { useEffect } from 'react';
import { Alert, Button, Card, Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api } from '../../api/endpoints';
import type { BudgetSheet } from '../../api/types';
import { SaveProblemAlert } from '../figures/SaveProblemAlert';
import { useSectionSave } from '../figures/useSectionSave';
import {
  STAFFING_FIELDS,
  changeFromLastYear,
  isValidCount,
  overAuthorized,
  toStaffingFormValues,
  toStaffingUpdate,
  type StaffingField,
  type StaffingFormValues,
  type YearChange,
} from './staffing';

interface StaffingCardProps {
  departmentId: string;
  fiscalYear: number;
  sheet: BudgetSheet;
  editable: boolean;
}

/** 人员情况 at year end: head counts, last year's beside them, and the 超编 warning. */
export function StaffingCard({ departmentId, fiscalYear, sheet, editable }: StaffingCardProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const [form] = Form.useForm<StaffingFormValues>();
  const watched = Form.useWatch([], form) as Partial<StaffingFormValues> | undefined;
  const staffing = sheet.staffing;
  const version = staffing?.version ?? null;
  const over = overAuthorized(watched ?? toStaffingFormValues(staffing));

  useEffect(() => {
    form.resetFields();
  }, [version, form]);

  const section = useSectionSave<StaffingFormValues>({
    departmentId,
    fiscalYear,
    form,
    hasField: (path) => (STAFFING_FIELDS as readonly (string | number)[]).includes(path[0]!),
    mutationFn: (values) => api.saveStaffing(client, departmentId, fiscalYear, toStaffingUpdate(values, version)),
    savedMessage: () => t('staffing.saved'),
  });

  const lastYear: Partial<Record<StaffingField, number | null>> = {
    staffInPost: staffing?.staffInPostLastYear ?? null,
    temporaryStaff: staffing?.temporaryStaffLastYear ?? null,
  };

  const changeText = (change: YearChange) => {
    switch (change.kind) {
      case 'missing':
        return t('staffing.lastYearMissing');
      case 'lastOnly':
        return t('staffing.lastYear', { value: change.lastYear });
      case 'same':
        return t('staffing.lastYearChange', { value: change.lastYear, change: t('staffing.same') });
      default:
        return t('staffing.lastYearChange', {
          value: change.lastYear,
          change: t(`staffing.${change.kind}`, { count: change.count }),
        });
    }
  };

  return (
    <Card size="small" title={t('staffing.title', { year: fiscalYear })} data-testid="staffing-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {staffing === null ? <Typography.Text type="secondary">{t('staffing.notEntered')}</Typography.Text> : null}
        <SaveProblemAlert problem={section.problem} fiscalYear={fiscalYear} onReload={() => void section.reload()} />
        <Form<StaffingFormValues>
          form={form}
          name="staffing"
          layout="vertical"
          initialValues={toStaffingFormValues(staffing)}
          onFinish={(values) => section.save(values)}
          data-testid="staffing-form"
        >
          <Row gutter={16}>
            {STAFFING_FIELDS.map((field) => {
              const label = t(`staffing.${field}`);
              const hasLastYear = field in lastYear;
              return (
                <Col key={field} xs={24} sm={12}>
                  <Form.Item
                    name={field}
                    label={t('common.fieldWithUnit', { label, unit: t('common.persons') })}
                    rules={[
                      {
                        validator: (_rule, value: unknown) =>
                          isValidCount(value) ? Promise.resolve() : Promise.reject(new Error(t('validation.count', { label }))),
                      },
                    ]}
                    extra={
                      hasLastYear ? (
                        <span data-testid={`${field}-last-year`}>
                          {changeText(changeFromLastYear(watched?.[field] ?? staffing?.[field] ?? null, lastYear[field]))}
                        </span>
                      ) : undefined
                    }
                  >
                    <InputNumber<number>
                      min={0}
                      precision={0}
                      step={1}
                      readOnly={!editable}
                      style={{ width: '100%' }}
                      data-testid={`${field}-input`}
                    />
                  </Form.Item>
                </Col>
              );
            })}
          </Row>
          {over !== null ? (
            <Alert
              type="warning"
              showIcon
              data-testid="overstaffed-warning"
              title={t('staffing.over', { count: over })}
              description={t('staffing.overDetail', { staff: watched?.staffInPost ?? staffing?.staffInPost, posts: watched?.authorizedPosts ?? staffing?.authorizedPosts })}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          {editable ? (
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={section.saving} data-testid="staffing-save">
              {t('staffing.save')}
            </Button>
          ) : null}
        </Form>
      </Space>
    </Card>
  );
}
