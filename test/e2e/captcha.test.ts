import { describe, expect, it } from 'vitest'
import { fillRegistration } from '../../scripts/defaultSiteForm.mjs'
import { axeViolations } from './axe'
import { setUpDemoSession } from './demoSession'

/**
 * `SITE=demo/sites/captcha.json npm start` in Debian's Chromium: a person meets SAP's text CAPTCHA as
 * the emulator serves it, gets a wrong word refused with a new image, and registers with the right
 * one. The word is read as a test must, from the emulator with the site's credentials (never from the
 * page); axe-core scans every step.
 */
const demo = setUpDemoSession('demo/sites/captcha.json')
const { form } = demo
const image = () => form().getByRole('img', { name: 'CAPTCHA image: type the characters you see' })
const word = () => form().getByLabel('Type the characters in the image')

async function answerOf(captchaToken: string | undefined): Promise<string> {
  const { captchaText } = await demo.admin('emulator.getCaptchaAnswer', { captchaToken: String(captchaToken) })
  return String(captchaText)
}

describe('the demo with a site that requires a CAPTCHA, in Chromium', () => {
  it('shows a challenge, refuses a wrong word with a new image, and registers with the right one', async () => {
    const { page } = demo
    /** The challenges the page was given, in order (read off the network, as a proxy would see them). */
    const challenges: string[] = []
    page.on('response', async (response) => {
      if (!response.url().endsWith('/accounts.getCaptcha')) return
      challenges.push(((await response.json()) as { captchaToken: string }).captchaToken)
    })
    await page.goto(`${demo.baseUrl}/`, { waitUntil: 'networkidle' })
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
    const accounts = await demo.accounts()
    expect(accounts.find((account) => account.profile.email === email)).toMatchObject({ isRegistered: true })
  })
})
