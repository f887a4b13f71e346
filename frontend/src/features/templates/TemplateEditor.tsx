import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Row, Space, Statistic, Tag, Typography } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { errorText } from '../../api/errorText';
import { isApiError, type FieldError } from '../../api/problem';
import { FieldMessage } from './FieldMessage';
import { AddIndicator, RemoveIndicator } from './AddIndicator';
import { RuleEditor } from './RuleEditor';
import { templateApi, templateKeys, type KnownIndicator, type TemplateDetail } from './templateApi';
import {
  PROJECT_PARTS,
  addIndicator,
  editableKinds,
  indicatorPath,
  localName,
  pathKey,
  placeServerErrors,
  pointsSummary,
  removable,
  removeIndicator,
  sameContent,
  toEditInput,
  toEditorState,
  updateIndicator,
  validateEditor,
  type EditorState,
  type IndicatorAt,
} from './templateEditor';

interface TemplateEditorProps {
  /** The version shown (the latest, or an older one read-only). */
  detail: TemplateDetail;
  readOnly: boolean;
  /** Why it is read-only (default template, older version, role). */
  readOnlyNote?: string;
  onSaved(detail: TemplateDetail): void;
  /** After a conflict: fetch the latest version (the editor starts again from it). */
  onReload(): void;
}

type SaveProblem = { kind: 'conflict' } | { kind: 'refused'; detail?: string } | { kind: 'invalid'; detail?: string };

/** Does a change at `changed` make the server's message at `errorPath` stale? */
function touches(errorPath: string, changed: string): boolean {
  if (errorPath === changed || errorPath.startsWith(`${changed}.`) || errorPath.startsWith(`${changed}[`)) return true;
  // any change of points can fix the totals; a change in 一级 i its sum
  if (changed.endsWith('.points') && (errorPath === 'levels' || errorPath === `${changed.slice(0, changed.indexOf('.'))}.points`)) return true;
  if (changed.startsWith('project.') && errorPath === 'project') return true;
  return false;
}

/**
 * 指标体系 editor: every indicator's points and rule parameters, the running sums (the 一级 points
 * are the sums of their indicators; the total must be 100), the service's checks mirrored while
 * typing, and the service's field errors next to the field they name.
 */
