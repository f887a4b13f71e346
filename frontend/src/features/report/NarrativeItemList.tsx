import type { ReactNode } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Space } from 'antd';
import type { FormListFieldData } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_ITEMS, type MeasureRow, type ProblemRow } from './narrativeForm';

type ListName = 'problems' | 'measures';
type Row<N extends ListName> = N extends 'problems' ? ProblemRow : MeasureRow;

/**
 * One numbered list of the narrative (四 problems or 五 measures): a card per item with move and remove
 * buttons, an add button up to MAX_ITEMS; `children` renders an item's fields.
 */
export function NarrativeItemList<N extends ListName>({
  name,
  editable,
  itemLabel,
  itemTitle,
  newItem,
  beforeRemove,
  onEdit,
  children,
}: {
  name: N;
  editable: boolean;
  /** 问题一, 措施二 …: the card's title and the prefix of its controls' labels. */
  itemLabel: (index: number) => string;
  /** The card's title, when more than the label. */
  itemTitle?: (index: number) => ReactNode;
  newItem: () => Row<N>;
  /** Called with the item's index just before it is removed. */
  beforeRemove?: (index: number) => void;
  /** An item was added, moved or removed. */
  onEdit: () => void;
  children: (field: FormListFieldData, index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const singular = name === 'problems' ? 'problem' : 'measure';
  return (
    <Form.Item label={t(`narrative.fields.${name}`)} extra={t(`narrative.hints.${name}`)}>
      <Form.List name={name}>
        {(fields, ops) => (
          <div id={`narrative-${name}`} tabIndex={-1} data-testid={`narrative-${name}`} role="group" aria-label={t(`narrative.fields.${name}`)}>
            <Space orientation="vertical" size="small" style={{ width: '100%' }}>
              {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('narrative.items.none')} /> : null}
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  data-testid={`narrative-${singular}`}
                  title={itemTitle ? itemTitle(index) : itemLabel(index)}
                  extra={
                    editable ? (
                      <ItemButtons
                        label={itemLabel(index)}
                        index={index}
                        count={fields.length}
                        onMove={(to) => {
                          ops.move(index, to);
                          onEdit();
                        }}
                        onRemove={() => {
                          beforeRemove?.(index);
                          ops.remove(index);
                          onEdit();
                        }}
                      />
                    ) : null
                  }
                >
                  {children(field, index)}
                </Card>
              ))}
              {editable ? (
                <Button
                  icon={<PlusOutlined />}
                  disabled={fields.length >= MAX_ITEMS}
                  onClick={() => ops.add(newItem())}
                  data-testid={`narrative-${name}-add`}
                >
                  {t(name === 'problems' ? 'narrative.items.addProblem' : 'narrative.items.addMeasure')}
                </Button>
              ) : null}
            </Space>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

function ItemButtons({
  label,
  index,
  count,
  onMove,
  onRemove,
}: {
  label: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={`${label} ${t('narrative.items.moveUp')}`} onClick={() => onMove(index - 1)} />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        disabled={index === count - 1}
        aria-label={`${label} ${t('narrative.items.moveDown')}`}
        onClick={() => onMove(index + 1)}
      />
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${label} ${t('narrative.items.remove')}`} onClick={onRemove} />
    </Space>
  );
}
