import { useEffect } from 'react';
import { Alert, Button, Card, Col, Form, Row, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api } from '../../api/endpoints';
import type { BudgetSheet } from '../../api/types';
import { WanField } from '../../components/WanField';
import { EMPTY_VALUE, formatPercent, formatWan } from '../../lib/money';
import { SaveProblemAlert } from '../figures/SaveProblemAlert';
import { useSectionSave } from '../figures/useSectionSave';
import {
  MONTHS,
  OTHER_AMOUNT_FIELDS,
  crossFieldProblems,
  otherComputed,
  otherFiguresVersion,
  toOtherFiguresUpdate,
  toOtherFormValues,
  type OtherAmountField,
  type OtherFiguresFormValues,
} from './otherFigures';

interface OtherFiguresTabProps {
  departmentId: string;
  fiscalYear: number;
  sheet: BudgetSheet;
  editable: boolean;
}

const THREE_PUBLIC_ROWS = [
  { key: 'overseas', budget: 'overseasBudget', actual: 'overseasActual' },
  { key: 'cars', budget: 'carsBudget', actual: 'carsActual' },
  { key: 'reception', budget: 'receptionBudget', actual: 'receptionActual' },
] as const;

/** 三公经费, 政府采购, 结转结余, 固定资产 and 月度支付: one form, one save (the section is one row). */
export function OtherFiguresTab({ departmentId, fiscalYear, sheet, editable }: OtherFiguresTabProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const [form] = Form.useForm<OtherFiguresFormValues>();
  const watched = Form.useWatch([], form) as Partial<OtherFiguresFormValues> | undefined;
  const computed = otherComputed(watched);
  const version = otherFiguresVersion(sheet);

  // Back to the stored values when they change (after a save, or a reload after a conflict).
  useEffect(() => {
    form.resetFields();
  }, [version, form]);

  const section = useSectionSave<OtherFiguresFormValues>({
    departmentId,
    fiscalYear,
    form,
    hasField: (path) =>
      (OTHER_AMOUNT_FIELDS as readonly (string | number)[]).includes(path[0]!) ||
      (path[0] === 'monthlyPayments' && typeof path[1] === 'number'),
    mutationFn: (values) => api.saveOtherFigures(client, departmentId, fiscalYear, toOtherFiguresUpdate(values, version)),
    savedMessage: () => t('other.saved'),
  });

  const submit = (values: OtherFiguresFormValues) => {
    const problems = crossFieldProblems(values);
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    if (problems.fixedAssetsInUse) {
      fields.push({ name: ['fixedAssetsInUse'], errors: [t('other.inUseAboveTotal')] });
    }
    if (problems.monthlyPayments) {
      const message = t('other.monthlyIncomplete', { filled: computed.monthsFilled });
      values.monthlyPayments.forEach((month, index) => {
        if ((month ?? '').trim() === '') fields.push({ name: ['monthlyPayments', index], errors: [message] });
      });
    }
    if (fields.length > 0) {
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      return;
    }
    section.save(values);
  };

  const readOnly = !editable;
  const amount = (name: OtherAmountField, label: string, extra?: Partial<Parameters<typeof WanField>[0]>) => (
    <WanField name={name} label={label} readOnly={readOnly} testId={`${name}-input`} width="100%" {...extra} />
  );
  const figure = (label: string, value: string, testId: string) => (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 16, fontWeight: 600 }} data-testid={testId}>
        {value}
      </div>
    </div>
  );
  const wan = (yuan: string | null) => (yuan === null ? EMPTY_VALUE : `${formatWan(yuan)} ${t('common.wan')}`);

  return (
    <Form<OtherFiguresFormValues>
      form={form}
      name="other-figures"
      layout="vertical"
      initialValues={toOtherFormValues(sheet)}
      onFinish={submit}
      data-testid="other-figures-form"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {sheet.threePublic === null ? (
          <Alert type="info" showIcon data-testid="other-not-entered" title={t('other.notEntered')} />
        ) : null}
        <SaveProblemAlert problem={section.problem} fiscalYear={fiscalYear} onReload={() => void section.reload()} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('other.threePublic')} extra={<Typography.Text type="secondary">{t('common.unitWan')}</Typography.Text>} style={{ height: '100%' }}>
              <Row gutter={12} style={{ fontWeight: 600, marginBottom: 8 }} aria-hidden>
                <Col span={8}>{t('other.item')}</Col>
                <Col span={8}>{t('other.budget')}</Col>
                <Col span={8}>{t('other.actual')}</Col>
              </Row>
              {THREE_PUBLIC_ROWS.map((row) => (
                <Row gutter={12} key={row.key} align="top">
                  <Col span={8} style={{ paddingTop: 5 }}>
                    {t(`other.${row.key}`)}
                  </Col>
                  <Col span={8}>
                    <WanField
                      name={row.budget}
                      label={`${t(`other.${row.key}`)} · ${t('other.budget')}`}
                      hideLabel
                      readOnly={readOnly}
                      testId={`${row.budget}-input`}
                      width="100%"
                    />
                  </Col>
                  <Col span={8}>
                    <WanField
                      name={row.actual}
                      label={`${t(`other.${row.key}`)} · ${t('other.actual')}`}
                      hideLabel
                      readOnly={readOnly}
                      testId={`${row.actual}-input`}
                      width="100%"
                    />
                  </Col>
                </Row>
              ))}
              <Row gutter={12} style={{ fontWeight: 600, borderTop: '1px solid #f0f0f0', paddingTop: 8, marginBottom: 16 }}>
                <Col span={8}>{t('other.total')}</Col>
                <Col span={8} style={{ textAlign: 'right', paddingRight: 18 }} data-testid="three-public-total-budget">
                  {computed.threePublicBudget === null ? EMPTY_VALUE : formatWan(computed.threePublicBudget)}
                </Col>
                <Col span={8} style={{ textAlign: 'right', paddingRight: 18 }} data-testid="three-public-total-actual">
                  {computed.threePublicActual === null ? EMPTY_VALUE : formatWan(computed.threePublicActual)}
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24} sm={16}>
                  {amount('threePublicBudgetLastYear', t('other.lastYearBudget'))}
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('other.assets')} style={{ height: '100%' }}>
              {amount('fixedAssetsTotal', t('other.assetsTotal'))}
              {amount('fixedAssetsInUse', t('other.assetsInUse'))}
              {figure(t('other.utilisation'), formatPercent(computed.utilisationRate), 'assets-utilisation')}
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t('other.procurement')} style={{ height: '100%' }}>
              <Row gutter={12}>
                <Col span={12}>{amount('procurementBudget', t('other.procurementBudget'))}</Col>
                <Col span={12}>{amount('procurementActual', t('other.procurementActual'))}</Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t('other.carryOver')} style={{ height: '100%' }}>
              <Row gutter={12}>
                <Col span={12}>{amount('carryOver', t('other.carryOverThis'))}</Col>
                <Col span={12}>{amount('carryOverLastYear', t('other.carryOverLast'))}</Col>
              </Row>
            </Card>
          </Col>
          <Col span={24}>
            <Card
              size="small"
              title={t('other.monthly')}
              extra={<Typography.Text type="secondary">{t('common.unitWan')}</Typography.Text>}
              data-testid="monthly-payments"
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                {t('other.monthlyHint')}
              </Typography.Paragraph>
              <Row gutter={12}>
                {Array.from({ length: MONTHS }, (_, index) => (
                  <Col key={index} xs={12} sm={8} md={6} lg={4} xl={4} xxl={2}>
                    <WanField
                      name={['monthlyPayments', index]}
                      label={t('other.month', { month: index + 1 })}
                      unitInLabel={false}
                      readOnly={readOnly}
                      testId={`month-${index + 1}-input`}
                      width="100%"
                    />
                  </Col>
                ))}
              </Row>
              <Space size="small">
                <Typography.Text type="secondary">{t('other.monthlyTotal')}</Typography.Text>
                <strong data-testid="monthly-total">{wan(computed.monthlyTotal)}</strong>
              </Space>
            </Card>
          </Col>
        </Row>
        {editable ? (
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={section.saving} data-testid="other-save">
            {t('other.save')}
          </Button>
        ) : null}
      </Space>
    </Form>
  );
}
