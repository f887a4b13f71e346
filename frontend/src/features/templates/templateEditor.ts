import type { FieldError } from '../../api/problem';
import { compareDecimals, decimalPlaces, isDecimal, subtractDecimals, sumDecimals } from '../../lib/decimal';
import { toFieldPath } from '../../lib/fieldErrors';
import {
  RULE_KINDS,
  type DecimalValue,
  type KnownIndicator,
  type Level1Body,
  type ProjectWeightsBody,
  type RuleBody,
  type RuleKind,
  type TemplateBody,
  type TemplateEditInput,
} from './templateApi';

/**
 * The template editor's state: every number as the text in its input (exact, no float), and the pure
 * rules around it: the running sums, the checks the service makes (mirrored, so most problems show
 * while typing), and where the service's field errors go.
 */

export const POINTS_TOTAL = '100';

export interface EditorBand {
  upTo: string;
  share: string;
}

export interface EditorRule {
  kind: RuleKind;
  target: string;
  threshold: string;
  deductPerPoint: string;
  bands: EditorBand[];
}

export interface EditorIndicator {
  code: string;
  name: string;
  /** Not edited here, but sent back as read (the service keeps English names per version). */
  nameEn: string | null;
  points: string;
  rule: EditorRule;
}

export interface EditorLevel2 {
  name: string;
  nameEn: string | null;
  children: EditorIndicator[];
}

export interface EditorLevel1 {
  name: string;
  nameEn: string | null;
  children: EditorLevel2[];
}

export const PROJECT_PARTS = ['budgetExecution', 'output', 'benefit', 'satisfaction'] as const;
export type ProjectPart = (typeof PROJECT_PARTS)[number];

export interface EditorState {
  name: string;
  description: string;
  levels: EditorLevel1[];
  project: Record<ProjectPart, string>;
}

/** Where an indicator is: levels[i].children[j].children[k]. */
export interface IndicatorAt {
  level: number;
  group: number;
  index: number;
}

/** The 财预〔2020〕10号 project weights, when a stored version has none. */
const DEFAULT_PROJECT: Record<ProjectPart, string> = { budgetExecution: '10', output: '50', benefit: '30', satisfaction: '10' };

/** Parameters a rule kind starts with when the reviewer switches to it (domain defaults). */
export function defaultRule(kind: RuleKind): EditorRule {
  const empty: EditorRule = { kind, target: '', threshold: '', deductPerPoint: '', bands: [] };
  switch (kind) {
    case 'target':
      return { ...empty, target: '100', deductPerPoint: '0.08' };
    case 'ceiling':
      return { ...empty, threshold: '100', deductPerPoint: '0.10' };
    case 'bands':
      return {
        ...empty,
        bands: [
          { upTo: '0', share: '1' },
          { upTo: '10', share: '0.8' },
          { upTo: '20', share: '0.6' },
          { upTo: '30', share: '0.4' },
        ],
      };
    default:
      return empty;
  }
}

function text(value: DecimalValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value;
}

function ruleKind(kind: string): RuleKind {
  return (RULE_KINDS as readonly string[]).includes(kind) ? (kind as RuleKind) : 'qualitative';
}

function isRuleKind(kind: string): kind is RuleKind {
  return (RULE_KINDS as readonly string[]).includes(kind);
}

/** The kinds of a known indicator the editor can offer (the contract lists them as strings), in the service's order. */
export function editableKinds(known: Pick<KnownIndicator, 'kinds'>): RuleKind[] {
  return known.kinds.filter(isRuleKind);
}

function toEditorRule(rule: RuleBody | null | undefined): EditorRule {
  return {
    kind: ruleKind(rule?.kind ?? 'qualitative'),
    target: text(rule?.target),
    threshold: text(rule?.threshold),
    deductPerPoint: text(rule?.deductPerPoint),
    bands: (rule?.bands ?? []).map((band) => ({ upTo: text(band?.upTo), share: text(band?.share) })),
  };
}

export function toEditorState(body: TemplateBody): EditorState {
  const project = body.project;
  return {
    name: body.name ?? '',
    description: body.description ?? '',
    levels: (body.levels ?? []).map((level) => ({
      name: level.name,
      nameEn: level.nameEn ?? null,
      children: (level.children ?? []).map((group) => ({
        name: group.name,
        nameEn: group.nameEn ?? null,
        children: (group.children ?? []).map((indicator) => ({
          code: indicator.code,
          name: indicator.name,
          nameEn: indicator.nameEn ?? null,
          points: text(indicator.points),
          rule: toEditorRule(indicator.rule),
        })),
      })),
    })),
    project: project
      ? {
          budgetExecution: text(project.budgetExecution),
          output: text(project.output),
          benefit: text(project.benefit),
          satisfaction: text(project.satisfaction),
        }
      : { ...DEFAULT_PROJECT },
  };
}

