import { useEffect } from 'react';
import { Button, Form, Input } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/problem';
import {
  AMOUNT_FIELDS,
  formFieldFor,
  normalizeAmountInput,
  validateWanAmount,
  yuanPreview,
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
}

const FIELD_TEST_IDS: Record<AmountField, string> = {
  budget: 'budget-input',
  actual: 'actual-input',
};

/** 预算数 / 实际支出 in 万元 (up to 6 decimals), with the exact 元 amount shown under each field. */
export function BasicExpenditureForm({
  values,
  valuesKey,
  readOnly = false,
  disabled = false,
  saving = false,
  fieldErrors,
  onSubmit,
}: BasicExpenditureFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BasicExpenditureFormValues>();
  const budget = Form.useWatch('budget', form);
  const actual = Form.useWatch('actual', form);
  const watched: Record<AmountField, string | undefined> = { budget, actual };

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values);
    // Reset only when the data behind the form changes, not on every render of `values`.
  }, [valuesKey, form]);

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
  };

  const handleFinish = (raw: BasicExpenditureFormValues) => {
    onSubmit({
      budget: normalizeAmountInput(raw.budget),
      actual: normalizeAmountInput(raw.actual),
    });
  };

  return (
    <Form<BasicExpenditureFormValues>
      form={form}
      name="basic-expenditure"
      layout="vertical"
      initialValues={values}
      onFinish={handleFinish}
      disabled={disabled && !readOnly}
      data-testid="basic-expenditure-form"
      style={{ maxWidth: 480 }}
    >
      {AMOUNT_FIELDS.map((field) => {
        const yuan = yuanPreview(watched[field]);
        return (
          <Form.Item
            key={field}
            name={field}
            label={t('common.fieldWithUnit', { label: labels[field], unit: t('common.wan') })}
            validateFirst
            rules={[
              {
                validator: (_rule, value: string | undefined) => {
                  const problem = validateWanAmount(value);
                  return problem === null
                    ? Promise.resolve()
                    : Promise.reject(new Error(t(`validation.${problem}`, { label: labels[field] })));
                },
              },
            ]}
            extra={
              <span data-testid={`${field}-yuan-preview`}>
                {yuan !== undefined ? t('basic.equalsYuan', { yuan }) : '\u00a0'}
              </span>
            }
          >
            <Input
              inputMode="decimal"
              autoComplete="off"
              placeholder={t('basic.placeholder')}
              suffix={t('common.wan')}
              readOnly={readOnly}
              data-testid={FIELD_TEST_IDS[field]}
              style={{ maxWidth: 320 }}
            />
          </Form.Item>
        );
      })}
      {!readOnly && (
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="save-button">
            {t('basic.save')}
          </Button>
        </Form.Item>
      )}
    </Form>
  );
}
