import { expect, test } from '@playwright/test';
import { SCREENSHOTS, newUserPage } from './helpers';

/**
 * The bureau's and the administrator's pages on the real stack: 评价模板 (copy the default, move a
 * point, save a new version), 批量生成报告 (a year's batch to its ZIP) and 单位开户 (a department and
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
      await reviewer.screenshot({ path: `${SCREENSHOTS}/50-templates.png`, fullPage: true });
    });

    await test.step('batches: every 2020 report generated and downloaded as a ZIP', async () => {
      await reviewer.goto('/batches?year=2020');
      await reviewer.getByTestId('batch-start').click();
      await expect(reviewer.getByTestId('batch-status')).toHaveText(/^已完成$/, { timeout: 300_000 });
      await expect(reviewer.getByTestId('batch-counts')).toContainText('已处理');
      const [download] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByTestId('batch-download').click()]);
      expect(download.suggestedFilename()).toMatch(/^reports-2020-.*\.zip$/);
      await reviewer.screenshot({ path: `${SCREENSHOTS}/51-batches.png`, fullPage: true });
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
      await admin.screenshot({ path: `${SCREENSHOTS}/52-onboarding.png`, fullPage: true });
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
