import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { preview, type PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillRegistration } from '../../scripts/defaultSiteForm.mjs'
import { launchChromium } from './launchChromium'

/**
 * `npm run build-storybook` must give a site that works with no server of ours: plain static file
 * hosting, no emulator process, no API. The stories run the emulator inside the page, so a visitor of
 * the static site registers and subscribes for real. This builds the site, serves its files with Vite's
 * preview server (static files only), and drives both components in Chromium, recording every request
 * the page makes.
 */

let outDir = ''
let server: PreviewServer
let browser: Browser
let baseUrl = ''

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'screensets-storybook-'))
  await promisify(execFile)('node_modules/.bin/storybook', ['build', '--quiet', '-o', outDir], {
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
    maxBuffer: 16 * 1024 * 1024,
  })
  // 'mpa': a missing file answers 404 rather than the index page, so `expectStaticOnly` sees it.
  server = await preview({
    configFile: false,
    appType: 'mpa',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'error',
  })
  baseUrl = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '')
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

/** A page that records every request and every uncaught error. */
async function recordedPage() {
  const page = await browser.newPage()
  const requests: string[] = []
  const failed: string[] = []
  const errors: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('requestfailed', (request) => failed.push(request.url()))
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  return { page, requests, failed, errors }
}

/** The page asked nothing of anything but the static files, every file was there, and nothing threw. */
function expectStaticOnly({ requests, failed, errors }: Awaited<ReturnType<typeof recordedPage>>) {
  const elsewhere = requests.filter(
    (url) => !url.startsWith(`${baseUrl}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
  )
  expect(elsewhere).toEqual([])
  expect(failed).toEqual([])
  expect(errors).toEqual([])
}

const story = (page: Page, id: string) => page.goto(`${baseUrl}/iframe.html?id=${id}&viewMode=story`)

describe('the static Storybook site (npm run build-storybook), served as plain files', () => {
  it('lists every story in its index', async () => {
    const index = (await (await fetch(`${baseUrl}/index.json`)).json()) as {
      entries: Record<string, { type: string; id: string }>
    }
    const ids = Object.values(index.entries)
      .filter((entry) => entry.type === 'story')
      .map((entry) => entry.id)
    expect(ids.length).toBeGreaterThanOrEqual(50)
    expect(ids).toEqual(
      expect.arrayContaining([
        'components-registrationscreenset--register',
        'components-litesubscribe--stacked',
        'components-registrationscreenset--arabic-rtl',
      ]),
    )
  })

  it('registers a member in a story, against the emulator inside the page', async () => {
    const recorded = await recordedPage()
    const { page } = recorded
    await story(page, 'components-registrationscreenset--register')
    const form = page.locator('[data-screenset="registration"]')
    await form.getByRole('heading', { name: 'Create your account' }).waitFor()
    await fillRegistration(form, { email: 'static@example.com' })
    await form.getByRole('button', { name: 'Create account' }).click()
    await page.getByRole('heading', { name: 'You are registered' }).waitFor()
    expectStaticOnly(recorded)
    await page.close()
  })

  it('subscribes to the newsletter in a story', async () => {
    const recorded = await recordedPage()
    const { page } = recorded
    await story(page, 'components-litesubscribe--stacked')
    const widget = page.locator('[data-screenset="lite"]')
    await widget.getByLabel('Email').fill('reader@example.com')
    await widget.getByRole('checkbox', { name: 'Weekly newsletter' }).check()
    await widget.getByRole('checkbox', { name: 'Terms of service' }).check()
    await widget.getByRole('button', { name: 'Subscribe' }).click()
    await page.locator('[data-screenset="lite"][data-screen="thank-you"]').waitFor()
    expectStaticOnly(recorded)
    await page.close()
  })

  it('opens a story from the Storybook UI itself', async () => {
    const recorded = await recordedPage()
    const { page } = recorded
    await page.goto(`${baseUrl}/?path=/story/components-registrationscreenset--register`)
    const preview = page.frameLocator('#storybook-preview-iframe')
    await preview.locator('[data-screenset="registration"] input[name="email"]').waitFor()
    expectStaticOnly(recorded)
    await page.close()
  })
})