export function TemplateEditor({ detail, readOnly, readOnlyNote, onSaved, onReload }: TemplateEditorProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const client = useApiClient();
  const { message, notification } = App.useApp();
  const initial = useMemo(() => toEditorState(detail.body), [detail]);
  const [state, setState] = useState<EditorState>(initial);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<SaveProblem | null>(null);

  const summary = pointsSummary(state);
  const problems = useMemo(() => (readOnly ? {} : validateEditor(state)), [state, readOnly]);
  const placed = useMemo(() => placeServerErrors(serverErrors, state), [serverErrors, state]);
  const problemCount = Object.keys(problems).length;
  const dirty = !sameContent(state, initial);
  // the computable indicators: what may be added, the kinds each accepts, the rush defaults in force
  const catalogue = useQuery({
    queryKey: templateKeys.indicators,
    queryFn: ({ signal }) => templateApi.indicators(client, signal),
    staleTime: 5 * 60_000,
  });
  const knownByCode = useMemo(
    () => new Map<string, KnownIndicator>((catalogue.data ?? []).map((k) => [k.code, k])),
    [catalogue.data],
  );

  const messagesAt = (path: string): string[] => {
    const own = problems[path] ? [t(`templates.problems.${problems[path]}`)] : [];
    const server = (placed.byPath[path] ?? []).filter((text) => !own.includes(text));
    return [...own, ...server];
  };

  const change = (next: EditorState, changedPath: string) => {
    setState(next);
    setServerErrors((errors) => errors.filter((error) => !touches(pathKey(error.field), changedPath)));
  };

  /** A change of the tree's shape: the service's paths may point at other indicators now, so they go. */
  const reshape = (next: EditorState) => {
    setState(next);
    setServerErrors([]);
  };

  const save = useMutation({
    mutationFn: (values: EditorState) => templateApi.edit(client, detail.template.id, toEditInput(values, detail.template.version)),
    onMutate: () => {
      setProblem(null);
      setServerErrors([]);
    },
    onSuccess: (saved) => {
      message.success(t('templates.saved', { version: saved.template.version }));
      onSaved(saved);
    },
    onError: (error) => {
      if (isApiError(error) && error.isVersionConflict) {
        setProblem({ kind: 'conflict' });
        return;
      }
      if (isApiError(error) && error.isConflict) {
        setProblem({ kind: 'refused', detail: error.problem.detail ?? error.problem.title });
        return;
      }
      if (isApiError(error) && error.fieldErrors.length > 0) {
        setServerErrors([...error.fieldErrors]);
        setProblem({ kind: 'invalid', detail: error.problem.detail });
        return;
      }
      const text = errorText(error, t);
      notification.error({ title: text.title, description: text.detail });
    },
  });

  /** "投入 / 预算配置 / 在职人员控制率" for a server path inside the tree, else the path itself. */
  const describe = (field: string): string => {
    const match = /^levels\[(\d+)\](?:\.children\[(\d+)\](?:\.children\[(\d+)\])?)?/.exec(pathKey(field));
    if (!match) return field;
    const level = state.levels[Number(match[1])];
    const group = match[2] !== undefined ? level?.children[Number(match[2])] : undefined;
    const indicator = match[3] !== undefined ? group?.children[Number(match[3])] : undefined;
    return [level, group, indicator].filter((item) => item !== undefined).map((item) => localName(item!, english)).join(' / ') || field;
  };

  const totalStatus = summary.total === null ? 'warning' : summary.totalOk ? 'success' : 'error';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="template-editor">
      {readOnly && readOnlyNote ? <Alert type="info" showIcon title={readOnlyNote} data-testid="template-read-only" /> : null}
      {problem?.kind === 'conflict' ? (
        <Alert
          type="warning"
          showIcon
          data-testid="template-conflict"
          title={t('templates.conflictTitle')}
          description={t('templates.conflictDetail')}
          action={
            <Button size="small" type="primary" onClick={onReload} data-testid="template-conflict-reload">
              {t('templates.reloadLatest')}
            </Button>
          }
        />
      ) : null}
      {problem?.kind === 'refused' ? <Alert type="error" showIcon title={problem.detail} data-testid="template-refused" /> : null}
      {problem?.kind === 'invalid' ? (
        <Alert
          type="error"
          showIcon
          data-testid="template-invalid"
          title={problem.detail ?? t('templates.invalidTitle')}
          description={
            placed.general.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="template-general-errors">
                {placed.general.map((error, index) => (
                  <li key={index}>
                    {describe(error.field)}：{error.message}
                  </li>
                ))}
              </ul>
            ) : (
              t('templates.invalidHint')
            )
          }
        />
      ) : null}

      <Card size="small">
        <Row gutter={[24, 12]} align="top">
          <Col xs={24} lg={10}>
            <label htmlFor="template-name" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
              {t('templates.name')}
            </label>
            <Input
              id="template-name"
              value={state.name}
              disabled={readOnly}
              maxLength={200}
              status={messagesAt('name').length > 0 ? 'error' : undefined}
              data-testid="template-name"
              onChange={(event) => change({ ...state, name: event.target.value }, 'name')}
            />
            <FieldMessage path="name" messages={messagesAt('name')} />
            <label htmlFor="template-description" style={{ display: 'block', fontWeight: 600, margin: '8px 0 4px' }}>
              {t('templates.description')}
            </label>
            <Input.TextArea
              id="template-description"
              value={state.description}
              disabled={readOnly}
              autoSize={{ minRows: 1, maxRows: 4 }}
              data-testid="template-description"
              onChange={(event) => change({ ...state, description: event.target.value }, 'description')}
            />
          </Col>
          <Col xs={12} lg={5}>
            <Statistic
              title={t('templates.pointsTotal')}
              value={summary.total ?? '—'}
              suffix={`/ 100 ${t('templates.pointsUnit')}`}
              styles={{ content: { color: totalStatus === 'success' ? '#389e0d' : totalStatus === 'error' ? '#cf1322' : '#d48806' } }}
              data-testid="points-total"
            />
            <div aria-live="polite" data-testid="points-remaining">
              {summary.total === null ? (
                <Tag color="warning">{t('templates.totalUnknown')}</Tag>
              ) : summary.totalOk ? (
                <Tag color="success">{t('templates.totalOk')}</Tag>
              ) : (
                <Tag color="error">{t('templates.totalOff', { remaining: summary.remaining })}</Tag>
              )}
            </div>
            <FieldMessage path="levels" messages={(placed.byPath.levels ?? []).filter(() => !problems.levels)} />
          </Col>
          <Col xs={12} lg={9}>
            <fieldset style={{ border: 0, margin: 0, padding: 0 }} data-testid="project-weights">
              <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 4 }}>{t('templates.projectWeights')}</legend>
              <Space wrap size={[8, 4]}>
                {PROJECT_PARTS.map((part) => {
                  const path = `project.${part}`;
                  const messages = messagesAt(path);
                  return (
                    <div key={part}>
                      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                        {t(`templates.project.${part}`)}
                      </Typography.Text>
                      <Input
                        size="small"
                        inputMode="decimal"
                        value={state.project[part]}
                        disabled={readOnly}
                        status={messages.length > 0 ? 'error' : undefined}
                        aria-label={t('templates.projectField', { part: t(`templates.project.${part}`) })}
                        aria-invalid={messages.length > 0}
                        style={{ width: 72, textAlign: 'right' }}
                        data-testid={`project-${part}`}
                        onChange={(event) => change({ ...state, project: { ...state.project, [part]: event.target.value } }, path)}
                      />
                      <FieldMessage path={path} messages={messages} />
                    </div>
                  );
                })}
              </Space>
              <Typography.Text type={summary.projectOk ? 'secondary' : 'danger'} style={{ fontSize: 12, display: 'block' }} data-testid="project-total">
                {t('templates.projectTotal', { total: summary.projectTotal ?? '—' })}
              </Typography.Text>
              <FieldMessage path="project" messages={(placed.byPath.project ?? []).filter(() => !problems.project)} />
            </fieldset>
          </Col>
        </Row>
        {!readOnly ? (
          <Space style={{ marginTop: 12 }} wrap>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              disabled={!dirty || problemCount > 0}
              onClick={() => save.mutate(state)}
              data-testid="template-save"
            >
              {t('templates.save', { version: detail.template.version + 1 })}
            </Button>
            <Button
              icon={<UndoOutlined />}
              disabled={!dirty || save.isPending}
              onClick={() => {
                setState(initial);
                setServerErrors([]);
                setProblem(null);
              }}
              data-testid="template-discard"
            >
              {t('templates.discard')}
            </Button>
            <span aria-live="polite" data-testid="template-save-hint">
              {problemCount > 0 ? (
                <Typography.Text type="danger">{t('templates.fixFirst', { n: problemCount })}</Typography.Text>
              ) : dirty ? (
                <Typography.Text type="warning">{t('templates.unsaved')}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('templates.noChanges')}</Typography.Text>
              )}
            </span>
          </Space>
        ) : null}
      </Card>

      {!readOnly ? (
        <AddIndicator
          state={state}
          known={catalogue.data}
          failed={catalogue.isError}
          onAdd={(at, known, points) => {
            reshape(addIndicator(state, at, known, points));
            message.success(t('templates.add.added', { indicator: localName(known, english) }));
          }}
        />
      ) : null}

      {state.levels.map((level, l) => {
        const levelPath = `levels[${l}].points`;
        return (
          <Card
            key={l}
            size="small"
            data-testid={`level-${l}`}
            title={
              <Space>
                <span>{localName(level, english)}</span>
                <Tag data-testid={`level-sum-${l}`}>{t('templates.levelSum', { points: summary.levels[l] ?? '—' })}</Tag>
              </Space>
            }
          >
            <FieldMessage path={levelPath} messages={placed.byPath[levelPath] ?? []} />
            <div aria-hidden="true" style={{ ...ROW_STYLE, fontWeight: 600, background: 'rgba(0,0,0,0.02)' }}>
              <div>{t('templates.columns.group')}</div>
              <div>{t('templates.columns.indicator')}</div>
              <div>{t('templates.columns.points')}</div>
              <div>{t('templates.columns.rule')}</div>
              <div />
            </div>
            {level.children.map((group, g) =>
              group.children.map((indicator, i) => {
                const at: IndicatorAt = { level: l, group: g, index: i };
                const path = indicatorPath(at);
                const pointsPath = `${path}.points`;
                const pointsMessages = messagesAt(pointsPath);
                const indicatorName = localName(indicator, english);
                const known = knownByCode.get(indicator.code);
                return (
                  <div key={`${g}-${i}`} style={ROW_STYLE} role="group" aria-label={indicatorName} data-testid={`indicator-${indicator.code}`}>
                    <div style={{ color: i === 0 ? undefined : 'transparent' }} aria-hidden={i !== 0}>
                      {localName(group, english)}
                    </div>
                    <div>
                      <div>{indicatorName}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {indicator.code}
                      </Typography.Text>
                    </div>
                    <div>
                      <Input
                        size="small"
                        inputMode="decimal"
                        value={indicator.points}
                        disabled={readOnly}
                        status={pointsMessages.length > 0 ? 'error' : undefined}
                        aria-label={t('templates.fieldOf', { indicator: indicatorName, field: t('templates.columns.points') })}
                        aria-invalid={pointsMessages.length > 0}
                        style={{ width: 72, textAlign: 'right' }}
                        data-testid={`points-${indicator.code}`}
                        onChange={(event) =>
                          change(updateIndicator(state, at, (current) => ({ ...current, points: event.target.value })), pointsPath)
                        }
                      />
                      <FieldMessage path={pointsPath} messages={pointsMessages} />
                    </div>
                    <RuleEditor
                      path={path}
                      label={indicatorName}
                      testKey={indicator.code}
                      rule={indicator.rule}
                      readOnly={readOnly}
                      messagesAt={messagesAt}
                      onChange={(rule, changedPath) => change(updateIndicator(state, at, (current) => ({ ...current, rule })), changedPath)}
                      kinds={known ? editableKinds(known) : undefined}
                      rushDefaults={
                        known?.threshold != null && known.deductPerPoint != null
                          ? { threshold: String(known.threshold), deductPerPoint: String(known.deductPerPoint) }
                          : undefined
                      }
                    />
                    <div>
                      {!readOnly ? (
                        <RemoveIndicator
                          name={indicatorName}
                          code={indicator.code}
                          allowed={removable(state, at)}
                          onRemove={() => reshape(removeIndicator(state, at))}
                        />
                      ) : null}
                    </div>
                  </div>
                );
              }),
            )}
          </Card>
        );
      })}
    </Space>
  );
}

const ROW_STYLE: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(90px, 1fr) minmax(160px, 2fr) 96px minmax(280px, 4fr) 32px',
  gap: 8,
  alignItems: 'start',
  padding: '6px 0',
  borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
};