/** A decimal text as sent: trimmed, null when empty. */
function decimalOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function toRuleBody(rule: EditorRule): RuleBody {
  // Only the parameters of the chosen kind: the service refuses the others.
  const body: RuleBody = { kind: rule.kind, target: null, threshold: null, deductPerPoint: null, bands: null };
  if (rule.kind === 'target') {
    body.target = decimalOrNull(rule.target);
    body.deductPerPoint = decimalOrNull(rule.deductPerPoint);
  } else if (rule.kind === 'ceiling' || rule.kind === 'rush') {
    // rush: both may stay empty (null), the district's configured defaults then apply
    body.threshold = decimalOrNull(rule.threshold);
    body.deductPerPoint = decimalOrNull(rule.deductPerPoint);
  } else if (rule.kind === 'bands') {
    body.bands = rule.bands.map((band) => ({ upTo: decimalOrNull(band.upTo), share: decimalOrNull(band.share) }));
  }
  return body;
}

/** The PUT body: the whole tree on the version read; each 一级's points are the sum of its indicators. */
export function toEditInput(state: EditorState, version: number): TemplateEditInput {
  const sums = pointsSummary(state);
  const levels: Level1Body[] = state.levels.map((level, i) => ({
    name: level.name.trim(),
    nameEn: level.nameEn,
    points: sums.levels[i] ?? null,
    children: level.children.map((group) => ({
      name: group.name.trim(),
      nameEn: group.nameEn,
      children: group.children.map((indicator) => ({
        code: indicator.code,
        name: indicator.name.trim(),
        nameEn: indicator.nameEn,
        points: decimalOrNull(indicator.points),
        rule: toRuleBody(indicator.rule),
      })),
    })),
  }));
  const project = Object.fromEntries(
    PROJECT_PARTS.map((part) => [part, decimalOrNull(state.project[part])]),
  ) as unknown as ProjectWeightsBody;
  const description = state.description.trim();
  return { version, name: state.name.trim(), description: description === '' ? null : description, levels, project };
}

function validNumber(value: string): boolean {
  return isDecimal(value) && !value.trim().startsWith('+');
}

/** Exact sum of the texts; null as soon as one is not a number (the sum would be a guess). */
function sumOrNull(values: readonly string[]): string | null {
  if (values.some((value) => !validNumber(value))) return null;
  return sumDecimals(values.map((value) => value.trim()), 2);
}

export interface PointsSummary {
  /** Sum of every indicator's points, null while one is not a number. */
  total: string | null;
  /** Per 一级: the sum of its indicators (what is sent as its points). */
  levels: (string | null)[];
  /** Points still to place (100 − total), null with the total. */
  remaining: string | null;
  totalOk: boolean;
  projectTotal: string | null;
  projectOk: boolean;
}

export function pointsSummary(state: EditorState): PointsSummary {
  const levels = state.levels.map((level) => sumOrNull(level.children.flatMap((group) => group.children.map((i) => i.points))));
  const total = levels.some((sum) => sum === null) ? null : sumDecimals(levels as string[], 2);
  const projectTotal = sumOrNull(PROJECT_PARTS.map((part) => state.project[part]));
  return {
    total,
    levels,
    remaining: total === null ? null : subtractDecimals(POINTS_TOTAL, total, 2),
    totalOk: total !== null && compareDecimals(total, POINTS_TOTAL) === 0,
    projectTotal,
    projectOk: projectTotal !== null && compareDecimals(projectTotal, POINTS_TOTAL) === 0,
  };
}

/** A check's result: the i18n key of the problem (under templates.problems), by field path. */
export type EditorProblems = Record<string, string>;

export function indicatorPath({ level, group, index }: IndicatorAt): string {
  return `levels[${level}].children[${group}].children[${index}]`;
}

/** At most `decimals` digits after the point, trailing zeros not counted (as the service's BigDecimal check). */
function scaleAtMost(value: string, decimals: number): boolean {
  const trimmed = value.trim();
  const withoutZeros = trimmed.includes('.') ? trimmed.replace(/0+$/, '').replace(/\.$/, '') : trimmed;
  return decimalPlaces(withoutZeros) <= decimals;
}

function checkPoints(value: string, positive: boolean): string | null {
  if (value.trim() === '') return 'pointsRequired';
  if (!validNumber(value)) return 'number';
  if (!scaleAtMost(value, 2)) return 'twoDecimals';
  const sign = compareDecimals(value, '0');
  if (positive ? sign <= 0 : sign < 0) return positive ? 'pointsPositive' : 'pointsNegative';
  if (compareDecimals(value, POINTS_TOTAL) > 0) return 'pointsMax';
  return null;
}

