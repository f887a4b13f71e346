import { expect, test } from '@playwright/test';
import { DOCS_SCREENSHOTS, snapshot, newUserPage } from './helpers';

/**
 * The bureau's and the administrator's pages on the real stack: 评价模板 (copy the default, move a
 * point, save a new version; add the year-end rush shares, remove one, save again), 批量生成报告 (a year's batch to its ZIP) and 单位开户 (a department and
 * its first Keycloak user). Repeatable: the copy is never assigned (nobody is rescored), the
 * onboarded code and username are unique per run.
 */
test.describe('bureau pages', () => {
  test('reviewer edits a template copy and runs a batch; admin onboards a department', async ({ browser }) => {
    test.setTimeout(600_000);
    const reviewer = await newUserPage(browser, 'reviewer', '/templates?year=2020');

    await test.step('templates: the default is read-only; a copy is edited into version 2', async () => {
      await expect(reviewer.getByTestId('template-read-only')).toContainText('默认模板只读');
      await expect(reviewer.getByTestId('points-staff-control-rate')).toBeDisabled();
      const defaultId = (await reviewer.locator('[data-testid^="copy-template-"]').first().getAttribute('data-testid'))!;
      await reviewer.getByTestId(defaultId).click();
      // antd ignores the OK button while the dialog is still zooming in
      await expect(reviewer.locator('.ant-modal')).not.toHaveClass(/ant-zoom/);
      await reviewer.getByTestId('copy-name').fill(`E2E 模板 ${Date.now()}`);
      await reviewer.getByTestId('copy-submit').click();
      await expect(reviewer.getByTestId('template-save')).toBeVisible();
      await expect(reviewer.getByTestId('points-total')).toContainText('100.00');
      await reviewer.getByTestId('points-staff-control-rate').fill('2');
      await expect(reviewer.getByTestId('points-remaining')).toContainText('与 100 分相差 1.00 分');
      await expect(reviewer.getByTestId('template-save')).toBeDisabled();
      await reviewer.getByTestId('points-key-spending-rate').fill('5');
      await expect(reviewer.getByTestId('points-remaining')).toContainText('合计 100 分');
      await reviewer.getByTestId('template-save').click();
      await expect(reviewer.getByText('已保存为第 2 版')).toBeVisible();
      await reviewer.getByRole('tab', { name: '版本历史' }).click();
      await expect(reviewer.getByTestId('template-version-row')).toHaveCount(2);
      await expect(reviewer.getByTestId('template-audit')).toContainText('在职人员控制率 · 分值');
      await snapshot(reviewer, '50-templates.png');
    });

    await test.step('templates: the year-end rush shares added from the list, one removed again, saved as version 3', async () => {
      await reviewer.getByRole('tab', { name: '指标与分值' }).click();
      // An option clicked just as the other select's dropdown closes can go unregistered (a CI run left the
      // place empty and the add button disabled): the choice is read back from the select, made again if not.
      const choose = async (testId: string, option: string) => {
        const select = reviewer.getByTestId(testId);
        await expect(async () => {
          await select.click();
          await reviewer
            .locator('.ant-select-dropdown:visible .ant-select-item-option')
            .filter({ hasText: option })
            .click({ timeout: 3_000 });
          await expect(select).toContainText(option, { timeout: 1_000 });
        }).toPass({ timeout: 20_000 });
      };
      for (const name of ['12月支出占比（december-share', '第四季度支出占比（q4-share']) {
        await choose('add-indicator-code', name);
        await choose('add-indicator-place', '过程 / 预算执行');
        await reviewer.getByTestId('add-indicator-points').fill('1');
        await reviewer.getByTestId('add-indicator-submit').click();
      }
      await expect(reviewer.getByTestId('rule-kind-december-share')).toContainText('年底突击');
      // the district's configured thresholds apply while the rule's own are empty
      await expect(reviewer.getByTestId('rush-defaults-december-share')).toContainText('阈值 15%');
      await expect(reviewer.getByTestId('rush-defaults-q4-share')).toContainText('阈值 40%');
      await expect(reviewer.getByTestId('points-remaining')).toContainText('与 100 分相差 -2.00 分');
      await reviewer.getByTestId('remove-q4-share').click();
      await expect(reviewer.getByTestId('indicator-q4-share')).toHaveCount(0);
      await reviewer.getByTestId('points-budget-completion-rate').fill('3');
      await expect(reviewer.getByTestId('points-remaining')).toContainText('合计 100 分');
      // the picture without the 已添加 notices over it and without a hovered button
      await reviewer.mouse.move(0, 0);
      await expect(reviewer.locator('.ant-message-notice')).toHaveCount(0);
      await reviewer.getByTestId('level-1').screenshot({ path: `${DOCS_SCREENSHOTS}/season-template-rush.png` });
      await reviewer.getByTestId('template-save').click();
      await expect(reviewer.getByText('已保存为第 3 版')).toBeVisible();
      await expect(reviewer.getByTestId('indicator-december-share')).toBeVisible();
      await expect(reviewer.getByTestId('add-indicator-code')).toBeVisible();
    });

    await test.step('batches: every 2020 report generated and downloaded as a ZIP', async () => {
      await reviewer.goto('/batches?year=2020');
      await reviewer.getByTestId('batch-start').click();
      await expect(reviewer.getByTestId('batch-status')).toHaveText(/^已完成$/, { timeout: 300_000 });
      await expect(reviewer.getByTestId('batch-counts')).toContainText('已处理');
      const [download] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByTestId('batch-download').click()]);
      expect(download.suggestedFilename()).toMatch(/^reports-2020-.*\.zip$/);
      await snapshot(reviewer, '51-batches.png');
    });

    await test.step('onboarding: the admin creates a department and its first user', async () => {
      const admin = await newUserPage(browser, 'admin', '/admin/departments');
      const suffix = String(Date.now()).slice(-6);
      await admin.getByTestId('onboarding-code').fill(`E2E-${suffix}`);
      await admin.getByTestId('onboarding-name').fill(`长沙市望城区测试局 ${suffix}`);
      await admin.getByTestId('onboarding-username').fill(`e2e${suffix}`);
      await admin.getByTestId('onboarding-email').fill(`e2e${suffix}@wangcheng.example`);
      await admin.getByTestId('onboarding-last-name').fill('测');
      await admin.getByTestId('onboarding-first-name').fill('试');
      await admin.getByTestId('onboarding-submit').click();
      await expect(admin.getByTestId('onboarding-result')).toBeVisible({ timeout: 30_000 });
      await expect(admin.getByTestId('created-username')).toHaveText(`e2e${suffix}`);
      await expect(admin.getByTestId('created-password')).not.toBeEmpty();
      // the same username again: 409 next to the field, nothing created
      await admin.getByTestId('onboarding-again').click();
      await admin.getByTestId('onboarding-code').fill(`E2F-${suffix}`);
      await admin.getByTestId('onboarding-name').fill(`长沙市望城区测试局 ${suffix} 二`);
      await admin.getByTestId('onboarding-username').fill(`e2e${suffix}`);
      await admin.getByTestId('onboarding-email').fill(`e2f${suffix}@wangcheng.example`);
      await admin.getByTestId('onboarding-last-name').fill('测');
      await admin.getByTestId('onboarding-first-name').fill('试');
      await admin.getByTestId('onboarding-submit').click();
      await expect(admin.getByTestId('onboarding-error-conflict')).toBeVisible();
      await snapshot(admin, '52-onboarding.png');
    });

    await test.step('a department user gets the 403 page on each of them', async () => {
      const zfw = await newUserPage(browser, 'zfw', '/templates');
      await expect(zfw.getByTestId('forbidden-page')).toBeVisible();
      await zfw.goto('/batches');
      await expect(zfw.getByTestId('forbidden-page')).toBeVisible();
      await zfw.goto('/admin/departments');
      await expect(zfw.getByTestId('forbidden-page')).toBeVisible();
    });
  });
});
