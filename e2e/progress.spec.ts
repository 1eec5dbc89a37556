// Lesson progress in the browser (issue 14, item 10): predictions are remembered across a reload, a
// lesson is done only once every scene was answered right and run (running on wrong guesses is not
// enough), and the course page offers "Resume where you left off" at the right scene.

import { expect, test, type Locator } from '@playwright/test'

async function answerAndRun(scene: Locator, choice: string) {
  await scene.getByRole('radio', { name: choice }).check()
  await scene.getByTestId('scene-run').click()
  await scene.getByTestId('scene-skip').click()
  await expect(scene.getByTestId('scene-result')).toBeVisible()
}

test('predictions survive a reload; done needs right answers; resume goes to the open scene', async ({ page }) => {
  await page.goto('./#/learn/the-problem')
  const [first, second] = [page.getByTestId('scene').nth(0), page.getByTestId('scene').nth(1)]

  // Both scenes run, both on wrong guesses: the lesson is not done.
  await answerAndRun(first, 'Almost all of them')
  await answerAndRun(second, 'Still zero — the app code did not change')
  await expect(page.getByTestId('lesson-done-badge')).toHaveCount(0)

  // After a reload each scene shows the learner's answer and its verdict, without running again.
  await page.reload()
  await expect(first.getByTestId('scene-result')).toHaveAttribute('data-correct', 'false')
  await expect(first.getByRole('radio', { name: 'Almost all of them' })).toBeChecked()
  await expect(first.getByTestId('scene-result')).toContainText('You guessed “Almost all of them”')
  await expect(second.getByRole('radio', { name: 'Still zero — the app code did not change' })).toBeChecked()

  // The course page counts no scene as finished yet and offers to resume at scene 1.
  await page.goto('./#/learn')
  const card = page.locator('[data-slug="the-problem"]')
  await expect(card).toContainText('0 of 2 scenes finished')
  const resume = page.getByTestId('lesson-resume')
  await expect(resume).toContainText('Lesson 1, The problem: scale out, get logged out, scene 1')
  await resume.click()
  await expect(page).toHaveURL(/#\/learn\/the-problem#scene-1$/)
  await expect(first).toBeFocused()

  // Try again with the right answer: one scene finished, resume moves on to scene 2.
  await first.getByTestId('scene-again').click()
  await answerAndRun(first, 'None')
  await page.goto('./#/learn')
  await expect(card).toContainText('1 of 2 scenes finished')
  await expect(page.getByTestId('lesson-resume')).toContainText('scene 2')

  // Answer the second one right: the lesson is done, and resume points at lesson 2.
  await page.goto('./#/learn/the-problem#scene-2')
  await second.getByTestId('scene-again').click()
  await answerAndRun(second, 'Many, spread across almost every user')
  await expect(page.getByTestId('lesson-done-badge')).toBeVisible()
  await page.goto('./#/learn')
  await expect(card.getByTestId('lesson-done')).toBeVisible()
  await expect(page.getByText('1 of 14 lessons done')).toBeVisible()
  await expect(page.getByTestId('lesson-resume')).toContainText('Lesson 2')
})
