// The Load balancer picker and "Config for this design" in the built site (issue 15): picking HAProxy
// replays the run under it (other numbers, same moment), the address and share links carry it; the
// config disclosure shows the nginx upstream with the run's servers, follows the picker to HAProxy's
// backend, copies (or selects, without a clipboard); the compare preset with five load balancers.

import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolationsInBothThemes } from './axe.ts'

test.describe.configure({ timeout: 120_000 })

const clockMs = async (page: Page) => {
  const [m, s] = (await page.getByTestId('clock').textContent())!.split(':')
  return Math.round((Number(m) * 60 + Number(s)) * 1000)
}

async function playTo(page: Page, ms: number) {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16')
  await page.getByTestId('play').click()
  await expect.poll(() => clockMs(page), { timeout: 45_000 }).toBeGreaterThanOrEqual(ms)
  await page.getByTestId('play').click()
  await expect(page.getByTestId('play')).toHaveAccessibleName('Play')
}

const failed = async (page: Page) => Number(await page.getByTestId('m-failed').first().textContent())

test.describe('the Load balancer picker', () => {
  test('picking HAProxy replays the same moment under HAProxy (no 502s), the address follows and a share link round-trips', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto('./#/lab?scenario=crash-sticky-memory&lb=alb')
    const picker = page.getByRole('combobox', { name: 'Load balancer' })
    await expect(picker).toHaveValue('alb')
    // B crashes at 0:30: the ALB answers 502 until two health checks 30 s apart take it out.
    await playTo(page, 50_000)
    const at = await page.getByTestId('clock').textContent()
    expect(await failed(page)).toBeGreaterThan(0)
    // Keyboard: the picker is reachable and labelled; choose HAProxy.
    await picker.focus()
    await expect(picker).toBeFocused()
    await picker.selectOption('haproxy')
    await expect(picker).toHaveValue('haproxy')
    await expect(page.getByTestId('clock')).toHaveText(at!)
    // HAProxy retries B 3 times, then redispatches: nobody sees an error.
    await expect.poll(() => failed(page)).toBe(0)
    await expect(page.getByRole('combobox', { name: 'How does the LB route?' })).toHaveValue('cookie')
    expect(page.url()).toMatch(/[?&]lb=haproxy(&|$)/)

    await page.getByTestId('share-toggle').click()
    await page.getByTestId('copy-link').click()
    const link = await page.getByTestId('share-link').inputValue()
    const other = await context.newPage()
    await other.setViewportSize({ width: 1366, height: 768 })
    await other.goto(link)
    await expect(other.getByTestId('shared-ready')).toBeVisible({ timeout: 30_000 })
    await expect(other.getByRole('combobox', { name: 'Load balancer' })).toHaveValue('haproxy')
    await expect(other.getByTestId('clock')).toHaveText(at!)
    expect(await failed(other)).toBe(0)
    // The address itself opens the lab under HAProxy too.
    await other.goto(page.url())
    await expect(other.getByRole('combobox', { name: 'Load balancer' })).toHaveValue('haproxy')
  })

  test('policies a product lacks are listed but not offered', async ({ page }) => {
    await page.goto('./#/lab?scenario=shared-store')
    await page.getByRole('combobox', { name: 'Load balancer' }).selectOption('alb')
    await expect(page.getByRole('option', { name: /IP hash \(nginx ip_hash\) — not in ALB/ })).toBeDisabled()
    await page.getByRole('combobox', { name: 'Load balancer' }).selectOption('kube-proxy')
    await expect(page.getByRole('option', { name: /Cookie affinity — not in kube-proxy/ })).toBeDisabled()
    // A scenario that asks for cookie affinity, under nginx 1.22: the stand-in is named, with the reason.
    await page.goto('./#/lab?scenario=crash-sticky-memory')
    await expect(page.getByTestId('lb-standin').locator('visible=true')).toHaveCount(0)
    await page.getByRole('combobox', { name: 'Load balancer' }).selectOption('nginx')
    await expect(page.getByTestId('lb-standin').locator('visible=true')).toContainText('nginx 1.22 (open source) has no cookie affinity')
    await expect(page.getByRole('combobox', { name: 'How does the LB route?' })).toHaveValue('hash-consistent')
  })
})

test.describe('Config for this design', () => {
  test('shows the nginx upstream with the run’s servers, follows the picker to HAProxy’s backend, and copies', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto('./#/lab?scenario=crash-sticky-memory&lb=nginx')
    await page.getByText('Config for this design').click()
    const text = page.getByTestId('config-text')
    await expect(text).toContainText('upstream app {')
    await expect(text).toContainText('hash $cookie_uid consistent;')
    for (const addr of ['10.0.0.11:3000', '10.0.0.12:3000', '10.0.0.13:3000']) await expect(text).toContainText(`server ${addr};`)
    // The scenario asks for cookie affinity, which nginx 1.22 doesn't have: said in a comment, no `sticky`.
    await expect(text).toContainText('# Asked for cookie affinity, which nginx cannot do')
    await expect(text).not.toContainText(/^\s*sticky/m)

    await page.getByRole('combobox', { name: 'Load balancer' }).selectOption('haproxy')
    await expect(text).toContainText('backend app')
    await expect(text).toContainText('cookie SERVERID insert indirect nocache')
    await expect(text).toContainText('server B 10.0.0.12:3000 id 2 cookie B check')
    await page.getByRole('button', { name: 'Copy haproxy.cfg for HAProxy 2.6' }).click()
    await expect(page.getByTestId('config-copy-status')).toHaveText('Copied haproxy.cfg to the clipboard.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await text.textContent())

    // Two formats for an ALB; the server B crash shows in the text as the run goes on.
    await page.getByRole('combobox', { name: 'Load balancer' }).selectOption('alb')
    await expect(text).toContainText('aws elbv2 modify-target-group-attributes')
    await page.getByRole('radio', { name: 'Terraform' }).check()
    await expect(text).toContainText('resource "aws_lb_target_group" "app" {')
    await expectNoAxeViolationsInBothThemes(page)
  })

  test('without a clipboard the text is selected and the message says how to copy', async ({ page }) => {
    await page.goto('./#/lab?scenario=cookie-affinity')
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('blocked')) } }))
    await page.getByText('Config for this design').click()
    await page.getByRole('button', { name: /^Copy / }).click()
    await expect(page.getByTestId('config-copy-status')).toContainText('press Ctrl+C')
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toContain('Generated by Sticky Sessions Lab')
  })
})

test.describe('compare: five load balancers', () => {
  test('the preset runs one column per product; a column’s picker and its config follow its design', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto('./#/compare?preset=five-load-balancers')
    const columns = page.getByTestId('compare-column')
    await expect(columns).toHaveCount(5)
    const lbs = ['nginx', 'haproxy', 'alb', 'kube-proxy', 'cloudflare']
    for (const [i, lb] of lbs.entries()) await expect(page.getByRole('combobox', { name: `Load balancer (design ${i + 1})` })).toHaveValue(lb)
    await page.getByRole('combobox', { name: 'Load balancer (design 1)' }).selectOption('kube-proxy')
    await expect(page.getByRole('combobox', { name: 'Routing (design 1)' })).toHaveValue('client-ip')
    await expect(page).toHaveURL(/lb-kube-proxy/)
    await columns.first().getByText('Config for this design').click()
    await expect(columns.first().getByTestId('config-text')).toContainText('sessionAffinity: ClientIP')
  })
})
