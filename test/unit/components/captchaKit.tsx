import { screen } from '@testing-library/react'
import type { CaptchaRenderOptions, CaptchaType, WidgetCaptchaProvider } from '../../../src'
import { DEFAULT_SITE } from '../../../src/testing'
import type { ScreenSetHarness } from '../../support/renderScreenSet'

export const passwordInput = () => screen.getByLabelText(/^Password/, { selector: 'input' })
export const captchaInput = () => screen.getByLabelText('Type the characters in the image')
export const captchaImage = () => screen.getByRole('img', { name: 'CAPTCHA image: type the characters you see' })
export const captchaWrapper = () => document.querySelector('[data-field="captcha"]') as HTMLElement
export const submit = () => screen.getByRole('button', { name: 'Create account' })

/**
 * Records the challenges the emulator hands out, and reads their words the way a browser test must:
 * through `emulator.getCaptchaAnswer` with the site's credentials, never from the page.
 */
export function watchChallenges(harness: Pick<ScreenSetHarness, 'override' | 'transport'>) {
  const tokens: string[] = []
  harness.override('accounts.getCaptcha', async (request) => {
    const body = (await harness.transport(request)) as { captchaToken: string }
    tokens.push(body.captchaToken)
    return body
  })
  return {
    tokens,
    /** The word of the challenge on screen (the last one given). */
    async answer(): Promise<string> {
      const body = (await harness.transport({
        method: 'emulator.getCaptchaAnswer',
        params: { userKey: DEFAULT_SITE.userKey, secret: DEFAULT_SITE.secret, captchaToken: tokens.at(-1) },
        signal: new AbortController().signal,
      })) as { captchaText: string }
      return body.captchaText
    },
  }
}

/**
 * A vendor widget that never leaves the test: a checkbox kind renders an "I'm not a robot" button
 * that gives a token; the invisible and score kinds hand out a numbered token on every `execute`.
 */
export function fakeWidgetProvider(type: CaptchaType, mode: WidgetCaptchaProvider['mode']) {
  const record = {
    renders: [] as Array<Pick<CaptchaRenderOptions, 'lang' | 'theme'>>,
    resets: 0,
    executions: 0,
    destroyed: 0,
    options: undefined as CaptchaRenderOptions | undefined,
  }
  const provider: WidgetCaptchaProvider = {
    family: 'widget',
    type,
    mode,
    async render(container, options) {
      record.renders.push({ lang: options.lang, theme: options.theme })
      record.options = options
      const button = document.createElement('button')
      button.type = 'button'
      button.textContent = "I'm not a robot"
      button.addEventListener('click', () => options.onToken(`${type}-token`))
      if (mode === 'checkbox') container.append(button)
      return {
        reset: () => void record.resets++,
        destroy() {
          record.destroyed++
          button.remove()
        },
        ...(mode !== 'checkbox' && { execute: async () => `${type}-token-${++record.executions}` }),
      }
    },
  }
  return { provider, record }
}
