import type { BudgetSheet, DepartmentProfile, OverviewRow, Project } from '../api/types';
import { ZFW_DEPARTMENT } from './departments';

function project(p: Partial<Project> & Pick<Project, 'id' | 'name'>): Project {
  return {
    budget: '0.00',
    adjustment: '0.00',
    adjustmentReason: null,
    adjustedBudget: '0.00',
    actualOwn: '0.00',
    actualDirect: '0.00',
    actual: '0.00',
    variance: '0.00',
    executionRate: null,
    keyProject: false,
    version: 1,
    ...p,
  };
}

/** The sample department's 2020 (the demo data), with the figures the budget-service derives. */
export function sampleSheet(): BudgetSheet {
  return {
    departmentId: ZFW_DEPARTMENT,
    fiscalYear: 2020,
    revision: 10,
    locked: false,
    department: null,
    spending: { total: '0.00', lines: 0, checks: [], byMonth: Array<string>(12).fill('0.00') },
    staffing: {
      authorizedPosts: 20,
      staffInPost: 22,
      retiredSoldiers: 1,
      temporaryStaff: 4,
      secondedStaff: 2,
      retirees: null,
      staffInPostLastYear: 18,
      temporaryStaffLastYear: 3,
      overAuthorized: 2,
      version: 1,
    },
    basic: {
      budget: '6378800.00',
      actual: '6991300.00',
      variance: '612500.00',
      executionRate: '109.60',
      personnelActual: '6095200.00',
      subsidiesActual: '557900.00',
      publicFundsActual: '338100.00',
      publicFundsBudget: null,
      partsSum: '6991200.00',
      partsDifference: '100.00',
      version: 1,
    },
    projects: [
      project({ id: 11, name: '平安望城意外伤害及监护人责任保险', budget: '600000.00', adjustedBudget: '600000.00', actualOwn: '652800.00', actual: '652800.00', variance: '52800.00', executionRate: '108.80', keyProject: true }),
      project({ id: 12, name: '上级补助奖金及各项救助基金', adjustment: '701400.00', adjustmentReason: '上级补助，年初无预算', adjustedBudget: '701400.00', actualOwn: '701400.00', actual: '701400.00', variance: '701400.00' }),
      project({ id: 13, name: '派驻纪检监察组工作经费', adjustment: '90000.00', adjustmentReason: '区纪委监委派驻 2 人，年初无预算', adjustedBudget: '90000.00', actualOwn: '90000.00', actual: '90000.00', variance: '90000.00' }),
      project({ id: 14, name: '见义勇为奖励金', budget: '200000.00', adjustedBudget: '200000.00', actualOwn: '131000.00', actual: '131000.00', variance: '-69000.00', executionRate: '65.50' }),
      project({ id: 15, name: '综治维稳工作经费', budget: '2980000.00', adjustedBudget: '2980000.00', actualOwn: '2978900.00', actual: '2978900.00', variance: '-1100.00', executionRate: '99.96', keyProject: true }),
      project({ id: 16, name: '平安望城建设（财政直接支付）', budget: '7760000.00', adjustedBudget: '7760000.00', actualDirect: '7760000.00', actual: '7760000.00', executionRate: '100.00', keyProject: true }),
    ],
    projectTotals: {
      count: 6,
      budget: '11540000.00',
      adjustment: '791400.00',
      adjustedBudget: '12331400.00',
      actualOwn: '4554100.00',
      actualDirect: '7760000.00',
      actual: '12314100.00',
      variance: '774100.00',
      executionRate: '106.71',
      keyProjectsActual: '11391700.00',
      keyProjectsShare: '92.51',
    },
    threePublic: null,
    procurement: null,
    carryOver: null,
    assets: null,
    monthlyPayments: null,
    varianceReasons: [
      { id: 1, line: 'PROJECT', projectId: 11, amount: '52800.00', reason: '保险实际结算高于预算' },
      { id: 2, line: 'PROJECT', projectId: 12, amount: '701400.00', reason: '上级补助资金，年初无预算' },
      { id: 3, line: 'PROJECT', projectId: 13, amount: '90000.00', reason: '派驻人员工作经费，年初无预算' },
      { id: 4, line: 'PROJECT', projectId: 14, amount: '-69000.00', reason: '奖励金发放少于预算' },
    ],
    reasonChecks: [
      { line: 'BASIC', projectId: null, variance: '612500.00', explained: '0.00', unexplained: '612500.00', matches: false },
      { line: 'PROJECTS', projectId: null, variance: '774100.00', explained: '775200.00', unexplained: '-1100.00', matches: false },
      { line: 'PROJECT', projectId: 11, variance: '52800.00', explained: '52800.00', unexplained: '0.00', matches: true },
      { line: 'PROJECT', projectId: 12, variance: '701400.00', explained: '701400.00', unexplained: '0.00', matches: true },
      { line: 'PROJECT', projectId: 13, variance: '90000.00', explained: '90000.00', unexplained: '0.00', matches: true },
      { line: 'PROJECT', projectId: 14, variance: '-69000.00', explained: '-69000.00', unexplained: '0.00', matches: true },
    ],
  };
}

export function emptySheet(departmentId = ZFW_DEPARTMENT, fiscalYear = 2020): BudgetSheet {
  return {
    departmentId,
    fiscalYear,
    revision: 0,
    locked: false,
    department: null,
    spending: { total: '0.00', lines: 0, checks: [], byMonth: Array<string>(12).fill('0.00') },
    staffing: null,
    basic: null,
    projects: [],
    projectTotals: null,
    threePublic: null,
    procurement: null,
    carryOver: null,
    assets: null,
    monthlyPayments: null,
    varianceReasons: [],
    reasonChecks: [],
  };
}

export function sampleProfile(): DepartmentProfile {
  return {
    id: ZFW_DEPARTMENT,
    code: '401001',
    name: '中共长沙市望城区委政法委员会',
    jurisdiction: '望城区',
    firstFiscalYear: 2018,
    duties: ['贯彻落实党的政法工作方针政策', '组织政法工作调查研究', '协调处理涉法涉诉问题'],
    divisions: ['综合治理科', '维稳指导科', '执法监督科', '政工室', '防范协调科办公室'],
    version: 1,
  };
}

/** n overview rows with codes 401001.., rates from the list (null = missing). */
export function overviewRows(rates: (string | null)[]): OverviewRow[] {
  return rates.map((rate, index) => ({
    departmentId: `d${index + 1}`,
    departmentCode: String(401001 + index * 1000),
    departmentName: `测试单位${index + 1}`,
    jurisdiction: '望城区',
    fiscalYear: 2020,
    revision: 1,
    locked: index % 2 === 0,
    basicBudget: '100000.00',
    basicActual: '100000.00',
    projectBudget: null,
    projectActual: null,
    totalBudget: '100000.00',
    totalActual: '100000.00',
    executionRate: rate,
    updatedAt: '2021-01-25T08:00:00Z',
  }));
}
