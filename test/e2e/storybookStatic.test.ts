import { execFile } from 'node:child_process'
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillRegistration } from '../../scripts/defaultSiteForm.mjs'
import { launchChromium } from './launchChromium'

/**
 * `npm run build-storybook` must give a site that works with no server of ours: plain static file
 * hosting, no emulator process, no API. The stories run the emulator inside the page, so a visitor of
 * the static site registers and subscribes for real. This builds the site, serves its files with a
 * bare file server, and drives both components in Chromium, recording every request the page makes.
 */
const PASSWORD = 'Secret-123'
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

let outDir = ''
let server: Server
let browser: Browser
let baseUrl = ''

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'screensets-storybook-'))
  await promisify(execFile)('node_modules/.bin/storybook', ['build', '--quiet', '-o', outDir], {
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
    maxBuffer: 16 * 1024 * 1024,
  })
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    const file = normalize(join(outDir, path.endsWith('/') ? `${path}index.html` : path))
    if (!file.startsWith(outDir) || request.method !== 'GET') {
      response.writeHead(405).end()
      return
    }
    readFile(file).then(
      (body) =>
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
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
    await fillRegistration(form, { email: 'static@example.com', password: PASSWORD })
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
