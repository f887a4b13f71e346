import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api } from '../../api/endpoints';
import type { BudgetSheet, Project } from '../../api/types';
import { WanField } from '../../components/WanField';
import { isZeroDecimal } from '../../lib/decimal';
import { formatPercent, formatWan } from '../../lib/money';
import { SaveProblemAlert } from '../figures/SaveProblemAlert';
import { useSectionSave } from '../figures/useSectionSave';
import {
  EMPTY_PROJECT,
  PROJECT_FIELDS,
  computeProjectRow,
  isProjectUnchanged,
  needsAdjustmentReason,
  toProjectFormValues,
  toProjectInput,
  type ProjectFormValues,
} from './projectRows';

/** Row key of the row being added (not saved yet). */
const NEW_ROW = -1;

type Row = Project | NewRow;
interface NewRow {
  id: typeof NEW_ROW;
  name: string;
}

function isSaved(row: Row): row is Project {
  return row.id !== NEW_ROW;
}

interface ProjectsTabProps {
  departmentId: string;
  fiscalYear: number;
  sheet: BudgetSheet;
  editable: boolean;
}

type SaveVars = { kind: 'save'; id: number; values: ProjectFormValues; version: number | null } | { kind: 'delete'; id: number; version: number };

/** 项目支出: one row per project, edited in place; the totals row comes from the server. */
export function ProjectsTab({ departmentId, fiscalYear, sheet, editable }: ProjectsTabProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();
  const [editing, setEditing] = useState<number | null>(null);
  const watched = Form.useWatch([], form) as Partial<ProjectFormValues> | undefined;
  const preview = computeProjectRow(watched);

  const section = useSectionSave<SaveVars>({
    departmentId,
    fiscalYear,
    form,
    hasField: (path) => path.length === 1 && (PROJECT_FIELDS as readonly (string | number)[]).includes(path[0]!),
    mutationFn: (vars) => {
      if (vars.kind === 'delete') {
        return api.deleteProject(client, departmentId, fiscalYear, vars.id, vars.version);
      }
      const input = toProjectInput(vars.values, vars.version);
      return vars.id === NEW_ROW
        ? api.addProject(client, departmentId, fiscalYear, input)
        : api.updateProject(client, departmentId, fiscalYear, vars.id, input);
    },
    savedMessage: (_sheet, vars) =>
      vars.kind === 'delete' ? t('projects.deleted') : t('projects.saved', { name: vars.values.name.trim() }),
    onSaved: () => setEditing(null),
  });

  const rows: Row[] = useMemo(
    () => (editing === NEW_ROW ? [...sheet.projects, { id: NEW_ROW, name: '' }] : sheet.projects),
    [sheet.projects, editing],
  );

  const startEdit = (row: Row) => {
    if (editing !== null && editing !== row.id) {
      message.warning(t('projects.editingOther'));
      return;
    }
    form.resetFields();
    form.setFieldsValue(isSaved(row) ? toProjectFormValues(row) : { ...EMPTY_PROJECT });
    section.clearProblem();
    setEditing(row.id);
  };

  const startAdd = () => startEdit({ id: NEW_ROW, name: '' });

  const cancel = () => {
    setEditing(null);
    section.clearProblem();
    form.resetFields();
  };

  const saveRow = async (row: Row) => {
    let values: ProjectFormValues;
    try {
      values = { ...EMPTY_PROJECT, ...(await form.validateFields()) };
    } catch {
      return;
    }
    if (isSaved(row) && isProjectUnchanged(values, row)) {
      message.info(t('common.unchanged'));
      setEditing(null);
      return;
    }
    section.save({ kind: 'save', id: row.id, values, version: isSaved(row) ? row.version : null });
  };

  const reload = async () => {
    await section.reload();
    setEditing(null);
  };

  const isEditing = (row: Row) => row.id === editing;
  const amount = (yuan: string | null | undefined) => formatWan(yuan);

  const amountCell = (field: 'budget' | 'actualOwn' | 'actualDirect', labelKey: string) => ({
    key: field,
    title: t(labelKey),
    align: 'right' as const,
    width: 104,
    render: (_: unknown, row: Row) =>
      isEditing(row) ? (
        <WanField
          name={field}
          label={t(labelKey)}
          hideLabel
          required={field !== 'actualDirect'}
          testId={`project-${field}-input`}
          style={{ marginBottom: 0 }}
        />
      ) : isSaved(row) ? (
        amount(row[field])
      ) : null,
  });

  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      title: t('projects.name'),
      fixed: 'left',
      width: 230,
      render: (_, row) =>
        isEditing(row) ? (
          <>
            <Form.Item
              name="name"
              style={{ marginBottom: 4 }}
              rules={[{ required: true, whitespace: true, message: t('validation.text', { label: t('projects.name') }) }]}
            >
              <Input aria-label={t('projects.name')} placeholder={t('projects.namePlaceholder')} data-testid="project-name-input" maxLength={200} />
            </Form.Item>
            <Form.Item name="keyProject" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox data-testid="project-key-input">{t('projects.keyProject')}</Checkbox>
            </Form.Item>
          </>
        ) : isSaved(row) ? (
          <Space size={4} wrap>
            <span data-testid="project-name">{row.name}</span>
            {row.keyProject ? (
              <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="project-key">
                {t('projects.keyProject')}
              </Tag>
            ) : null}
          </Space>
        ) : null,
    },
    amountCell('budget', 'projects.budget'),
    {
      key: 'adjustment',
      title: t('projects.adjustment'),
      align: 'right',
      width: 140,
      render: (_, row) =>
        isEditing(row) ? (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <WanField
              name="adjustment"
              label={t('projects.adjustment')}
              hideLabel
              allowNegative
              placeholder={t('projects.adjustmentHint')}
              testId="project-adjustment-input"
              style={{ marginBottom: 0 }}
            />
            <Form.Item
              name="adjustmentReason"
              dependencies={['adjustment']}
              style={{ marginBottom: 0 }}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, value: string | undefined) =>
                    needsAdjustmentReason(getFieldValue('adjustment') as string | undefined, value)
                      ? Promise.reject(new Error(t('projects.reasonRequired')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input
                aria-label={t('projects.adjustmentReason')}
                placeholder={t('projects.adjustmentReason')}
                data-testid="project-adjustment-reason-input"
                maxLength={1000}
              />
            </Form.Item>
          </Space>
        ) : isSaved(row) ? (
          <div>
            <div>{amount(row.adjustment)}</div>
            {row.adjustmentReason ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'left', display: 'block' }}>
                {row.adjustmentReason}
              </Typography.Text>
            ) : null}
          </div>
        ) : null,
    },
    amountCell('actualOwn', 'projects.actualOwn'),
    amountCell('actualDirect', 'projects.actualDirect'),
    {
      key: 'actual',
      title: t('projects.actual'),
      align: 'right',
      width: 100,
      render: (_, row) => <strong>{isEditing(row) ? amount(preview.actual) : isSaved(row) ? amount(row.actual) : null}</strong>,
    },
    {
      key: 'variance',
      title: t('projects.variance'),
      align: 'right',
      width: 92,
      render: (_, row) => (isEditing(row) ? amount(preview.variance) : isSaved(row) ? amount(row.variance) : null),
    },
    {
      key: 'executionRate',
      title: t('projects.executionRate'),
      align: 'right',
      width: 90,
      render: (_, row) =>
        isEditing(row)
          ? formatPercent(preview.executionRate)
          : isSaved(row)
            ? formatPercent(row.executionRate)
            : null,
    },
  ];

  if (editable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 96,
      render: (_, row) =>
        isEditing(row) ? (
          <Space size={4} orientation="vertical">
            <Button
              type="primary"
              size="small"
              icon={<SaveOutlined />}
              loading={section.saving}
              onClick={() => void saveRow(row)}
              data-testid="project-save"
            >
              {t('common.save')}
            </Button>
            <Button size="small" onClick={cancel} disabled={section.saving}>
              {t('common.cancel')}
            </Button>
          </Space>
        ) : isSaved(row) ? (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => startEdit(row)}
              disabled={editing !== null}
              aria-label={`${t('projects.edit')} ${row.name}`}
              data-testid="project-edit"
            />
            <Popconfirm
              title={t('projects.confirmDelete', { name: row.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'project-delete-confirm' } as ButtonProps}
              onConfirm={() => section.save({ kind: 'delete', id: row.id, version: row.version })}
            >
              <Button
                type="link"
                size="small"
                danger
                icon={<DeleteOutlined />}
                disabled={editing !== null}
                aria-label={`${t('projects.delete')} ${row.name}`}
                data-testid="project-delete"
              />
            </Popconfirm>
          </Space>
        ) : null,
    });
  }

  const totals = sheet.projectTotals;
  const columnCount = columns.length;

  return (
    <Card
      size="small"
      title={t('projects.title')}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('common.unitWan')}</Typography.Text>
          {editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={startAdd} disabled={editing !== null} data-testid="project-add">
              {t('projects.add')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('projects.intro')}
        </Typography.Text>
        <SaveProblemAlert problem={section.problem} fiscalYear={fiscalYear} onReload={() => void reload()} />
        <Form form={form} component={false}>
          <Table<Row>
            data-testid="projects-table"
            size="small"
            bordered
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('projects.empty') }}
            onRow={(row) =>
              ({ 'data-testid': isSaved(row) ? 'project-row' : 'project-row-new' }) as React.HTMLAttributes<HTMLElement>
            }
            summary={() =>
              totals ? (
                <Table.Summary>
                  <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }} data-testid="projects-total-row">
                    <Table.Summary.Cell index={0}>{t('projects.totalRow', { count: totals.count })}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <span data-testid="projects-total-budget">{amount(totals.budget)}</span>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {amount(totals.adjustment)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {amount(totals.actualOwn)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      {amount(totals.actualDirect)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">
                      <span data-testid="projects-total-actual">{amount(totals.actual)}</span>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right">
                      <span data-testid="projects-total-variance">{amount(totals.variance)}</span>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={7} align="right">
                      <span data-testid="projects-total-rate">{formatPercent(totals.executionRate)}</span>
                    </Table.Summary.Cell>
                    {Array.from({ length: columnCount - 8 }, (_, i) => (
                      <Table.Summary.Cell key={i} index={8 + i} />
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
          />
        </Form>
        {totals ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="projects-key-share">
            {t('projects.keyShare', {
              actual: amount(totals.keyProjectsActual),
              share: formatPercent(totals.keyProjectsShare),
            })}
            {totals.actualDirect && !isZeroDecimal(totals.actualDirect)
              ? t('projects.directShare', { direct: amount(totals.actualDirect) })
              : ''}
          </Typography.Paragraph>
        ) : null}
      </Space>
    </Card>
  );
}
