import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillRegistration } from '../../scripts/defaultSiteForm.mjs'
import { axeViolations } from './axe'
import { startDemo } from './demoServer'
import { launchChromium } from './launchChromium'

/**
 * `SITE=demo/sites/captcha.json npm start` in Debian's Chromium: a person meets SAP's text CAPTCHA as
 * the emulator serves it, gets a wrong word refused with a new image, and registers with the right
 * one. The word is read as a test must, from the emulator with the site's credentials (never from the
 * page); axe-core scans every step.
 */
const SITE_FILE = 'demo/sites/captcha.json'
const site = JSON.parse(readFileSync(SITE_FILE, 'utf8')) as { userKey: string; secret: string }
let vite: ViteDevServer
let browser: Browser
let page: Page
let baseUrl = ''
let emulator: { url: string; apiKey: string }
const pageErrors: string[] = []
/** The challenges the page was given, in order (read off the network, as a proxy would see them). */
const challenges: string[] = []

beforeAll(async () => {
  const demo = await startDemo(SITE_FILE)
  vite = demo.vite
  baseUrl = demo.baseUrl
  emulator = demo.emulator
  browser = await launchChromium()
  page = await browser.newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  page.on('response', async (response) => {
    if (!response.url().endsWith('/accounts.getCaptcha')) return
    challenges.push(((await response.json()) as { captchaToken: string }).captchaToken)
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await vite?.close()
})

const form = () => page.getByRole('region', { name: 'Registration' })
const image = () => form().getByRole('img', { name: 'CAPTCHA image: type the characters you see' })
const word = () => form().getByLabel('Type the characters in the image')

async function answerOf(captchaToken: string | undefined): Promise<string> {
  const body = new URLSearchParams({ apiKey: emulator.apiKey, userKey: site.userKey, secret: site.secret })
  body.set('captchaToken', String(captchaToken))
  const answer = (await (
    await fetch(`${emulator.url}/emulator.getCaptchaAnswer`, { method: 'POST', body })
  ).json()) as {
    captchaText: string
  }
  return answer.captchaText
}

describe('the demo with a site that requires a CAPTCHA, in Chromium', () => {
  it('shows a challenge, refuses a wrong word with a new image, and registers with the right one', async () => {
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' })
    await image().waitFor()
    expect(await image().getAttribute('src')).toMatch(/^data:image\/svg\+xml/)
    expect(await word().getAttribute('name')).toBe('captchaText')
    expect(challenges).toHaveLength(1)
    expect(await axeViolations(page)).toEqual([])

    const email = `captcha.${Date.now()}@example.com`
    await fillRegistration(form(), { email })
    const firstImage = await image().getAttribute('src')
    await word().fill('WRONG')
    await form().getByRole('button', { name: 'Create account' }).click()
    await expect
      .poll(() =>
        word()
          .getAttribute('aria-describedby')
          .then((id) => id && page.locator(`[id="${id}"]`).textContent()),
      )
      .toBe('Please confirm you are not a robot')
    await expect.poll(() => challenges.length).toBe(2)
    await expect.poll(() => image().getAttribute('src')).not.toBe(firstImage)
    expect(await word().inputValue()).toBe('')
    expect(await form().getByLabel('Email').inputValue()).toBe(email)
    expect(await axeViolations(page)).toEqual([])

    const answer = await answerOf(challenges.at(-1))
    expect(await image().getAttribute('alt')).not.toContain(answer)
    await word().fill(answer)
    await form().getByRole('button', { name: 'Create account' }).click()
    await form().getByRole('heading', { name: 'You are registered' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    const { accounts } = (await (await fetch(`${baseUrl}/__emulator/accounts`)).json()) as {
      accounts: Array<{ profile: { email?: string }; isRegistered: boolean }>
    }
    expect(accounts.find((account) => account.profile.email === email)).toMatchObject({ isRegistered: true })
    expect(pageErrors).toEqual([])
  })
})