function checkPercent(value: string, min: string): string | null {
  if (value.trim() === '') return 'percentRequired';
  if (!validNumber(value)) return 'number';
  if (!scaleAtMost(value, 2)) return 'twoDecimals';
  if (compareDecimals(value, min) < 0 || compareDecimals(value, '1000') > 0) return min === '0' ? 'percentRange' : 'thresholdRange';
  return null;
}

function checkShare(value: string, positive: boolean): string | null {
  if (value.trim() === '') return positive ? 'deductRequired' : 'shareRequired';
  if (!validNumber(value)) return 'number';
  if (!scaleAtMost(value, 4)) return 'fourDecimals';
  const low = compareDecimals(value, '0');
  if ((positive ? low <= 0 : low < 0) || compareDecimals(value, '1') > 0) return positive ? 'deductRange' : 'shareRange';
  return null;
}

/**
 * The service's checks, where the editor can make them: points, rule parameters, band order, the
 * project weights. The totals (100) are shown by the running sums, and checked here too.
 */
export function validateEditor(state: EditorState): EditorProblems {
  const problems: EditorProblems = {};
  const put = (path: string, problem: string | null) => {
    if (problem) problems[path] = problem;
  };
  if (state.name.trim() === '') put('name', 'nameRequired');
  state.levels.forEach((level, l) =>
    level.children.forEach((group, g) =>
      group.children.forEach((indicator, i) => {
        const path = indicatorPath({ level: l, group: g, index: i });
        put(`${path}.points`, checkPoints(indicator.points, true));
        const rule = indicator.rule;
        if (rule.kind === 'target') put(`${path}.rule.target`, checkPercent(rule.target, '0'));
        if (rule.kind === 'ceiling') put(`${path}.rule.threshold`, checkPercent(rule.threshold, '-100'));
        if (rule.kind === 'target' || rule.kind === 'ceiling') put(`${path}.rule.deductPerPoint`, checkShare(rule.deductPerPoint, true));
        if (rule.kind === 'rush') {
          // optional; the range (above 0, below 100) is the service's to say, with the field path
          if (rule.threshold.trim() !== '') put(`${path}.rule.threshold`, checkPercent(rule.threshold, '0'));
          if (rule.deductPerPoint.trim() !== '') put(`${path}.rule.deductPerPoint`, checkShare(rule.deductPerPoint, true));
        }
        if (rule.kind === 'bands') {
          if (rule.bands.length === 0) put(`${path}.rule.bands`, 'bandsRequired');
          let previous: string | null = null;
          rule.bands.forEach((band, b) => {
            const bandPath = `${path}.rule.bands[${b}]`;
            const upTo = band.upTo.trim() === '' ? 'percentRequired' : !validNumber(band.upTo) ? 'number' : !scaleAtMost(band.upTo, 2) ? 'twoDecimals' : null;
            if (upTo) {
              put(`${bandPath}.upTo`, upTo);
              previous = null;
            } else {
              if (previous !== null && compareDecimals(band.upTo, previous) <= 0) put(`${bandPath}.upTo`, 'bandsOrder');
              previous = band.upTo;
            }
            put(`${bandPath}.share`, checkShare(band.share, false));
          });
        }
      }),
    ),
  );
  PROJECT_PARTS.forEach((part) => put(`project.${part}`, checkPoints(state.project[part], false)));
  const summary = pointsSummary(state);
  if (summary.total !== null && !summary.totalOk) put('levels', 'total');
  if (summary.projectTotal !== null && !summary.projectOk) put('project', 'projectTotal');
  return problems;
}

