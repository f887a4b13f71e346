import { expect, test } from '@playwright/test';
import { JYJ_DEPARTMENT, snapshot, ZFW_DEPARTMENT, captureBearer, fetchStatusFromPage, login } from './helpers';

test.describe('基本支出 vertical slice', () => {
  test('zfw enters 2020 basic expenditure and sees rate, variance and the report paragraph', async ({ page }) => {
    await login(page, 'zfw');
    await expect(page.getByTestId('department-name')).toHaveText('中共长沙市望城区委政法委员会');
    await expect(page.getByTestId('fiscal-year-switch')).toContainText('2020');
    await snapshot(page, '01-home-zfw.png');

    await page.getByTestId('main-menu').getByText('预算与支出').click();
    await expect(page).toHaveURL(/\/budget\/basic\?/);
    await expect(page).toHaveURL(new RegExp(`dept=${ZFW_DEPARTMENT}`));
    await expect(page).toHaveURL(/year=2020/);

    const budget = page.getByTestId('budget-input');
    const actual = page.getByTestId('actual-input');
    await expect(budget).toBeEditable();
    await expect(page.getByLabel('预算数（万元）')).toBeVisible();
    await budget.fill('637.88');
    await actual.fill('699.13');
    await expect(page.getByTestId('budget-yuan-preview')).toHaveText('= 6378800.00 元');
    await expect(page.getByTestId('actual-yuan-preview')).toHaveText('= 6991300.00 元');
    await snapshot(page, '02-basic-form-filled.png');

    const saveButton = page.getByTestId('save-button');
    await expect(saveButton).toBeEnabled();
    await saveButton.click();

    // Saved (or unchanged, when an earlier run stored the same figures), then computed downstream.
    await expect(page.getByTestId('execution-rate')).toHaveText('109.60%', { timeout: 45_000 });
    await expect(page.getByTestId('variance')).toHaveText('61.25 万元');
    await expect(page.getByTestId('report-heading')).not.toBeEmpty();
    const paragraphs = page.getByTestId('report-paragraph');
    await expect(paragraphs.first()).toBeVisible();
    const reportText = (await paragraphs.allInnerTexts()).join('\n');
    for (const figure of ['637.88', '699.13', '61.25', '109.60%']) {
      expect(reportText, `report paragraph mentions ${figure}`).toContain(figure);
    }
    await expect(page.getByTestId('audit-table')).toContainText('637.88');
    await snapshot(page, '03-basic-computed.png');

    await page.getByTestId('language-switch').getByText('English').click();
    await expect(page.getByTestId('main-menu')).toContainText('Budget and spending');
    await snapshot(page, '04-basic-english.png');
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect(page.getByTestId('main-menu')).toContainText('预算与支出');
  });

  test('jyj cannot reach the zfw department', async ({ page }) => {
    // The token the page uses, taken from its own request for the department list.
    const authorization = await captureBearer(page, () => login(page, 'jyj'));

    await expect(page.getByTestId('department-name')).toContainText('望城区教育局');
    // No department picker: a department user is fixed to their own department.
    await expect(page.getByTestId('department-switch')).toHaveCount(0);

    // A link to the zfw department is refused with a 403 page, which offers jyj's own department.
    await page.goto(`/budget/basic?dept=${ZFW_DEPARTMENT}&year=2020`);
    await expect(page.getByTestId('forbidden-page')).toBeVisible();
    await expect(page.getByTestId('department-name')).toContainText('望城区教育局');
    await expect(page.locator('body')).not.toContainText('政法委');
    await page.getByTestId('forbidden-own').click();
    await expect(page).toHaveURL(new RegExp(`dept=${JYJ_DEPARTMENT}`));
    await expect(page.getByTestId('page-department')).toContainText('望城区教育局');
    await snapshot(page, '05-basic-jyj.png');

    // The department list offered to jyj holds jyj's department only.
    const departments = await page.evaluate(async (auth) => {
      const response = await fetch('/api/v1/departments', { headers: { Authorization: auth } });
      return (await response.json()) as { id: string }[];
    }, authorization);
    expect(departments.map((department) => department.id)).toEqual([JYJ_DEPARTMENT]);

    // Asking the API for zfw's data with jyj's token, through the page's fetch, is refused.
    for (const path of [
      `/api/v1/budgets/${ZFW_DEPARTMENT}/2020/basic-expenditure`,
      `/api/v1/budgets/${ZFW_DEPARTMENT}/2020/basic-expenditure/audit`,
      `/api/v1/evaluations/${ZFW_DEPARTMENT}/2020`,
      `/api/v1/reports/${ZFW_DEPARTMENT}/2020/sections/basic-expenditure`,
    ]) {
      expect([403, 404], path).toContain(await fetchStatusFromPage(page, path, authorization));
    }
    // The same call for jyj's own department is allowed (200, or 404 when nothing was entered).
    expect([200, 404]).toContain(
      await fetchStatusFromPage(page, `/api/v1/budgets/${JYJ_DEPARTMENT}/2020/basic-expenditure`, authorization),
    );

    // Logging out ends the Keycloak session: the app sends the browser back to the login page.
    await page.getByTestId('logout-button').click();
    await page.waitForURL(/\/realms\/jixiao\/protocol\/openid-connect\/auth/);
    await expect(page.locator('#kc-login')).toBeVisible();
  });
});
