import { expect, test, type Locator } from '@playwright/test';
import { newUserPage } from './helpers';

/**
 * The season's sampled re-review (抽查复核, issue 17) in the browser. It needs a submitted or approved
 * filing: the year walk (year-walk.spec.ts, which this file's name sorts after) approves 示例区政府办's 2020
 * filing. The reviewer opens the 2020 round, draws the sample from a recorded seed, re-reviews the
 * department (every indicator, with a comment), sees the 自评偏差较大 flag and downloads the 抽查复核情况报告;
 * the department sees its result on its home page. Runs once per fresh stack (one draw per round).
 */
const YEAR = 2020;
const DISTRICT = '望城区';
const PAGES = '../docs/screenshots';

async function inputOf(field: Locator): Promise<Locator> {
  return (await field.evaluate((e) => e.tagName)) === 'INPUT' ? field : field.locator('input');
}

/** A date in the district's calendar (Asia/Shanghai, UTC+8). */
function isoDate(daysFromNow: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

test.describe('the season: sampled re-review', () => {
  test('reviewer draws the sample, re-reviews a department, sees the flag and downloads the report', async ({ browser }) => {
    const reviewer = await newUserPage(browser, 'reviewer', '/rounds');

    await test.step('reviewer opens the 2020 round and draws its sample from a seed', async () => {
      await reviewer.getByTestId('round-year').click();
      await reviewer.locator('.ant-select-item-option', { hasText: String(YEAR) }).first().click();
      // the 区县 is chosen from the onboarded departments' districts (the demo departments are in 望城区)
      await reviewer.getByTestId('round-district').click();
      await reviewer.locator('.ant-select-item-option', { hasText: DISTRICT }).first().click();
      const deadline = await inputOf(reviewer.getByTestId('round-deadline'));
      await deadline.click();
      await deadline.fill(isoDate(10));
      await deadline.press('Enter');
      await reviewer.getByTestId('round-open').click();
      const card = reviewer.locator('[data-testid^="round-"]').filter({ hasText: `${YEAR} 年度 · ${DISTRICT}` }).first();
      await expect(card).toBeVisible();
      await card.locator('[data-testid^="round-sample-"]').click();
      await expect(reviewer.getByRole('heading', { name: /抽查复核/ })).toBeVisible();
      await (await inputOf(reviewer.getByTestId('sample-percentage'))).fill('100');
      await (await inputOf(reviewer.getByTestId('sample-minimum'))).fill('1');
      await (await inputOf(reviewer.getByTestId('sample-seed'))).fill('20210415');
      await reviewer.getByTestId('sample-draw').click();
      await expect(reviewer.getByTestId('sample-seed-value')).toContainText('20210415');
      await expect(reviewer.locator('[data-testid^="sample-outcome-"]').first()).toContainText('未复核');
      await reviewer.screenshot({ path: `${PAGES}/season-sample.png`, fullPage: true });
    });

    await test.step('reviewer re-reviews the approved department and sees the flag', async () => {
      await reviewer.locator('[data-testid^="sample-review-"]').first().click();
      const drawer = reviewer.getByRole('dialog', { name: /复核：/ });
      const scores = drawer.getByRole('spinbutton');
      await expect(scores.first()).toBeVisible();
      const n = await scores.count();
      expect(n).toBeGreaterThan(3);
      for (let i = 0; i < n; i++) {
        await scores.nth(i).fill('0');
      }
      await (await inputOf(drawer.locator('[data-testid^="review-comment-"]').first())).fill('佐证材料不足，复核不予得分。');
      await drawer.getByTestId('review-findings').fill('自评依据不充分，多项指标缺少佐证材料。');
      await expect(drawer.getByTestId('review-flag')).toContainText('自评偏差较大');
      await drawer.getByTestId('review-save').click();
      await expect(drawer.getByTestId('review-saved')).toBeVisible();
      await reviewer.screenshot({ path: `${PAGES}/season-review.png`, fullPage: true });
      await reviewer.keyboard.press('Escape');
      await expect(reviewer.locator('[data-testid^="sample-outcome-"]').first()).toContainText('自评偏差较大');
    });

    await test.step('reviewer downloads the 抽查复核情况报告 as XLSX and DOCX', async () => {
      for (const format of ['xlsx', 'docx']) {
        const [download] = await Promise.all([
          reviewer.waitForEvent('download'),
          reviewer.getByTestId(`sample-download-${format}`).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`sample-review-${YEAR}.${format}`);
      }
    });

    await test.step('the department sees its own re-review result on its home page', async () => {
      const zfw = await newUserPage(browser, 'zfw', '/');
      await expect(zfw.getByTestId('own-review')).toContainText('抽查复核结果');
      await expect(zfw.getByTestId('own-review-flag')).toContainText('自评偏差较大');
      await zfw.screenshot({ path: `${PAGES}/season-own-review.png`, fullPage: true });
      await zfw.context().close();
    });
  });
});
