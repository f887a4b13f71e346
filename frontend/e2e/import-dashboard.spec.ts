import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DOCS_SCREENSHOTS, snapshot, ZFW_DEPARTMENT, demoPassword, login } from './helpers';
import { zipEntry } from './zip';

/**
 * 导入导出, 区县总览 and unsaved input across a new login, against the running stack. The import uses
 * zfw's 2023 (no demo data, no other spec touches that year, and year-walk submits 2020), so it can run
 * before or after year-walk; the import replaces 2023's basic expenditure each run, so it is repeatable.
 * The dashboard reads the demo years 2020 and 2021 as up.sh loads them (JIXIAO_DEMO=true).
 */
const Q2023 = `?dept=${ZFW_DEPARTMENT}&year=2023`;
const BASIC_HEADER = '序号,预算数（元）,实际支出（元）,工资福利（元）,对个人和家庭的补助（元）,公用经费支出（元）,公用经费预算（元）';

function csvFile(name: string, lines: string[]): string {
  const path = join(tmpdir(), `${Date.now()}-${name}`);
  writeFileSync(path, `\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
  return path;
}

/**
 * The demo district's scores and grades (budget-service demo/departments.json, evaluation-service
 * demo/evaluations.json; DemoEvaluationsTest checks the same totals): every grade is there in both years.
 * The sample department's 2020 has no goals or self-scores (its report states none), so it is 差.
 */
const DEMO_GRADES: Record<number, { slices: string; departments: [string, string | null, string][] }> = {
  2020: {
    slices: '优:1 良:2 中:2 差:2',
    departments: [
      ['长沙市望城区教育局', '91.99', '优'],
      ['长沙市望城区民政局', '83.62', '良'],
      ['长沙市望城区文化旅游广电体育局', '83.12', '良'],
      ['长沙市望城区卫生健康局', '67.81', '中'],
      ['长沙市望城区司法局', '65.42', '中'],
      ['长沙市望城区自然资源局', '56.64', '差'],
      // year-walk (which may have run before on this stack) adds goals and self-scores, but not 60 points
      ['中共长沙市望城区委政法委员会', null, '差'],
    ],
  },
  2021: {
    slices: '优:2 良:3 中:1 差:1',
    departments: [
      ['长沙市望城区教育局', '95.27', '优'],
      ['长沙市望城区民政局', '93.49', '优'],
      ['长沙市望城区文化旅游广电体育局', '86.08', '良'],
      ['长沙市望城区卫生健康局', '84.41', '良'],
      ['中共长沙市望城区委政法委员会', '82.64', '良'],
      ['长沙市望城区自然资源局', '76.93', '中'],
      ['长沙市望城区司法局', '48.93', '差'],
    ],
  },
};

test.describe('import, district dashboard, drafts', () => {
  test('zfw imports a CSV: row errors first, nothing saved; then a correct file is saved and shown', async ({ page }) => {
    test.setTimeout(300_000);
    await login(page, 'zfw', `/budget/import${Q2023}`);
    await expect(page.getByTestId('import-card')).toBeVisible();

    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-csv-basic').click()]);
    expect(template.suggestedFilename()).toMatch(/\.csv$/);
    expect(readFileSync(await template.path(), 'utf8')).toContain('预算数（元）');

    await page.getByTestId('import-file').setInputFiles(csvFile('bad.csv', [BASIC_HEADER, '1,abc,900000.00,,,,']));
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-failed')).toContainText('未保存任何数据', { timeout: 60_000 });
    const errorRow = page.getByTestId('import-error-row').first();
    await expect(errorRow).toContainText('基本支出');
    await expect(errorRow).toContainText('B');
    await expect(errorRow).toContainText('预算数（元）');
    await snapshot(page, '50-import-errors.png');

    await page.getByTestId('import-file').setInputFiles(csvFile('good.csv', [BASIC_HEADER, '1,1000000.00,912345.67,,,,']));
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-succeeded')).toContainText('共保存 1 行数据', { timeout: 60_000 });
    await expect(page.getByTestId('summary-basic')).toContainText('91.23');
    await snapshot(page, '51-import-succeeded.png');

    const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-workbook').click()]);
    expect(workbook.suggestedFilename()).toMatch(/2023\.xlsx$/);
    // a workbook with the year's sheets, not only a file that starts like a ZIP
    expect(zipEntry(readFileSync(await workbook.path()), 'xl/workbook.xml')).toContain('name="汇总"');
  });

  test('typed amounts survive a rejected session: restored after logging in again, then discarded', async ({ page }) => {
    test.setTimeout(180_000);
    await login(page, 'zfw', `/budget/basic${Q2023}`);
    const budget = page.getByTestId('budget-input');
    await expect(budget).toBeEditable();
    await budget.fill('123.45');

    // The session ends: the login cookie is gone and the server rejects the token once.
    await page.context().clearCookies();
    let rejected = false;
    await page.route('**/api/v1/budgets/**', async (route) => {
      if (rejected) return route.continue();
      rejected = true;
      return route.fulfill({ status: 401, contentType: 'application/problem+json', body: '{"title":"Unauthorized","status":401}' });
    });
    await page.getByTestId('save-button').click();
    await page.waitForURL(/\/realms\/jixiao\/protocol\/openid-connect\/auth/);
    await page.unroute('**/api/v1/budgets/**');
    await page.locator('#username').fill('zfw');
    await page.locator('#password').fill(demoPassword());
    await page.locator('#kc-login').click();

    await expect(page.getByTestId('draft-restored')).toContainText('已恢复未保存的内容', { timeout: 30_000 });
    await expect(page.getByTestId('budget-input')).toHaveValue('123.45');
    await snapshot(page, '52-draft-restored.png');
    await page.getByTestId('draft-discard').click();
    await expect(page.getByTestId('draft-restored')).toHaveCount(0);
    await expect(page.getByTestId('budget-input')).not.toHaveValue('123.45');
  });

  test('reviewer: score, grade and rank per department, grade filter, summary XLSX', async ({ page }) => {
    // 2021: year-walk changes the sample department's 2020 only. The demo's totals are those of
    // evaluation-service's DemoEvaluationsTest (DemoData's figures with demo/evaluations.json): 82.64 良,
    // behind 教育局 95.27, 民政局 93.49, 文旅 86.08 and 卫健 84.41, so 5th.
    await login(page, 'reviewer', '/overview?year=2021');
    await expect(page.getByTestId('overview-row').first()).toBeVisible();
    await expect(page.getByTestId('dashboard-scores-unavailable')).toHaveCount(0);
    const row = page.getByTestId('overview-row').filter({ hasText: '中共长沙市望城区委政法委员会' });
    await expect(row.getByTestId('dashboard-score')).toHaveText('82.64');
    await expect(row.getByTestId('dashboard-grade')).toHaveText('良');
    await expect(row.getByTestId('dashboard-rank')).toHaveText('5');
    await expect(page.getByTestId('grade-chart')).toBeVisible();
    await expect(page.getByTestId('score-chart')).toBeVisible();
    await expect(page.getByTestId('execution-chart')).toBeVisible();
    await snapshot(page, '53-dashboard.png');

    await page.getByTestId('dashboard-grade-filter').getByText('良', { exact: true }).click();
    // 2021 has three 良 (卫健, 文旅 and this one)
    await expect(page.getByTestId('dashboard-grade')).toHaveText(['良', '良', '良']);

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-summary-xlsx').click()]);
    expect(file.suggestedFilename()).toBe('summary-2021.xlsx');
  });

  for (const year of [2020, 2021]) {
    test(`reviewer: the demo district of ${year} spreads over 优, 良, 中 and 差`, async ({ page }) => {
      const demo = DEMO_GRADES[year]!;
      await login(page, 'reviewer', `/overview?year=${year}`);
      await expect(page.getByTestId('overview-row').first()).toBeVisible();
      await expect(page.getByTestId('dashboard-scores-unavailable')).toHaveCount(0);
      // the chart's slices, as text: four grades (departments onboarded by other specs would add none:n)
      await expect(page.getByTestId('grade-chart')).toHaveAttribute('data-grades', new RegExp(`^${demo.slices}( none:\\d+)?$`));
      for (const [name, score, grade] of demo.departments) {
        const row = page.getByTestId('overview-row').filter({ hasText: name });
        await expect(row.getByTestId('dashboard-grade'), `${name} ${year}`).toHaveText(grade);
        if (score) await expect(row.getByTestId('dashboard-score'), `${name} ${year}`).toHaveText(score);
      }
      await snapshot(page, '54-dashboard-grades-${year}.png');
      if (year === 2020) {
        // 年底突击花钱: December's share of the year's 按月支付数 in budget-service's demo/departments.json
        // (12th amount / sum of the 12), both above the 15 % default, so drawn red
        const rush = page.getByTestId('year-end-rush-chart');
        await expect(rush).toHaveAttribute('data-shares', /长沙市望城区自然资源局:28\.80(\||$)/);
        await expect(rush).toHaveAttribute('data-shares', /长沙市望城区教育局:18\.93(\||$)/);
        await page.getByTestId('year-end-rush-card').scrollIntoViewIfNeeded();
        await page.getByTestId('year-end-rush-card').screenshot({ path: `${DOCS_SCREENSHOTS}/season-year-end.png` });
      }
    });
  }
});
