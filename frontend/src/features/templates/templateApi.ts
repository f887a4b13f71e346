import type { ApiClient } from '../../api/client';
import type { DecimalValue, KnownIndicator, TemplateAssignment, TemplateSummary, TemplateVersionInfo } from '../../api/types';

/**
 * evaluation-service /api/v1/templates (指标体系 as versioned data). Points and rule parameters come
 * back as JSON numbers (BigDecimal); they are sent as decimal strings so nothing is lost on the way.
 */

export type { DecimalValue, KnownIndicator, TemplateAssignment, TemplateSummary, TemplateVersionInfo } from '../../api/types';

export const RULE_KINDS = ['ratio', 'target', 'ceiling', 'bands', 'rush', 'qualitative'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface BandBody {
  upTo: DecimalValue | null;
  share: DecimalValue | null;
}

export interface RuleBody {
  kind: string;
  target?: DecimalValue | null;
  threshold?: DecimalValue | null;
  deductPerPoint?: DecimalValue | null;
  bands?: BandBody[] | null;
}

export interface IndicatorBody {
  code: string;
  name: string;
  /** The English name (optional; kept as it is when the tree is sent back). */
  nameEn?: string | null;
  points: DecimalValue | null;
  rule: RuleBody;
}

export interface Level2Body {
  name: string;
  nameEn?: string | null;
  children: IndicatorBody[];
}

export interface Level1Body {
  name: string;
  nameEn?: string | null;
  points: DecimalValue | null;
  children: Level2Body[];
}

export interface ProjectWeightsBody {
  budgetExecution: DecimalValue | null;
  output: DecimalValue | null;
  benefit: DecimalValue | null;
  satisfaction: DecimalValue | null;
}

export interface TemplateBody {
  code: string;
  name: string;
  description: string | null;
  levels: Level1Body[];
  project: ProjectWeightsBody | null;
}

export interface TemplateDetail {
  template: TemplateSummary;
  body: TemplateBody;
}

export interface TemplateAuditEntry {
  at: string;
  actor: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  version: number | null;
}

export interface TemplateEditInput {
  version: number;
  name: string;
  description: string | null;
  levels: Level1Body[];
  project: ProjectWeightsBody;
}

export interface TemplateCopyInput {
  name: string | null;
  jurisdiction: string;
  fiscalYear: number;
}

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
