import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DOCS_SCREENSHOTS, JYJ_DEPARTMENT, snapshot, ZFW_DEPARTMENT, expectNoCspViolations, login, newUserPage, watchCsp } from './helpers';
import { docxText } from './zip';

/**
 * The full year of issue 6 on the demo data (the sample department's 2020), as far as the APIs go:
 * the department sets goals, self-scores and sees the total move, fixes the checker's findings where
 * they link to, writes the narrative, downloads the DOCX and submits; the reviewer returns it with a
 * comment and adjusts a score; the department changes a figure and resubmits; the reviewer approves;
 * the reviewer publishes it (信息公开, issue 17) and a logged-out visitor reads it on /public with its PDF;
 * finance-api reads the approved filing; another department is refused. Runs once per fresh stack
 * (it submits and approves 2020): deploy/local/test-all.sh starts one.
 */
const Q = `?dept=${ZFW_DEPARTMENT}&year=2020`;

async function totalScore(page: Page): Promise<number> {
  const text = (await page.getByTestId('evaluation-total').locator('.ant-statistic-content-value').innerText()).trim();
  return Number(text);
}

/** Reloads until the check passes: the other services catch up through Kafka within seconds. */
async function eventually(page: Page, check: () => Promise<void>, timeout = 60_000) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [1_000, 2_000, 3_000] });
}

