import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { KnownIndicator } from './templateApi';
import { addableIndicators, localName, type EditorState, type GroupAt } from './templateEditor';

interface AddIndicatorProps {
  state: EditorState;
  /** The service's computable indicators; undefined while loading. */
  known: readonly KnownIndicator[] | undefined;
  failed: boolean;
  onAdd(at: GroupAt, known: KnownIndicator, points: string): void;
}

/**
 * 添加指标: one of the computable indicators the template lacks (the year-end rush shares among them),
 * placed under a 二级 group with its points. Its rule starts as the service's first accepted kind and is
 * edited in its row like any other; the total check then asks for the points to be taken elsewhere.
 */
export function AddIndicator({ state, known, failed, onAdd }: AddIndicatorProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const [code, setCode] = useState<string | undefined>();
  const [place, setPlace] = useState<string | undefined>();
  const [points, setPoints] = useState('');

  const addable = known ? addableIndicators(state, known) : [];
  const groups = state.levels.flatMap((level, l) =>
    level.children.map((group, g) => ({ value: `${l}/${g}`, label: `${localName(level, english)} / ${localName(group, english)}` })),
  );
  const chosen = addable.find((k) => k.code === code);

  const add = () => {
    if (!chosen || !place) return;
    const [level, group] = place.split('/').map(Number);
    onAdd({ level: level!, group: group! }, chosen, points.trim());
    setCode(undefined);
    setPoints('');
  };

  return (
    <Card size="small" title={t('templates.add.title')} data-testid="add-indicator">
      {failed ? (
        <Alert type="warning" showIcon title={t('templates.add.failed')} data-testid="add-indicator-failed" />
      ) : known && addable.length === 0 ? (
        <Typography.Text type="secondary" data-testid="add-indicator-none">
          {t('templates.add.none')}
        </Typography.Text>
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('templates.add.hint')}
          </Typography.Text>
          <Space wrap size={[12, 8]} align="end">
            <Labeled label={t('templates.add.indicator')}>
              <Select<string>
                size="small"
                value={code}
                loading={!known}
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('templates.add.indicator')}
                style={{ width: 320 }}
                data-testid="add-indicator-code"
                options={addable.map((k) => ({
                  value: k.code,
                  label: `${localName(k, english)}（${k.code}，${t(`templates.add.source.${k.source}`)}）`,
                }))}
                onChange={setCode}
              />
            </Labeled>
            <Labeled label={t('templates.add.place')}>
              <Select<string>
                size="small"
                value={place}
                aria-label={t('templates.add.place')}
                style={{ width: 220 }}
                data-testid="add-indicator-place"
                options={groups}
                onChange={setPlace}
              />
            </Labeled>
            <Labeled label={t('templates.add.points')}>
              <Input
                size="small"
                inputMode="decimal"
                value={points}
                aria-label={t('templates.add.points')}
                style={{ width: 72, textAlign: 'right' }}
                data-testid="add-indicator-points"
                onChange={(event) => setPoints(event.target.value)}
              />
            </Labeled>
            <Button size="small" icon={<PlusOutlined />} disabled={!chosen || !place} onClick={add} data-testid="add-indicator-submit">
              {t('templates.add.submit')}
            </Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}

/** A control with its small label above it. */
function Labeled({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}

/** An indicator row's remove button; the last indicator of a group cannot go (the service needs one). */
export function RemoveIndicator({ name, code, allowed, onRemove }: { name: string; code: string; allowed: boolean; onRemove(): void }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={allowed ? undefined : t('templates.removeLast')}>
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        disabled={!allowed}
        aria-label={t('templates.remove', { indicator: name })}
        data-testid={`remove-${code}`}
        onClick={onRemove}
      />
    </Tooltip>
  );
}
