import { useEffect } from 'react';
import { Alert, Button, Col, Divider, Form, Row, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/problem';
import { sameFormValues } from '../../auth/drafts';
import type { DraftHandle } from '../../auth/useDraft';
import { WanField } from '../../components/WanField';
import { formatWan } from '../../lib/money';
import {
  AMOUNT_FIELDS,
  checkParts,
  formFieldFor,
  isRequiredField,
  normalizeAmountInput,
  type AmountField,
  type BasicExpenditureFormValues,
} from './formLogic';

export interface BasicExpenditureFormProps {
  /** Values to show; the form is reset to them whenever `valuesKey` changes. */
  values: BasicExpenditureFormValues;
  valuesKey: string;
  readOnly?: boolean;
  /** No saving yet (data still loading). */
  disabled?: boolean;
  saving?: boolean;
  /** Field errors from the server (problem+json `errors`), shown under the fields they name. */
  fieldErrors?: readonly FieldError[];
  /** Called with valid, normalised values in 万元. */
  onSubmit(values: BasicExpenditureFormValues): void;
  /** Unsaved input kept across a new login: restored over `values`, tracked while typing. */
  draft?: DraftHandle<BasicExpenditureFormValues>;
}

const FIELD_TEST_IDS: Record<AmountField, string> = {
  budget: 'budget-input',
  actual: 'actual-input',
  personnelActual: 'personnel-actual-input',
  subsidiesActual: 'subsidies-actual-input',
  publicFundsActual: 'public-funds-actual-input',
  publicFundsBudget: 'public-funds-budget-input',
};

const PREVIEW_TEST_IDS: Partial<Record<AmountField, string>> = {
  budget: 'budget-yuan-preview',
  actual: 'actual-yuan-preview',
};

/**
 * 基本支出 in 万元 (up to 6 decimals): budget and actual (required, with the exact 元 amount under
 * each), the three parts of the actual and the public-funds budget (optional), and a live check
 * that the parts add up to the actual.
 */
export function BasicExpenditureForm({
  values,
  valuesKey,
  readOnly = false,
  disabled = false,
  saving = false,
  fieldErrors,
  onSubmit,
  draft,
}: BasicExpenditureFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BasicExpenditureFormValues>();
  const watched = Form.useWatch([], form) as Partial<BasicExpenditureFormValues> | undefined;
  const parts = checkParts(watched);

  const restored = draft?.restored ?? null;
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values);
    // A draft from before a new login goes over the stored values until it is saved or discarded.
    if (restored) form.setFieldsValue(restored);
    // Reset only when the data behind the form changes, not on every render of `values`.
  }, [valuesKey, form, restored]);

  // What would be lost if the session ended now: the typed values when they differ from the stored ones.
  const track = draft?.track;
  useEffect(() => {
    if (!track || readOnly || !watched) return;
    track(sameFormValues({ ...watched }, { ...values }) ? null : ({ ...values, ...watched } as BasicExpenditureFormValues));
  }, [track, readOnly, watched, values]);

  useEffect(() => {
    if (!fieldErrors || fieldErrors.length === 0) {
      return;
    }
    const byField = new Map<AmountField, string[]>();
    for (const error of fieldErrors) {
      const field = formFieldFor(error.field);
      if (field) {
        byField.set(field, [...(byField.get(field) ?? []), error.message]);
      }
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  }, [fieldErrors, form]);

  const labels: Record<AmountField, string> = {
    budget: t('basic.budget'),
    actual: t('basic.actual'),
    personnelActual: t('basic.personnelActual'),
    subsidiesActual: t('basic.subsidiesActual'),
    publicFundsActual: t('basic.publicFundsActual'),
    publicFundsBudget: t('basic.publicFundsBudget'),
  };

  const handleFinish = (raw: BasicExpenditureFormValues) => {
    const normalised = {} as BasicExpenditureFormValues;
    for (const field of AMOUNT_FIELDS) {
      normalised[field] = normalizeAmountInput(raw[field]);
    }
    onSubmit(normalised);
  };

  const field = (name: AmountField) => (
    <WanField
      name={name}
      label={labels[name]}
      required={isRequiredField(name)}
      readOnly={readOnly}
      testId={FIELD_TEST_IDS[name]}
      preview={PREVIEW_TEST_IDS[name] !== undefined}
      previewTestId={PREVIEW_TEST_IDS[name]}
      placeholder={isRequiredField(name) ? t('basic.placeholder') : undefined}
    />
  );

  return (
    <Form<BasicExpenditureFormValues>
      form={form}
      name="basic-expenditure"
      layout="vertical"
      initialValues={values}
      onFinish={handleFinish}
      disabled={disabled && !readOnly}
      data-testid="basic-expenditure-form"
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          {field('budget')}
        </Col>
        <Col xs={24} sm={12}>
          {field('actual')}
        </Col>
      </Row>
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t('basic.parts')}
      </Divider>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('basic.partsHint')}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          {field('personnelActual')}
        </Col>
        <Col xs={24} sm={12}>
          {field('subsidiesActual')}
        </Col>
        <Col xs={24} sm={12}>
          {field('publicFundsActual')}
        </Col>
        <Col xs={24} sm={12}>
          {field('publicFundsBudget')}
        </Col>
      </Row>
      <div data-testid="parts-check" style={{ marginBottom: 16 }}>
        {parts === undefined ? (
          <Typography.Text type="secondary">{t('basic.partsIncomplete')}</Typography.Text>
        ) : parts.agrees ? (
          <Alert type="success" showIcon title={t('basic.partsAgree', { sum: formatWan(parts.partsSum) })} />
        ) : (
          <Alert
            type="warning"
            showIcon
            data-testid="parts-mismatch"
            title={t('basic.partsMismatch')}
            description={t('basic.partsMismatchDetail', {
              sum: formatWan(parts.partsSum),
              actual: formatWan(parts.actual),
              difference: formatWan(parts.difference),
              yuan: parts.difference,
            })}
          />
        )}
      </div>
      {!readOnly && (
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="save-button">
            {t('basic.save')}
          </Button>
        </Form.Item>
      )}
    </Form>
  );
}
