import { expect, test } from '@playwright/test'

test.describe('app shell', () => {
  test('header, navigation and the landing lab render with no console errors', async ({ page }) => {
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto('./#/')
    await expect(page.getByRole('link', { name: 'Sticky Sessions Lab' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lab' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('logged out')
    await expect(page.getByTestId('lab')).toBeVisible()
    await page.goto('./#/lab')
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toBeVisible()
    expect(errors).toEqual([])
  })

  test('an unknown page says so and links back', async ({ page }) => {
    await page.goto('./#/nowhere')
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    await expect(page.getByRole('main').getByRole('link', { name: 'lab', exact: true })).toBeVisible()
  })

  test('theme follows the system and can be switched', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto('./#/lab')
    await expect(page.locator('html')).toHaveClass(/dark/)
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light')
    await expect(page.locator('html')).not.toHaveClass(/dark/)
    await page.reload()
    await expect(page.locator('html')).not.toHaveClass(/dark/)
  })
})
