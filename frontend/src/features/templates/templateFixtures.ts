import type { KnownIndicator, TemplateBody, TemplateDetail, TemplateSummary } from './templateApi';

/** A small template as evaluation-service sends it (numbers as JSON numbers), for tests. */
export function sampleBody(): TemplateBody {
  return {
    code: 'copy-1f3a9c2e',
    name: '望城区 2020 指标体系',
    description: '测试用',
    project: { budgetExecution: 10, output: 50, benefit: 30, satisfaction: 10 },
    levels: [
      {
        name: '投入',
        nameEn: 'Input',
        points: 40,
        children: [
          {
            name: '预算配置',
            nameEn: null,
            children: [
              { code: 'staff-control-rate', name: '在职人员控制率', nameEn: 'Staff control rate', points: 20, rule: { kind: 'ceiling', target: null, threshold: 100, deductPerPoint: 0.1, bands: null } },
              { code: 'key-spending-rate', name: '重点支出安排率', nameEn: null, points: 20, rule: { kind: 'ratio', target: null, threshold: null, deductPerPoint: null, bands: null } },
            ],
          },
        ],
      },
      {
        name: '过程',
        nameEn: null,
        points: 60,
        children: [
          {
            name: '预算执行',
            nameEn: null,
            children: [
              { code: 'budget-completion-rate', name: '预算完成率', nameEn: null, points: 20, rule: { kind: 'target', target: 100, threshold: null, deductPerPoint: 0.08, bands: null } },
              {
                code: 'budget-adjustment-rate',
                name: '预算调整率',
                nameEn: null,
                points: 20,
                rule: {
                  kind: 'bands',
                  target: null,
                  threshold: null,
                  deductPerPoint: null,
                  bands: [
                    { upTo: 0, share: 1 },
                    { upTo: 10, share: 0.8 },
                    { upTo: 20, share: 0.6 },
                  ],
                },
              },
              {
                code: 'goal-reasonableness',
                name: '绩效目标合理性',
                nameEn: null,
                points: 20,
                rule: { kind: 'qualitative', target: null, threshold: null, deductPerPoint: null, bands: null },
              },
            ],
          },
        ],
      },
    ],
  };
}

export function summary(overrides: Partial<TemplateSummary> = {}): TemplateSummary {
  return {
    id: 2,
    name: '望城区 2020 指标体系',
    code: 'copy-1f3a9c2e',
    jurisdiction: '望城区',
    fiscalYear: 2020,
    defaultTemplate: false,
    version: 3,
    copiedFromId: 1,
    copiedFromVersion: 1,
    updatedAt: '2021-01-05T02:30:00Z',
    updatedBy: 'reviewer',
    assignments: [],
    ...overrides,
  };
}

export function defaultSummary(): TemplateSummary {
  return summary({
    id: 1,
    name: '部门整体支出绩效评价共性指标体系（默认模板）',
    code: 'default-2013',
    jurisdiction: null,
    fiscalYear: null,
    defaultTemplate: true,
    version: 1,
    copiedFromId: null,
    copiedFromVersion: null,
    updatedBy: null,
  });
}

export function detail(template: TemplateSummary, body: TemplateBody = sampleBody()): TemplateDetail {
  return { template, body: { ...body, name: template.name } };
}

/** GET /templates/indicators as the service answers it (a part): the rush shares with the configured defaults. */
export function knownIndicators(): KnownIndicator[] {
  const kinds: KnownIndicator['kinds'] = ['ratio', 'target', 'ceiling', 'bands', 'qualitative'];
  return [
    { code: 'december-share', name: '12月支出占比', nameEn: 'December share of the year’s spending', source: 'figures', kinds: ['rush', ...kinds], threshold: 15, deductPerPoint: 0.1 },
    { code: 'key-spending-rate', name: '重点支出安排率', nameEn: 'Key spending rate', source: 'figures', kinds, threshold: null, deductPerPoint: null },
    { code: 'q4-share', name: '第四季度支出占比', nameEn: 'Fourth-quarter share of the year’s spending', source: 'figures', kinds: ['rush', ...kinds], threshold: 40, deductPerPoint: 0.1 },
    { code: 'task-quality-rate', name: '质量达标率', nameEn: 'Quality rate', source: 'goals', kinds, threshold: null, deductPerPoint: null },
  ];
}