test.describe('the full year of a filing', () => {
  test('department files, reviewer returns, department resubmits, reviewer approves', async ({ browser }) => {
    test.setTimeout(900_000);
    const zfw = await newUserPage(browser, 'zfw');

    await test.step('goals: a target over 100 % is refused next to the field; two indicators saved', async () => {
      await zfw.goto(`/goals${Q}`);
      await zfw.getByTestId('goal-add').click();
      await zfw.getByTestId('goal-text').fill('维护社会稳定，提升群众安全感');
      const row = zfw.getByTestId('goal-indicator-row');
      await row.nth(0).getByTestId('indicator-name').fill('矛盾纠纷化解率');
      await row.nth(0).getByTestId('indicator-target').fill('120');
      await row.nth(0).getByTestId('indicator-actual').fill('97');
      await zfw.getByTestId('goals-save').click();
      await expect(zfw.getByText('单位为 % 时，目标值不能超过 100')).toBeVisible();
      await row.nth(0).getByTestId('indicator-target').fill('95');
      await expect(row.nth(0).getByTestId('indicator-met')).toHaveText('达到目标');
      await zfw.getByTestId('indicator-add').click();
      await row.nth(1).getByTestId('indicator-name').fill('群众安全感测评达标率');
      await row.nth(1).getByTestId('indicator-target').fill('98');
      await row.nth(1).getByTestId('indicator-actual').fill('96.5');
      await expect(row.nth(1).getByTestId('indicator-met')).toHaveText('未达目标');
      await zfw.getByTestId('goals-save').click();
      await expect(zfw.getByTestId('goals-stats')).toHaveText('共 2 个指标，2 个已填实际值，1 个达到目标');
      await snapshot(zfw, '30-goals.png');
    });

    await test.step('evaluation: a self-score outside its tier is refused; within it the total rises', async () => {
      await zfw.goto(`/evaluation${Q}`);
      await expect(zfw.getByTestId('score-table')).toBeVisible();
      await expect(zfw.getByTestId('chart-level1').locator('canvas')).toBeVisible();
      const before = await totalScore(zfw);
      const row = zfw.getByTestId('score-row-goal-reasonableness');
      await row.getByTestId('self-score-button').click();
      await zfw.getByTestId('self-score-input').fill('1.5');
      await zfw.getByTestId('self-score-evidence').fill('《2020 年度部门绩效目标申报表》经区财政局审核备案');
      await zfw.getByTestId('self-score-save').click();
      await expect(zfw.getByText('该档次的得分须在 1.60–2.00 分之间')).toBeVisible();
      await zfw.getByTestId('self-score-input').fill('1.8');
      await zfw.getByTestId('self-score-save').click();
      await expect(row.getByTestId('score-final')).toHaveText('1.80');
      await expect(row.getByTestId('score-why')).toContainText('绩效目标申报表');
      await expect.poll(() => totalScore(zfw)).toBeCloseTo(before + 1.8, 2);
      await snapshot(zfw, '31-evaluation.png');
    });

    await test.step('report: the parts finding links to 基本支出, where the parts are corrected', async () => {
      await zfw.goto(`/report/status${Q}`);
      await expect(zfw.getByTestId('submit-filing')).toBeDisabled();
      await expect(zfw.getByTestId('submit-hint')).toContainText('严重问题');
      await snapshot(zfw, '32-report-findings.png');
      const partsRow = zfw.getByTestId('finding-FATAL').filter({ hasText: '分项与合计不一致' });
      await partsRow.getByTestId('finding-fix').click();
      await expect(zfw).toHaveURL(/\/budget\/basic\?/);
      await zfw.getByTestId('public-funds-actual-input').fill('33.82');
      await zfw.getByTestId('save-button').click();
      await expect(zfw.getByTestId('parts-mismatch')).toHaveCount(0);
    });

    await test.step('report: the unexplained -0.11 of 综治维稳工作经费 gets its reason', async () => {
      await zfw.goto(`/budget/reasons${Q}`);
      const rows = zfw.getByTestId('reason-row');
      await expect(rows.first()).toBeVisible();
      const count = await rows.count();
      await zfw.getByTestId('reason-add').click();
      const n = count + 1;
      await zfw.getByLabel(`项目 ${n}`).click();
      await zfw.getByTitle('综治维稳工作经费').click();
      await zfw.getByLabel(`说明金额 ${n}`).fill('-0.11');
      await zfw.getByLabel(`原因 ${n}`).fill('综治维稳工作经费结余 0.11 万元，少支出 0.11 万元');
      await zfw.getByTestId('reasons-save').click();
      await expect(zfw.getByTestId('reason-check-PROJECTS').getByTestId('check-explained')).toHaveText('77.41');
    });

    await test.step('report: the narrative findings link to the editor; once written, nothing fatal is left', async () => {
      await zfw.goto(`/report/status${Q}`);
      await zfw.getByTestId('finding-FATAL').filter({ hasText: '第四部分' }).getByTestId('finding-fix').click();
      await expect(zfw).toHaveURL(/\/report\/narrative\?.*#narrative-problems/);
      await expect(zfw.getByTestId('narrative-problems')).toBeFocused();
      await zfw.getByTestId('narrative-goals').fill('年初设定的矛盾纠纷化解、平安建设等目标基本完成，矛盾纠纷化解率 97%。');
      await zfw.getByTestId('narrative-achievements').fill('全年社会大局稳定，群众安全感测评达 96.5%。');
      await zfw.getByTestId('narrative-problems-add').click();
      await zfw.getByTestId('narrative-problems-0-text').fill('部分项目预算编制不够精细，执行中追加较多。');
      await zfw.getByTestId('narrative-measures-add').click();
      await zfw.getByTestId('narrative-measures-0-text').fill('提高项目预算编制的准确性，严格控制预算追加。');
      await zfw.getByRole('combobox', { name: '措施一 针对的问题' }).click();
      // the visible dropdown item (antd also renders a hidden list of role=option for screen readers)
      await zfw.locator('.ant-select-item-option[title^="问题一"]').click();
      await zfw.getByTestId('narrative-other').fill('无');
      await zfw.getByTestId('narrative-save').click();
      await expect(zfw.getByText('报告叙述已保存')).toBeVisible();
      await snapshot(zfw, '33-report-narrative.png');
      await zfw.goto(`/report/status${Q}`);
      await eventually(zfw, async () => {
        // the statistic's title (严重问题) then its value: exactly 0, not 10
        await expect(zfw.getByTestId('fatal-count')).toHaveText(/^\D*0$/, { timeout: 3_000 });
        await expect(zfw.getByTestId('submit-filing')).toBeEnabled({ timeout: 3_000 });
      });
    });

    await test.step('report: preview and DOCX download', async () => {
      await zfw.getByRole('tab', { name: '预览' }).click();
      const frame = zfw.frameLocator('[data-testid="report-preview"]');
      await expect(frame.locator('body')).toContainText('综治维稳工作经费');
      await snapshot(zfw, '34-report-preview.png');
      await zfw.getByRole('tab', { name: '检查与下载' }).click();
      const [download] = await Promise.all([zfw.waitForEvent('download'), zfw.getByTestId('download-docx').click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      // what the document says, not only that it is a ZIP: the same project as the preview
      expect(docxText(readFileSync(await download.path()))).toContain('综治维稳工作经费');
    });

    await test.step('department submits; the figures lock', async () => {
      await zfw.getByTestId('submit-filing').click();
      await zfw.getByRole('dialog').getByRole('button', { name: '提交财政局审核' }).click();
      await expect(zfw.getByTestId('filing-status')).toHaveText('已提交，待审核');
      await snapshot(zfw, '35-report-submitted.png');
      await zfw.goto(`/budget/basic${Q}`);
      await eventually(zfw, () => expect(zfw.getByTestId('locked-banner')).toBeVisible({ timeout: 3_000 }));
    });

    const reviewer = await newUserPage(browser, 'reviewer');
    await test.step('reviewer: the submitted filing shows on the district overview', async () => {
      await reviewer.goto('/overview?year=2020');
      const row = reviewer.getByTestId('overview-row').filter({ hasText: '中共长沙市望城区委政法委员会' });
      await eventually(reviewer, async () => {
        // force: the segmented control animates its thumb after each reload, and on a loaded machine the
        // label was never "stable" within the click's 10 s (trace: element is not stable); the filter's
        // effect is asserted right after
        await reviewer.locator('.ant-segmented-item').filter({ hasText: '已提交' }).click({ force: true });
        await expect(row).toHaveCount(1, { timeout: 3_000 });
      });
      await snapshot(reviewer, '35b-overview-submitted.png');
    });

    await test.step('reviewer: a return without a comment is refused; with one it goes back; a score is adjusted', async () => {
      await reviewer.goto(`/report/status${Q}`);
      await expect(reviewer.getByTestId('filing-status')).toHaveText('已提交，待审核');
      await expect(reviewer.getByTestId('submit-filing')).toHaveCount(0);
      await reviewer.getByTestId('return-filing').click();
      await reviewer.getByTestId('review-confirm').click();
      await expect(reviewer.getByText('请填写退回意见')).toBeVisible();
      await reviewer.getByTestId('review-comment').fill('请核实临聘人员人数，并补充说明。');
      await reviewer.getByTestId('review-confirm').click();
      await expect(reviewer.getByTestId('filing-status')).toHaveText('已退回');

      await reviewer.goto(`/evaluation${Q}`);
      const row = reviewer.getByTestId('score-row-goal-reasonableness');
      await row.getByTestId('adjust-button').click();
      await reviewer.getByTestId('adjust-score').fill('1.6');
      await reviewer.getByTestId('adjust-comment').fill('佐证仅为申报表，未附审核意见，按 80% 计。');
      await reviewer.getByTestId('adjust-save').click();
      await expect(row.getByTestId('score-adjusted')).toHaveText('1.60');
      await expect(row.getByTestId('score-self')).toHaveText('1.80');
      await expect(row.getByTestId('score-final')).toHaveText('1.60');
      await snapshot(reviewer, '36-reviewer-adjusted.png');
    });

    await test.step('department sees the comment, corrects a figure and resubmits', async () => {
      await zfw.goto(`/report/status${Q}`);
      await expect(zfw.getByTestId('filing-status')).toHaveText('已退回');
      await expect(zfw.getByTestId('return-comment')).toContainText('请核实临聘人员人数');
      await snapshot(zfw, '37-report-returned.png');
      await zfw.goto(`/profile${Q}`);
      await eventually(zfw, () => expect(zfw.getByTestId('temporaryStaff-input')).toBeEditable({ timeout: 3_000 }));
      await zfw.getByTestId('temporaryStaff-input').fill('5');
      await zfw.getByTestId('staffing-save').click();
      await expect(zfw.getByText('已保存').first()).toBeVisible();
      await zfw.goto(`/report/preview${Q}`);
      await eventually(zfw, () =>
        expect(zfw.frameLocator('[data-testid="report-preview"]').locator('body')).toContainText('临聘人员 5 人', { timeout: 3_000 }),
      );
      await zfw.goto(`/report/status${Q}`);
      await expect(zfw.getByTestId('submit-filing')).toHaveText(/修改后重新提交/);
      await zfw.getByTestId('submit-filing').click();
      await zfw.getByRole('dialog').getByRole('button', { name: '提交财政局审核' }).click();
      await expect(zfw.getByTestId('filing-status')).toHaveText('已提交，待审核');
    });

    await test.step('reviewer approves; both versions and the comments are in the history', async () => {
      await reviewer.goto(`/report/status${Q}`);
      await reviewer.getByTestId('approve-filing').click();
      await reviewer.getByTestId('review-confirm').click();
      await expect(reviewer.getByTestId('filing-status')).toHaveText('审核通过');
      await reviewer.getByRole('tab', { name: '版本与审核记录' }).click();
      await expect(reviewer.getByTestId('versions-table').locator('tbody tr')).toHaveCount(2);
      await expect(reviewer.getByTestId('filing-step')).toHaveCount(4);
      await expect(reviewer.getByTestId('step-comment').first()).toContainText('请核实临聘人员人数');
      await snapshot(reviewer, '38-history.png');
      // Version 1 as it was submitted: 4 临聘人员, before the correction.
      await reviewer.getByTestId('version-preview').last().click();
      await expect(reviewer.frameLocator('[data-testid="version-preview-frame"]').locator('body')).toContainText('临聘人员 4 人');
      await snapshot(reviewer, '39-version-1.png', { fullPage: false });
    });

    await test.step('reviewer publishes the approved report (信息公开); a visitor reads it logged out', async () => {
      await reviewer.goto(`/report/status${Q}`);
      await expect(reviewer.getByTestId('publication-status')).toHaveText('未公开');
      await reviewer.getByTestId('publish-filing').click();
      await reviewer.getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect(reviewer.getByTestId('publication-status')).toHaveText('已公开');
      await reviewer.screenshot({ path: `${DOCS_SCREENSHOTS}/season-publish.png`, fullPage: true });

      // a fresh context: no Keycloak session, no cookies; /public renders without a redirect to the login
      const visitor = await browser.newContext();
      const page = await visitor.newPage();
      watchCsp(page);
      await page.goto('/public');
      await expect(page.getByTestId('public-reports')).toBeVisible();
      await expect(page).toHaveURL(/\/public$/);
      const row = page.locator('tbody tr').filter({ hasText: '中共长沙市望城区委政法委员会' });
      await expect(row).toContainText('2020');
      const pdfLink = row.locator('[data-testid^="public-pdf-"]');
      await expect(pdfLink).toBeVisible();
      const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect(pdf.headers()['cache-control']).toContain('public');
      expectNoCspViolations(page);
      await page.screenshot({ path: `${DOCS_SCREENSHOTS}/season-public.png`, fullPage: true });
      // the public API exposes nothing else: the filing itself still needs a login
      expect((await page.request.get(`/api/v1/filings/${ZFW_DEPARTMENT}/2020`)).status()).toBe(401);
      await visitor.close();
    });

    await test.step('finance-api reads the approved filing through the API', async () => {
      const secret = process.env.JIXIAO_FINANCE_API_SECRET;
      expect(secret, 'JIXIAO_FINANCE_API_SECRET (deploy/local/up.sh writes it to secrets.env)').toBeTruthy();
      const keycloak = process.env.JIXIAO_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
      const tokenResponse = await reviewer.request.post(`${keycloak}/realms/jixiao/protocol/openid-connect/token`, {
        form: { grant_type: 'client_credentials', client_id: 'finance-api', client_secret: secret! },
      });
      expect(tokenResponse.ok()).toBe(true);
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const filing = await reviewer.request.get(`/api/v1/filings/${ZFW_DEPARTMENT}/2020`, { headers: { Authorization: `Bearer ${token}` } });
      expect(((await filing.json()) as { status: string }).status).toBe('APPROVED');
      const sheet = await reviewer.request.get(`/api/v1/budgets/${ZFW_DEPARTMENT}/2020`, { headers: { Authorization: `Bearer ${token}` } });
      const body = (await sheet.json()) as { basic: { publicFundsActual: string }; staffing: { temporaryStaff: number } };
      expect(body.basic.publicFundsActual).toBe('338200.00');
      expect(body.staffing.temporaryStaff).toBe(5);
    });
  });

  test('another department and the bureau’s pages are refused with a 403 page', async ({ page }) => {
    await login(page, 'jyj');
    for (const path of [`/report/status?dept=${ZFW_DEPARTMENT}&year=2020`, `/evaluation?dept=${ZFW_DEPARTMENT}&year=2020`]) {
      await page.goto(path);
      await expect(page.getByTestId('forbidden-page')).toBeVisible();
      await expect(page.getByTestId('forbidden-reason')).toContainText('其他单位的数据');
      await expect(page.locator('body')).not.toContainText('政法委');
    }
    await snapshot(page, '40-forbidden-department.png');
    await page.getByTestId('forbidden-own').click();
    await expect(page).toHaveURL(new RegExp(`/evaluation\\?dept=${JYJ_DEPARTMENT}`));
    await expect(page.getByTestId('forbidden-page')).toHaveCount(0);
    for (const path of ['/overview', '/checker', '/api-access']) {
      await page.goto(path);
      await expect(page.getByTestId('forbidden-reason')).toHaveText('此页面仅供财政局使用，部门账号不能打开。');
    }
    await expect(page.getByTestId('main-menu')).not.toContainText('报告检查器');
  });

  test('reviewer checks an uploaded report and finds the API page', async ({ page }) => {
    await login(page, 'reviewer');
    await page.getByTestId('main-menu').getByText('报告检查器').click();
    await expect(page).toHaveURL(/\/checker/);
    // A report whose variance is stated wrongly (700 − 600 is not 50) and whose outline stops at 二.
    const text = [
      '2020 年度某单位整体支出绩效自评报告',
      '一、单位基本情况',
      '本单位内设 2 个科室。',
      '二、整体预算支出情况',
      '本年度基本支出预算 600.00 万元，实际支出 700.00 万元，超预算 50.00 万元，预算完成率 116.67%。',
    ].join('\n\n');
    await page.locator('input[type=file]').setInputFiles({ name: '某单位自评报告.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
    await expect(page.getByTestId('checker-result')).toContainText('某单位自评报告.txt');
    await expect(page.getByTestId('checker-findings')).toContainText('100.00');
    expect(Number(await page.getByTestId('checker-fatal').locator('.ant-statistic-content-value').innerText())).toBeGreaterThan(0);
    await snapshot(page, '41-checker.png');
    await page.locator('input[type=file]').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await expect(page.getByTestId('checker-local-problem')).toContainText('只能检查 .txt 或 .docx 文件');

    await page.getByTestId('main-menu').getByText('数据接口').click();
    await expect(page.getByTestId('api-services')).toContainText('budget-service');
    const openapi = await page.request.get('/openapi/report?format=json');
    expect(openapi.ok()).toBe(true);
    expect(((await openapi.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    await snapshot(page, '42-api.png');
  });
});
