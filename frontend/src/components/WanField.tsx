import type { ReactNode } from 'react';
import { Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { checkWanAmount, tryWanInputToYuan, type AmountRules } from '../lib/amountInput';

export interface WanFieldProps extends AmountRules {
  /** Form field name (also the request field: server errors land here). */
  name: NamePath;
  /** Field label without the unit; the unit is added ("预算数（万元）"). */
  label: string;
  /** No visible label (table cells): the label is the input's aria-label instead. */
  hideLabel?: boolean;
  readOnly?: boolean;
  testId?: string;
  /** Show "= 6378800.00 元" under the field (data-testid `${previewTestId}`). */
  preview?: boolean;
  previewTestId?: string;
  placeholder?: string;
  /** Extra help under the field (after the preview). */
  help?: ReactNode;
  width?: number | string;
  /** Add the unit to the label ("预算数（万元）"); off where the unit is stated once for a group. */
  unitInLabel?: boolean;
  style?: React.CSSProperties;
}

/**
 * An amount typed in 万元 (up to 6 decimals), validated the same way everywhere; the API gets the
 * exact 元 amount (see lib/amountInput). Empty = not provided unless `required`.
 */
export function WanField({
  name,
  label,
  hideLabel = false,
  required = false,
  allowNegative = false,
  readOnly = false,
  testId,
  preview = false,
  previewTestId,
  placeholder,
  help,
  width,
  unitInLabel = true,
  style,
}: WanFieldProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const value = Form.useWatch(name, form) as string | undefined;
  const rules: AmountRules = { required, allowNegative };
  const fullLabel = unitInLabel ? t('common.fieldWithUnit', { label, unit: t('common.wan') }) : label;
  const yuan = preview ? tryWanInputToYuan(value, rules) : undefined;

  const previewNode = preview ? (
    <span data-testid={previewTestId}>{yuan ? t('basic.equalsYuan', { yuan }) : '\u00a0'}</span>
  ) : null;
  const extra = previewNode || help ? (
    <>
      {previewNode}
      {previewNode && help ? <br /> : null}
      {help}
    </>
  ) : undefined;

  return (
    <Form.Item
      name={name}
      label={hideLabel ? undefined : fullLabel}
      validateFirst
      required={required}
      style={style}
      rules={[
        {
          validator: (_rule, raw: string | undefined) => {
            const problem = checkWanAmount(raw, rules);
            return problem === null
              ? Promise.resolve()
              : Promise.reject(new Error(t(`validation.${problem}`, { label })));
          },
        },
      ]}
      extra={extra}
    >
      <Input
        inputMode="decimal"
        autoComplete="off"
        placeholder={placeholder}
        suffix={hideLabel ? undefined : t('common.wan')}
        readOnly={readOnly}
        aria-label={hideLabel ? fullLabel : undefined}
        data-testid={testId}
        style={{ maxWidth: width ?? 320, textAlign: hideLabel ? 'right' : undefined }}
      />
    </Form.Item>
  );
}
