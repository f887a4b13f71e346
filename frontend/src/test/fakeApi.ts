import type {
  AuditEntry,
  BasicExpenditure,
  BasicExpenditureUpdate,
  BudgetSheet,
  Department,
  DepartmentProfile,
  Evaluation,
  OverviewRow,
  ReportSection,
} from '../api/types';
import { ZFW_DEPARTMENT } from './departments';
import { emptySheet, sampleProfile } from './sampleSheet';

export const departments: Department[] = [
  { id: ZFW_DEPARTMENT, code: '101001', name: '中共长沙市望城区委政法委员会', jurisdiction: '长沙市望城区' },
  { id: 'd0000000-0000-4000-8000-000000000002', code: '102001', name: '望城区教育局', jurisdiction: '长沙市望城区' },
];

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}): Response {
  return json({ type: 'about:blank', title, status, ...extra }, status, 'application/problem+json');
}

/**
 * An in-memory stand-in for the three services, good enough for the page's flow: the evaluation
 * and the report catch up with a saved version after `lagPolls` polls.
 */
export class FakeApi {
  requests: RecordedRequest[] = [];
  basic: BasicExpenditure | null = null;
  audit: AuditEntry[] = [];
  evaluationVersion: number | null = null;
  sectionVersion: number | null = null;
  lagPolls = 1;
  /** When set, the next PUT answers with this response instead. */
  nextPutResponse: (() => Response) | null = null;
  /** The department-year sheet (GET /budgets/{d}/{y}); null: built from `basic`. */
  sheet: BudgetSheet | null = null;
  /** What a section write (staffing, other figures, projects, reasons) answers; default: the sheet. */
  nextSheetWrite: (() => Response) | null = null;
  profile: DepartmentProfile = sampleProfile();
  /** Rows of GET /budgets (the overview), paged by `limit` with the index as cursor. */
  overviewRows: OverviewRow[] = [];
  yearAudit: AuditEntry[] = [];
  private pendingPolls = 0;

  /** The evaluation and the report have the saved version from the next poll on. */
  catchUpNow() {
    this.pendingPolls = 0;
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    this.requests.push({ method, url, headers: (init.headers ?? {}) as Record<string, string>, body });
    return this.route(method, url, body);
  };

  private route(method: string, url: string, body: unknown): Response {
    const path = url.replace(/^\/api\/v1/, '');
    const [pathOnly, queryString = ''] = path.split('?');
    const query = new URLSearchParams(queryString);
    if (pathOnly === '/departments') {
      return json(departments);
    }
    if (/^\/departments\/[^/]+$/.test(pathOnly!)) {
      if (method === 'PUT') {
        const update = body as { name: string; duties: string[]; divisions: string[]; version: number };
        if (update.version !== this.profile.version) return problem(409, '版本冲突', { code: 'version.conflict' });
        this.profile = { ...this.profile, ...update, version: this.profile.version + 1 };
      }
      return json(this.profile);
    }
    if (pathOnly === '/budgets/export') {
      const format = query.get('format');
      return new Response(format === 'csv' ? '\ufeffcode,name\n401001,政法委\n' : '{"code":"401001"}\n', {
        status: 200,
        headers: {
          'Content-Type': format === 'csv' ? 'text/csv; charset=UTF-8' : 'application/x-ndjson',
          'Content-Disposition': `attachment; filename="budget-lines-${query.get('fiscalYear')}.${format}"`,
        },
      });
    }
    if (pathOnly === '/budgets') {
      const locked = query.get('locked');
      const rows = this.overviewRows.filter((row) => locked === null || String(row.locked) === locked);
      const start = Number(query.get('cursor') ?? '0');
      const limit = Number(query.get('limit') ?? '50');
      const items = rows.slice(start, start + limit);
      return json({ items, nextCursor: start + limit < rows.length ? String(start + limit) : null });
    }
    const sheetMatch = /^\/budgets\/([^/]+)\/(\d+)(\/audit|\/staffing|\/other-figures|\/variance-reasons|\/projects(?:\/\d+)?)?$/.exec(pathOnly!);
    if (sheetMatch) {
      const section = sheetMatch[3];
      if (section === '/audit') {
        return json(this.yearAudit);
      }
      if (section) {
        if (this.nextSheetWrite) {
          const response = this.nextSheetWrite();
          this.nextSheetWrite = null;
          return response;
        }
        return json(this.currentSheet(sheetMatch[1]!, Number(sheetMatch[2])));
      }
      return json(this.currentSheet(sheetMatch[1]!, Number(sheetMatch[2])));
    }
    const basicMatch = /^\/budgets\/([^/]+)\/(\d+)\/basic-expenditure(\/audit)?$/.exec(path);
    if (basicMatch) {
      if (basicMatch[3]) {
        return json(this.audit);
      }
      if (method === 'PUT') {
        return this.put(basicMatch[1]!, Number(basicMatch[2]), body as BasicExpenditureUpdate);
      }
      return this.basic ? json(this.basic) : problem(404, '尚未录入');
    }
    if (/^\/evaluations\/[^/]+\/\d+$/.test(path)) {
      this.catchUp();
      return this.evaluationVersion === null ? problem(404, '尚未计算') : json(this.evaluation());
    }
    if (/^\/reports\/[^/]+\/\d+\/sections\/basic-expenditure$/.test(path)) {
      return this.sectionVersion === null ? problem(404, '尚未生成') : json(this.section());
    }
    return problem(404, 'Not Found');
  }

