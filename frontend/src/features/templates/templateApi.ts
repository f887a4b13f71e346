import type { ApiClient } from '../../api/client';
import type {
  EditedDecimals,
  KnownIndicator,
  ProjectWeights,
  TemplateAssignment,
  TemplateAuditEntry,
  TemplateBand,
  TemplateCopyInput,
  TemplateDetail,
  TemplateEditInput,
  TemplateIndicator,
  TemplateLevel1,
  TemplateLevel2,
  TemplateRule,
  TemplateSummary,
  TemplateVersionInfo,
} from '../../api/types';

/**
 * evaluation-service /api/v1/templates (指标体系 as versioned data). Points and rule parameters come
 * back as JSON numbers (BigDecimal); they are sent as decimal strings so nothing is lost on the way.
 */

export type {
  DecimalValue,
  KnownIndicator,
  TemplateAssignment,
  TemplateAuditEntry,
  TemplateBody,
  TemplateCopyInput,
  TemplateDetail,
  TemplateEditInput,
  TemplateSummary,
  TemplateVersionInfo,
} from '../../api/types';

export const RULE_KINDS = ['ratio', 'target', 'ceiling', 'bands', 'rush', 'qualitative'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** The tree's parts as the editor sends them (decimal strings, null while empty); see EditedDecimals. */
export type BandBody = EditedDecimals<TemplateBand>;
export type RuleBody = EditedDecimals<TemplateRule>;
export type IndicatorBody = EditedDecimals<TemplateIndicator>;
export type Level2Body = EditedDecimals<TemplateLevel2>;
export type Level1Body = EditedDecimals<TemplateLevel1>;
export type ProjectWeightsBody = EditedDecimals<ProjectWeights>;

const seg = encodeURIComponent;

export const templateApi = {
  list: (client: ApiClient, signal?: AbortSignal) => client.get<TemplateSummary[]>('/templates', { signal }),

  detail: (client: ApiClient, id: number, version: number | null, signal?: AbortSignal) =>
    client.get<TemplateDetail>(version === null ? `/templates/${id}` : `/templates/${id}?version=${version}`, { signal }),

  versions: (client: ApiClient, id: number, signal?: AbortSignal) =>
    client.get<TemplateVersionInfo[]>(`/templates/${id}/versions`, { signal }),

  audit: (client: ApiClient, id: number, signal?: AbortSignal) =>
    client.get<TemplateAuditEntry[]>(`/templates/${id}/audit`, { signal }),

  copy: (client: ApiClient, sourceId: number, input: TemplateCopyInput) =>
    client.post<TemplateDetail>(`/templates/${sourceId}/copies`, input),

  indicators: (client: ApiClient, signal?: AbortSignal) => client.get<KnownIndicator[]>('/templates/indicators', { signal }),

  edit: (client: ApiClient, id: number, input: TemplateEditInput) => client.put<TemplateDetail>(`/templates/${id}`, input),

  assignments: (client: ApiClient, signal?: AbortSignal) =>
    client.get<TemplateAssignment[]>('/templates/assignments', { signal }),

  assign: (client: ApiClient, jurisdiction: string, fiscalYear: number, templateId: number, version: number | null) =>
    client.put<TemplateAssignment>(`/templates/assignments/${seg(jurisdiction)}/${fiscalYear}`, { templateId, version }),

  unassign: (client: ApiClient, jurisdiction: string, fiscalYear: number, version: number) =>
    client.delete<void>(`/templates/assignments/${seg(jurisdiction)}/${fiscalYear}?version=${version}`),
};

export const templateKeys = {
  all: ['templates'] as const,
  list: ['templates', 'list'] as const,
  detail: (id: number, version: number | null) => ['templates', 'detail', id, version ?? 'latest'] as const,
  versions: (id: number) => ['templates', 'versions', id] as const,
  audit: (id: number) => ['templates', 'audit', id] as const,
  assignments: ['templates', 'assignments'] as const,
  indicators: ['templates', 'indicators'] as const,
};
