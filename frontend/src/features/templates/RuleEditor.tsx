import { Button, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RULE_KINDS, type RuleKind } from './templateApi';
import { defaultRule, type EditorRule } from './templateEditor';
import { FieldMessage, type MessagesAt } from './FieldMessage';

interface RuleEditorProps {
  /** The indicator's field path: levels[i].children[j].children[k]. */
  path: string;
  /** The indicator's name, for the inputs' labels. */
  label: string;
  testKey: string;
  rule: EditorRule;
  readOnly: boolean;
  messagesAt: MessagesAt;
  onChange(rule: EditorRule, changedPath: string): void;
  /** The kinds the service accepts for this indicator (from its list of computable ones); default: all. */
  kinds?: readonly RuleKind[];
  /** A rush indicator's configured threshold (%) and deduction, used while its own are left empty. */
  rushDefaults?: { threshold: string; deductPerPoint: string };
}

/** The rule of one indicator: its kind and the parameters of that kind (bands as an editable table). */
export function RuleEditor({ path, label, testKey, rule, readOnly, messagesAt, onChange, kinds = RULE_KINDS, rushDefaults }: RuleEditorProps) {
  const { t } = useTranslation();
  const rulePath = `${path}.rule`;
  const param = (name: 'target' | 'threshold' | 'deductPerPoint', unitKey: string, placeholder?: string) => {
    const fieldPath = `${rulePath}.${name}`;
    const messages = messagesAt(fieldPath);
    const fieldLabel = t(`templates.rule.${name}`);
    return (
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        <Space size={4} align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {fieldLabel}
          </Typography.Text>
          <Input
            size="small"
            inputMode="decimal"
            value={rule[name]}
            placeholder={placeholder}
            disabled={readOnly}
            status={messages.length > 0 ? 'error' : undefined}
            aria-label={t('templates.fieldOf', { indicator: label, field: fieldLabel })}
            aria-invalid={messages.length > 0}
            style={{ width: 76, textAlign: 'right' }}
            data-testid={`rule-${name}-${testKey}`}
            onChange={(event) => onChange({ ...rule, [name]: event.target.value }, fieldPath)}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(unitKey)}
          </Typography.Text>
        </Space>
        <FieldMessage path={fieldPath} messages={messages} />
      </div>
    );
  };

  const kindMessages = messagesAt(`${rulePath}.kind`);
  const bandsMessages = messagesAt(`${rulePath}.bands`);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <Select<RuleKind>
        size="small"
        value={rule.kind}
        disabled={readOnly}
        status={kindMessages.length > 0 ? 'error' : undefined}
        aria-label={t('templates.fieldOf', { indicator: label, field: t('templates.rule.kind') })}
        style={{ width: 150 }}
        data-testid={`rule-kind-${testKey}`}
        options={kinds.map((kind) => ({ value: kind, label: t(`templates.kinds.${kind}`) }))}
        // a new kind replaces every parameter: the service's messages on the old ones go too
        onChange={(kind) => onChange(kind === rule.kind ? rule : defaultRule(kind), rulePath)}
      />
      <FieldMessage path={`${rulePath}.kind`} messages={kindMessages} />
      {rule.kind === 'ratio' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('templates.rule.ratioHint')}</Typography.Text> : null}
      {rule.kind === 'qualitative' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('templates.rule.qualitativeHint')}</Typography.Text>
      ) : null}
      {rule.kind === 'target' ? (
        <Space wrap size={[12, 4]} align="start">
          {param('target', 'templates.rule.percentUnit')}
          {param('deductPerPoint', 'templates.rule.deductUnitTarget')}
        </Space>
      ) : null}
      {rule.kind === 'ceiling' ? (
        <Space wrap size={[12, 4]} align="start">
          {param('threshold', 'templates.rule.percentUnit')}
          {param('deductPerPoint', 'templates.rule.deductUnitCeiling')}
        </Space>
      ) : null}
      {rule.kind === 'rush' ? (
        <Space orientation="vertical" size={4}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('templates.rule.rushHint')}</Typography.Text>
          {rushDefaults ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`rush-defaults-${testKey}`}>
              {t('templates.rule.rushDefaults', rushDefaults)}
            </Typography.Text>
          ) : null}
          <Space wrap size={[12, 4]} align="start">
            {param('threshold', 'templates.rule.percentUnit', rushDefaults?.threshold)}
            {param('deductPerPoint', 'templates.rule.deductUnitCeiling', rushDefaults?.deductPerPoint)}
          </Space>
        </Space>
      ) : null}
      {rule.kind === 'bands' ? (
        <div role="group" aria-label={t('templates.fieldOf', { indicator: label, field: t('templates.rule.bands') })} data-testid={`bands-${testKey}`}>
          {rule.bands.map((band, index) => {
            const bandPath = `${rulePath}.bands[${index}]`;
            const upToMessages = messagesAt(`${bandPath}.upTo`);
            const shareMessages = messagesAt(`${bandPath}.share`);
            const n = index + 1;
            const setBand = (field: 'upTo' | 'share', value: string) =>
              onChange(
                { ...rule, bands: rule.bands.map((b, i) => (i === index ? { ...b, [field]: value } : b)) },
                `${bandPath}.${field}`,
              );
            return (
              <div key={index} style={{ marginBottom: 2 }} data-testid={`band-${testKey}-${index}`}>
                <Space size={4} align="center" wrap>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('templates.rule.bandUpTo')}
                  </Typography.Text>
                  <Input
                    size="small"
                    inputMode="decimal"
                    value={band.upTo}
                    disabled={readOnly}
                    status={upToMessages.length > 0 ? 'error' : undefined}
                    aria-label={t('templates.bandField', { indicator: label, n, field: t('templates.rule.upToLabel') })}
                    aria-invalid={upToMessages.length > 0}
                    style={{ width: 64, textAlign: 'right' }}
                    data-testid={`band-upTo-${testKey}-${index}`}
                    onChange={(event) => setBand('upTo', event.target.value)}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('templates.rule.bandShare')}
                  </Typography.Text>
                  <Input
                    size="small"
                    inputMode="decimal"
                    value={band.share}
                    disabled={readOnly}
                    status={shareMessages.length > 0 ? 'error' : undefined}
                    aria-label={t('templates.bandField', { indicator: label, n, field: t('templates.rule.shareLabel') })}
                    aria-invalid={shareMessages.length > 0}
                    style={{ width: 64, textAlign: 'right' }}
                    data-testid={`band-share-${testKey}-${index}`}
                    onChange={(event) => setBand('share', event.target.value)}
                  />
                  {!readOnly ? (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('templates.bandRemove', { indicator: label, n })}
                      onClick={() => onChange({ ...rule, bands: rule.bands.filter((_, i) => i !== index) }, `${rulePath}.bands`)}
                    />
                  ) : null}
                </Space>
                <FieldMessage path={`${bandPath}.upTo`} messages={upToMessages} />
                <FieldMessage path={`${bandPath}.share`} messages={shareMessages} />
              </div>
            );
          })}
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {t('templates.rule.aboveLast')}
          </Typography.Text>
          <FieldMessage path={`${rulePath}.bands`} messages={bandsMessages} />
          {!readOnly ? (
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              data-testid={`band-add-${testKey}`}
              onClick={() => onChange({ ...rule, bands: [...rule.bands, { upTo: '', share: '' }] }, `${rulePath}.bands`)}
            >
              {t('templates.rule.addBand')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
