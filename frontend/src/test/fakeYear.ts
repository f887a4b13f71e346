import type { EvaluationWithScore, Filing, GoalsView, Narrative, ReportView, ScoreCard, ScoreItem } from '../api/types';
import { departments, problem, type RecordedRequest } from './fakeApi';
import { ZFW_DEPARTMENT } from './departments';
import { sampleSheet } from './sampleSheet';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A score card of the default template with the given figures. */
export function scoreCard(over: Partial<ScoreCard>): ScoreCard {
  return {
    templateCode: 'default',
    templateId: 1,
    templateVersion: 1,
    templatePinned: false,
    total: 0,
    grade: '差',
    maxPoints: 100,
    items: [],
    projects: [],
    missing: [],
    ...over,
  };
}

export function scoreItem(over: Partial<ScoreItem>): ScoreItem {
  return {
    level1: '投入',
    level2: '目标设定',
    code: 'goal-reasonableness',
    name: '绩效目标合理性',
    points: 2,
    ruleKind: 'qualitative',
    ruleText: '定性：好 80–100%，中 60–80%，差 0–60%，须附佐证',
    value: null,
    score: 0,
    status: 'PENDING_SELF_SCORE',
    explanation: '尚未自评：按 0 分计',
    adjustedScore: null,
    adjustment: null,
    nameEn: null,
    level1En: null,
    level2En: null,
    calculation: null,
    rule: null,
    selfScoreVersion: null,
    adjustmentVersion: null,
    ...over,
  };
}

/**
 * An in-memory department-year for the goals, evaluation and report pages: each handler can be
 * replaced by a test (`next`) to answer one request with an error.
 */
export class FakeYear {
  requests: RecordedRequest[] = [];
  goals: GoalsView = { version: null, indicators: [] };
  items: ScoreItem[] = [
    scoreItem({}),
    scoreItem({
      code: 'staff-control-rate',
      name: '在职人员控制率',
      level2: '预算配置',
      points: 3,
      ruleKind: 'ceiling',
      value: 110,
      score: 0,
      status: 'SCORED',
      explanation: '110.00% 超过上限 100%，每超 1 个百分点扣 10% 分值，扣 3.00 分',
    }),
  ];
  report: ReportView = {
    report: { title: '2020 年度自评报告', sections: [], unit: '政法委', date: '2021年1月', score: null, projects: [] },
    sheetRevision: 9,
    scoreRevision: 9,
    fatal: 1,
    warnings: 0,
    findings: [
      {
        severity: 'FATAL',
        tag: 'COMPLETENESS',
        rule: 'narrative.missing',
        section: '四',
        paragraph: 0,
        excerpt: '（待填写）',
        message: '第四部分“存在的问题及原因”尚未填写。',
        expected: '在“报告叙述”中填写本部分',
      },
    ],
    text: '',
  };
  filing: Filing = { departmentId: ZFW_DEPARTMENT, fiscalYear: 2020, status: 'DRAFT', latestVersion: null, versions: [], history: [] };
  narrative: Narrative = { goals: '', achievements: '', problems: [], measures: [], other: '', version: 2, updatedBy: 'zfw' };
  /** Answers the next request whose "METHOD path" matches, once. */
  next: { match: RegExp; response: () => Response }[] = [];

  evaluation(): EvaluationWithScore {
    const total = this.items.reduce((sum, item) => sum + Number(item.adjustedScore ?? item.score), 0);
    return {
      departmentId: ZFW_DEPARTMENT,
      fiscalYear: 2020,
      sourceVersion: 9,
      revision: 9,
      indicators: [],
      score: scoreCard({ total: Math.round(total * 100) / 100, grade: '差', items: this.items }),
    };
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : init.body;
    this.requests.push({ method, url, headers: (init.headers ?? {}) as Record<string, string>, body });
    const path = url.replace(/^\/api\/v1/, '').split('?')[0]!;
    const key = `${method} ${path}`;
    const override = this.next.findIndex((entry) => entry.match.test(key));
    if (override >= 0) {
      const [entry] = this.next.splice(override, 1);
      return entry!.response();
    }
    return this.route(method, path, body);
  };

