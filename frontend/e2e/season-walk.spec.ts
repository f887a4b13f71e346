import { expect, test, type Locator, type Page } from '@playwright/test';
import { DOCS_SCREENSHOTS, snapshot, newUserPage } from './helpers';

/**
 * The bureau's season (issue 17), its rounds: the reviewer opens the 2021 round of the demo
 * district 望城区 (chosen from the known districts; its onboarded departments included), the department sees its deadline, days left and
 * the OPENED notice on its home page, the reviewer extends one department's deadline and closes the round.
 * Publication and the public page are walked at the end of year-walk.spec.ts, which approves the 2020
 * filing that is published (this file runs first); the sampled re-review (抽查复核) is walked
 * in year-walk.then-sample.spec.ts, the year-end rush chart in import-dashboard.spec.ts.
 * Runs once per fresh stack (a year has one round per district).
 */
const YEAR = 2021;
const DISTRICT = '望城区';

/** The input behind an antd DatePicker carrying data-testid (on the input or on its wrapper). */
async function dateInput(picker: Locator): Promise<Locator> {
  return (await picker.evaluate((e) => e.tagName)) === 'INPUT' ? picker : picker.locator('input');
}

async function pickDate(picker: Locator, date: string) {
  const input = await dateInput(picker);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The card of this walk's round (a card holds its progress counts; the open form's fields have round- ids too). */
function roundCard(page: Page): Locator {
  return page.locator('[data-testid^="round-"]').filter({ has: page.getByTestId('round-counts') })
    .filter({ hasText: `${YEAR} 年度 · ${DISTRICT}` }).first();
}

/** A date in the district's calendar (Asia/Shanghai, UTC+8), as the service counts days. */
function isoDate(daysFromNow: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 + daysFromNow * 86_400_000);
  return d.toISOString().slice(0, 10);
}

test.describe('the season: rounds', () => {
  test('reviewer opens a round, the department sees its deadline and notice, reviewer extends and closes', async ({ browser }) => {
    const reviewer = await newUserPage(browser, 'reviewer', '/rounds');
    const deadline = isoDate(10);

    await test.step('reviewer opens the round', async () => {
      await expect(reviewer.getByRole('heading', { name: /年度自评工作/ })).toBeVisible();
      await reviewer.getByTestId('round-year').click();
      await reviewer.locator('.ant-select-item-option', { hasText: String(YEAR) }).first().click();
      // the 区县 is one of the onboarded departments' districts (the demo departments are in 望城区)
      await reviewer.getByTestId('round-district').click();
      await reviewer.locator('.ant-select-item-option', { hasText: DISTRICT }).first().click();
      // Enter confirms the typed date; it must not open the round before the 开启 click does
      await pickDate(reviewer.getByTestId('round-deadline'), deadline);
      await reviewer.getByTestId('round-open').click();
      const card = roundCard(reviewer);
      await expect(card).toBeVisible();
      await expect(reviewer.getByTestId('round-open-error')).toHaveCount(0);
      await expect(reviewer.locator('.ant-alert-error')).toHaveCount(0);
      await expect(card.getByTestId('round-counts')).toContainText('填报中');
      await expect(card.locator('tbody tr').first()).toContainText('剩余 10 天');
      await snapshot(reviewer, '60-rounds-opened.png');
      await reviewer.screenshot({ path: `${DOCS_SCREENSHOTS}/season-rounds.png`, fullPage: true });
    });

    await test.step('department sees the round, the days left and the OPENED notice on its home page', async () => {
      const zfw = await newUserPage(browser, 'zfw', '/');
      await expect(zfw.getByTestId('season-deadline')).toContainText(`截止日期：${deadline}`);
      await expect(zfw.getByTestId('season-deadline')).toContainText('剩余 10 天');
      await expect(zfw.getByTestId('season-notices')).toContainText(`${YEAR} 年度自评工作已开启`);
      await expect(zfw.getByTestId('season-unread')).toBeVisible();
      await snapshot(zfw, '61-home-round-notice.png');
      await zfw.getByRole('button', { name: '标为已读' }).first().click();
      await expect(zfw.getByTestId('season-unread')).toHaveCount(0);
      await zfw.context().close();
    });

    await test.step('reviewer extends one department and closes the round', async () => {
      await reviewer.reload();
      const card = roundCard(reviewer);
      // the reload signs in again through Keycloak: wait for the list (expect's timeout) before clicking
      await expect(card.locator('[data-testid^="extend-"]').first()).toBeVisible();
      await card.locator('[data-testid^="extend-"]').first().click();
      const dialog = reviewer.getByRole('dialog');
      await pickDate(dialog.getByTestId('extend-until'), isoDate(20));
      await dialog.getByTestId('extend-reason').fill('单位负责人调整，申请延期十天。');
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect(card.locator('tbody tr').first()).toContainText(`已延期至 ${isoDate(20)}`);
      await snapshot(reviewer, '62-rounds-extended.png');

      await card.getByTestId('round-close').click();
      await reviewer.getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect(card).toContainText('已关闭');
      await expect(card.getByTestId('round-close')).toHaveCount(0);
      await snapshot(reviewer, '63-rounds-closed.png');
    });
  });
});