/** "levels[1].children[0].rule.bands[2].upTo" as the editor keys it (a leading body name dropped). */
export function pathKey(serverField: string): string {
  return toFieldPath(serverField)
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

/** Every field path the editor shows a message at, for the state's tree. */
export function editorFieldPaths(state: EditorState): Set<string> {
  const paths = new Set<string>(['name', 'description', 'levels', 'project']);
  PROJECT_PARTS.forEach((part) => paths.add(`project.${part}`));
  state.levels.forEach((level, l) => {
    paths.add(`levels[${l}].points`);
    level.children.forEach((group, g) =>
      group.children.forEach((indicator, i) => {
        const path = indicatorPath({ level: l, group: g, index: i });
        paths.add(`${path}.points`);
        paths.add(`${path}.rule.kind`);
        paths.add(`${path}.rule.target`);
        paths.add(`${path}.rule.threshold`);
        paths.add(`${path}.rule.deductPerPoint`);
        paths.add(`${path}.rule.bands`);
        indicator.rule.bands.forEach((_, b) => {
          paths.add(`${path}.rule.bands[${b}].upTo`);
          paths.add(`${path}.rule.bands[${b}].share`);
        });
      }),
    );
  });
  return paths;
}

export interface ServerFieldErrors {
  /** Messages by field path, for the fields the editor shows. */
  byPath: Record<string, string[]>;
  /** The rest (a path the editor does not show): listed above the editor with their path. */
  general: FieldError[];
}

/** Puts the service's field errors (400 template.invalid) next to the fields they concern. */
export function placeServerErrors(errors: readonly FieldError[], state: EditorState): ServerFieldErrors {
  const known = editorFieldPaths(state);
  const byPath: Record<string, string[]> = {};
  const general: FieldError[] = [];
  for (const error of errors) {
    const key = error.field ? pathKey(error.field) : '';
    if (key !== '' && known.has(key)) {
      (byPath[key] ??= []).push(error.message);
    } else {
      general.push(error);
    }
  }
  return { byPath, general };
}

/** Server errors of an indicator's other fields (code, name, the indicator itself): shown on its row. */
export function rowErrors(errors: readonly FieldError[], at: IndicatorAt): string[] {
  const prefix = indicatorPath(at);
  return errors
    .filter((error) => {
      const key = error.field ? pathKey(error.field) : '';
      return key === prefix || key.startsWith(`${prefix}.`);
    })
    .map((error) => error.message);
}

/** A name in the UI language: the English name when reading in English and one is given. */
export function localName(item: { name: string; nameEn: string | null }, english: boolean): string {
  return english && item.nameEn ? item.nameEn : item.name;
}

/** The state with one 二级 group changed. */
function updateGroup(state: EditorState, at: GroupAt, change: (group: EditorLevel2) => EditorLevel2): EditorState {
  return {
    ...state,
    levels: state.levels.map((level, l) =>
      l !== at.level ? level : { ...level, children: level.children.map((group, g) => (g !== at.group ? group : change(group))) },
    ),
  };
}

/** The state with one indicator changed. */
export function updateIndicator(state: EditorState, at: IndicatorAt, change: (indicator: EditorIndicator) => EditorIndicator): EditorState {
  return updateGroup(state, at, (group) => ({
    ...group,
    children: group.children.map((indicator, i) => (i === at.index ? change(indicator) : indicator)),
  }));
}

/** The same template as sent (so an edit that is undone counts as no change). */
export function sameContent(a: EditorState, b: EditorState): boolean {
  return JSON.stringify(toEditInput(a, 0)) === JSON.stringify(toEditInput(b, 0));
}

/** Where a new indicator goes: a 二级 group, levels[level].children[group]. */
export interface GroupAt {
  level: number;
  group: number;
}

/** Every indicator code in the template. */
function codesOf(state: EditorState): Set<string> {
  return new Set(state.levels.flatMap((level) => level.children.flatMap((group) => group.children.map((i) => i.code))));
}

/** The computable indicators the template does not have yet: what the editor offers to add. */
export function addableIndicators(state: EditorState, known: readonly KnownIndicator[]): KnownIndicator[] {
  const present = codesOf(state);
  return known.filter((k) => !present.has(k.code));
}

/**
 * The rule a new indicator starts with: the first kind the service accepts for it. A rush rule starts
 * without parameters, so it scores with the district's configured thresholds until someone sets its own.
 */
export function startingRule(known: KnownIndicator): EditorRule {
  return defaultRule(editableKinds(known)[0] ?? 'ratio');
}

/** The state with `known` appended to a group, with these points (checked like any other). */
export function addIndicator(state: EditorState, at: GroupAt, known: KnownIndicator, points: string): EditorState {
  const indicator: EditorIndicator = { code: known.code, name: known.name, nameEn: known.nameEn, points, rule: startingRule(known) };
  return updateGroup(state, at, (group) => ({ ...group, children: [...group.children, indicator] }));
}

/** May this indicator be removed? Not the last of its group: the service needs at least one per group. */
export function removable(state: EditorState, at: IndicatorAt): boolean {
  return (state.levels[at.level]?.children[at.group]?.children.length ?? 0) > 1;
}

/** The state without one indicator (its points leave the sums; the total check then asks for them elsewhere). */
export function removeIndicator(state: EditorState, at: IndicatorAt): EditorState {
  if (!removable(state, at)) return state;
  return updateGroup(state, at, (group) => ({ ...group, children: group.children.filter((_, i) => i !== at.index) }));
}
