// A hand-made lab link with both its own settings (policy=, servers=: a flashcard's "Show me") and a
// shared run (s=): both apply — the settings from the start, on top of the run — and the notice says so.

import { expect, test } from '@playwright/test'
import LZString from 'lz-string'

const pack = (data: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(data))

test('policy= and servers= apply on top of a shared run, and the notice says so', async ({ page }) => {
  // The shared run: 2 servers, A crashes at 1 s, opened at 5 s.
  const s = pack({ v: 1, t: 5_000, c: { servers: 2 }, i: [[1_000, { kind: 'crashServer', server: 'A' }]] })
  await page.goto(`./#/lab?scenario=cookie-affinity&policy=round-robin&servers=3&s=${s}`)
  const ready = page.getByTestId('shared-ready')
  await expect(ready).toContainText('Opened at 0:05.0 with 1 intervention')
  await expect(page.getByTestId('shared-settings')).toHaveText(/The link also sets policy round-robin, 3 servers: applied from the start, on top of the shared run/)
  await expect(page.getByTestId('clock')).toHaveText('0:05.0')
  // The link's settings: round robin over three servers …
  await expect(page.getByTestId('policy-description').first()).toContainText('round robin')
  await expect(page.getByRole('region', { name: 'Servers', exact: true }).getByRole('heading')).toHaveText('Servers (3)')
  // … and the shared run's own intervention.
  await expect(page.getByTestId('server-A')).toHaveAttribute('data-status', 'crashed')
})

test('a shared run alone opens without the settings sentence', async ({ page }) => {
  const s = pack({ v: 1, t: 2_000, i: [[1_000, { kind: 'crashServer', server: 'B' }]] })
  await page.goto(`./#/lab?scenario=cookie-affinity&s=${s}`)
  await expect(page.getByTestId('shared-ready')).toContainText('Opened at 0:02.0')
  await expect(page.getByTestId('shared-settings')).toHaveCount(0)
})
