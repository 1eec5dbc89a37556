// What newcomers tripped over in the lessons (issue 14): a scene's speed, what the verdict's live
// region reads, the migration walkthrough's inventory, and the way to the glossary.

import { expect, test, type Page } from '@playwright/test'

test.describe.configure({ timeout: 90_000 })

const clockMs = async (scope: ReturnType<Page['getByTestId']>) => {
  const [m, s] = (await scope.getByTestId('clock').textContent())!.split(':')
  return Math.round((Number(m) * 60 + Number(s)) * 1000)
}

test('(14.1) a scene runs at the speed it announces', async ({ page }) => {
  await page.goto('./#/learn/the-problem')
  const scene = page.getByTestId('scene').nth(1)
  await scene.getByRole('radio', { name: /Many, spread/ }).check()
  await scene.getByTestId('scene-run').click()
  const announced = (await scene.getByTestId('scene-status').textContent())!.match(/Running at (\d+)×/)![1]!
  expect(Number(announced)).toBeGreaterThan(1)
  await expect(scene.getByRole('combobox', { name: 'Speed' })).toHaveValue(announced)
  // And the clock really moves that fast: 2 s of wall time is well over 2 s of simulated time.
  const t0 = await clockMs(scene)
  const wall0 = Date.now()
  await page.waitForTimeout(2_000)
  const simulated = (await clockMs(scene)) - t0
  const wall = Date.now() - wall0
  expect(simulated).toBeGreaterThan(wall * (Number(announced) / 2))
})

test('(14.4) a wrong guess is announced as one clear sentence, not "None.None."', async ({ page }) => {
  await page.goto('./#/learn/the-problem')
  const scene = page.getByTestId('scene').first()
  await scene.getByRole('radio', { name: 'Almost all of them' }).check()
  await scene.getByTestId('scene-run').click()
  await scene.getByTestId('scene-skip').click()
  await expect(scene.getByTestId('scene-result')).toBeVisible()
  const live = scene.getByTestId('scene-verdict-live')
  await expect(live).toHaveText('Not quite. You guessed “Almost all of them”. What happens: None. The explanation is below the lab.')
  // The explanation itself is not inside a live region (it would be read as one run-on string).
  expect(await scene.getByTestId('scene-result').evaluate((el) => el.closest('[aria-live]') === null)).toBe(true)
  await scene.getByTestId('scene-again').click()
  await scene.getByRole('radio', { name: 'None' }).check()
  await scene.getByTestId('scene-run').click()
  await scene.getByTestId('scene-skip').click()
  await expect(live).toHaveText('Your prediction was right: None. The explanation is below the lab.')
})

test('(14.9) the walkthrough’s inventory empties once sessions live in the shared store', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('./#/learn/migration-plan')
  const walk = page.getByTestId('walkthrough')
  await walk.scrollIntoViewIfNeeded()
  const inventory = walk.getByTestId('walk-inventory')
  for (let step = 1; step <= 5; step++) {
    const apply = walk.getByTestId(`walk-apply-${step}`)
    await expect(apply).toBeEnabled({ timeout: 20_000 })
    await apply.click()
    await expect(walk.getByTestId(`walk-step-${step}`)).toContainText('Applied at')
    if (step === 1) await expect(inventory).toContainText(/Server A: [1-9]\d* sessions?/)
    if (step === 2) {
      await expect(inventory).toContainText('Server A: 0 sessions')
      await expect(inventory).toContainText(/Shared store: [1-9]\d* sessions?/)
    }
  }
  await expect(walk.getByTestId('walk-done')).toBeVisible({ timeout: 20_000 })
  for (const id of ['A', 'B', 'C']) await expect(inventory).toContainText(`Server ${id}: 0 sessions`)
})

test('(14.12) lessons link their jargon to the glossary', async ({ page }) => {
  await page.goto('./#/learn/kubernetes-and-managed-lbs')
  const link = page.getByTestId('lesson').getByRole('link', { name: 'AWSALB' }).first()
  await expect(link).toHaveAttribute('href', '#/glossary#awsalb')
  await link.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible()
  await expect(page.locator('#awsalb')).toBeInViewport()
  // Every lesson offers the glossary.
  await page.goto('./#/learn/the-problem')
  await expect(page.getByTestId('lesson').getByRole('link', { name: /glossary/i }).first()).toHaveAttribute('href', /^#\/glossary/)
})