  private put(departmentId: string, fiscalYear: number, update: BasicExpenditureUpdate) {
    if (this.nextPutResponse) {
      const response = this.nextPutResponse();
      this.nextPutResponse = null;
      return response;
    }
    const currentVersion = this.basic?.version ?? null;
    if (update.version !== currentVersion) {
      return problem(409, '版本冲突', { detail: `当前版本为 ${currentVersion}` });
    }
    const version = (currentVersion ?? 0) + 1;
    this.basic = {
      departmentId,
      fiscalYear,
      budget: update.budget,
      actual: update.actual,
      personnelActual: update.personnelActual ?? null,
      subsidiesActual: update.subsidiesActual ?? null,
      publicFundsActual: update.publicFundsActual ?? null,
      publicFundsBudget: update.publicFundsBudget ?? null,
      variance: '612500.00',
      executionRate: '109.60',
      version,
      updatedAt: '2021-01-25T08:00:00Z',
      updatedBy: 'zfw',
    };
    this.audit = [
      { at: '2021-01-25T08:00:00Z', actor: 'zfw', field: 'budget', oldValue: null, newValue: update.budget, version },
      { at: '2021-01-25T08:00:00Z', actor: 'zfw', field: 'actual', oldValue: null, newValue: update.actual, version },
    ];
    this.pendingPolls = this.lagPolls;
    return json(this.basic);
  }

  /** The sheet as GET answers it: the one set, else built from the basic expenditure. */
  currentSheet(departmentId: string, fiscalYear: number): BudgetSheet {
    if (this.sheet) return this.sheet;
    const sheet = emptySheet(departmentId, fiscalYear);
    if (this.basic) {
      sheet.revision = this.basic.version;
      sheet.basic = {
        budget: this.basic.budget,
        actual: this.basic.actual,
        variance: this.basic.variance,
        executionRate: this.basic.executionRate,
        personnelActual: this.basic.personnelActual ?? null,
        subsidiesActual: this.basic.subsidiesActual ?? null,
        publicFundsActual: this.basic.publicFundsActual ?? null,
        publicFundsBudget: this.basic.publicFundsBudget ?? null,
        partsSum: null,
        partsDifference: null,
        version: this.basic.version,
      };
    }
    return sheet;
  }

  /** Someone else saves in between. */
  saveByOther(budget: string, actual: string) {
    const version = (this.basic?.version ?? 0) + 1;
    this.basic = {
      departmentId: this.basic?.departmentId ?? departments[0]!.id,
      fiscalYear: 2020,
      budget,
      actual,
      variance: '0.00',
      executionRate: '100.00',
      personnelActual: null,
      subsidiesActual: null,
      publicFundsActual: null,
      publicFundsBudget: null,
      version,
      updatedAt: '2021-01-26T08:00:00Z',
      updatedBy: 'other',
    };
  }

  private catchUp() {
    if (!this.basic) return;
    if (this.pendingPolls > 0) {
      this.pendingPolls -= 1;
      return;
    }
    this.evaluationVersion = this.basic.version;
    this.sectionVersion = this.basic.version;
  }

  private evaluation(): Evaluation {
    return {
      departmentId: this.basic!.departmentId,
      fiscalYear: 2020,
      sourceVersion: this.evaluationVersion!,
      revision: this.evaluationVersion!,
      indicators: [
        {
          code: 'budget-completion-rate',
          name: '预算完成率',
          nameEn: 'Budget completion rate',
          value: '107.74',
          unit: '%',
          formula: '预算完成数 / 预算数 × 100%（基本支出 + 项目支出）',
          inputs: [],
          missing: false,
          sourceVersion: this.evaluationVersion!,
        },
        {
          code: 'basic-completion-rate',
          name: '基本支出预算完成率',
          nameEn: 'Basic expenditure completion rate',
          value: '109.60',
          unit: '%',
          formula: '基本支出实际 / 基本支出预算 × 100%',
          inputs: [],
          missing: false,
          sourceVersion: this.evaluationVersion!,
        },
      ],
      score: null,
    };
  }

  private section(): ReportSection {
    return {
      departmentId: this.basic!.departmentId,
      fiscalYear: 2020,
      sourceVersion: this.sectionVersion!,
      heading: '（一）基本支出情况',
      paragraphs: ['本年度基本支出预算 637.88 万元，实际支出 699.13 万元，超预算 61.25 万元，预算完成率 109.60%。'],
      figures: { budgetWan: '637.88', actualWan: '699.13', varianceWan: '61.25', rate: '109.60' },
      pending: false,
    };
  }
}