  private route(method: string, path: string, body: unknown): Response {
    if (path === '/departments') return json(departments);
    if (/^\/budgets\/[^/]+\/\d+$/.test(path)) return json(sampleSheet());
    if (/^\/goals\/[^/]+\/\d+$/.test(path)) {
      if (method === 'PUT') {
        const input = body as { goals: { goal: string; indicators: Record<string, unknown>[] }[] };
        let id = 0;
        this.goals = {
          version: (this.goals.version ?? 0) + 1,
          indicators: input.goals.flatMap((goal) =>
            goal.indicators.map((indicator) => ({ ...indicator, id: ++id, goal: goal.goal, met: null }) as never),
          ),
        };
      }
      return json(this.goals);
    }
    const evaluation = /^\/evaluations\/([^/]+)\/(\d+)(?:\/(self-scores|adjustments)\/([^/]+))?$/.exec(path);
    if (evaluation) {
      if (evaluation[2] !== '2020') return problem(404, '尚无数据');
      if (method === 'PUT') {
        const input = body as { score: string; evidence?: string; comment?: string };
        this.items = this.items.map((item) =>
          item.code !== evaluation[4]
            ? item
            : evaluation[3] === 'self-scores'
              ? { ...item, score: Number(input.score), status: 'SELF_SCORED', explanation: input.evidence ?? '' }
              : { ...item, adjustedScore: Number(input.score), adjustment: input.comment ?? '' },
        );
      }
      return json(this.evaluation());
    }
    if (/^\/reports\/[^/]+\/\d+$/.test(path)) return json(this.report);
    if (/^\/reports\/[^/]+\/\d+\/narrative$/.test(path)) {
      if (method === 'PUT') {
        const input = body as Narrative;
        if (input.version !== this.narrative.version) return problem(409, '版本冲突', { code: 'version.conflict' });
        this.narrative = { ...input, version: (this.narrative.version ?? 0) + 1, updatedBy: 'zfw' };
      }
      return json(this.narrative);
    }
    if (/^\/reports\/[^/]+\/\d+\/preview$/.test(path)) {
      return new Response('<html><body><h1>自评报告</h1></body></html>', { headers: { 'Content-Type': 'text/html' } });
    }
    const filing = /^\/filings\/[^/]+\/\d+(?:\/(submit|return|approve))?$/.exec(path);
    if (filing) {
      const step = filing[1];
      if (step === 'submit') {
        const version = (this.filing.latestVersion ?? 0) + 1;
        this.filing = {
          ...this.filing,
          status: 'SUBMITTED',
          latestVersion: version,
          versions: [
            ...this.filing.versions,
            {
              number: version,
              submittedAt: '2021-01-25T08:00:00Z',
              submittedBy: 'zfw',
              contentHash: 'ab'.repeat(32),
              sheetRevision: 9,
              evaluationRevision: 14,
              documents: { html: 'cd'.repeat(32), docx: 'ef'.repeat(32), pdf: '01'.repeat(32) },
            },
          ],
          history: [...this.filing.history, { step: 'SUBMITTED', filingVersion: version, actor: 'zfw', at: '2021-01-25T08:00:00Z', comment: null }],
        };
      } else if (step) {
        const comment = (body as { comment: string | null }).comment;
        this.filing = {
          ...this.filing,
          status: step === 'return' ? 'RETURNED' : 'APPROVED',
          history: [
            ...this.filing.history,
            { step: step === 'return' ? 'RETURNED' : 'APPROVED', filingVersion: this.filing.latestVersion ?? 1, actor: 'reviewer', at: '2021-01-26T08:00:00Z', comment },
          ],
        };
      }
      return json(this.filing);
    }
    if (path === '/checks') {
      return json({ format: 'txt', paragraphs: 3, fatal: 1, warnings: 0, findings: this.report.findings });
    }
    return problem(404, 'Not Found');
  }
}
