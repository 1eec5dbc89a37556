// Browser tests run against the *built* site (vite preview) in real Chromium. Debian's
// /usr/bin/chromium is used when present (Playwright can't download browsers on our machines);
// elsewhere Playwright's own Chromium. Set CHROMIUM_PATH to use another binary.

import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const executablePath = existsSync(systemChromium) ? systemChromium : undefined
const port = Number(process.env.E2E_PORT ?? 4173)

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    // The offline copy's service worker would precache the whole site in every test's fresh browser
    // context; only offline.spec.ts needs it (it allows it).
    serviceWorkers: 'block',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // OUT_DIR (default dist) and E2E_PORT let several test runs share a machine. The SCORM packages
    // are built too (the Learn page lists them, scorm.spec.ts frames one in a stand-in LMS).
    command: `npx vite build && npx tsx scripts/buildScorm.ts && npx vite preview --host 127.0.0.1 --port ${port} --strictPort${process.env.OUT_DIR ? ` --outDir ${process.env.OUT_DIR}` : ''}`,
    url: `http://127.0.0.1:${port}/`,
    // oEmbed needs the site's absolute URL at build time (scenario pages, oembed/*.json).
    env: { SITE_URL: `http://127.0.0.1:${port}/` },
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
  },
})
