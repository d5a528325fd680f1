import { afterEach, describe, expect, it, vi } from 'vitest'
import { funcaptcha, type FuncaptchaOptions } from '../../src/captcha/funcaptcha'

/** Arkose's script, played by test/browser/fakes/arkose.js (same v2 client API, no network). */
const FAKE = new URL('./fakes/arkose.js', import.meta.url).href

const fake = () => (window as unknown as { __fakeArkose: { loads: number; error(code: string): void } }).__fakeArkose

function setup(options: Partial<FuncaptchaOptions> = {}, lang = 'de') {
  const container = document.createElement('div')
  document.body.append(container)
  const callbacks = {
    onToken: vi.fn<(token: string) => void>(),
    onExpire: vi.fn<() => void>(),
    onError: vi.fn<(error: Error) => void>(),
  }
  const provider = funcaptcha({ publicKey: 'PUBLIC-KEY', scriptUrl: FAKE, ...options })
  const render = () => provider.render(container, { ...callbacks, lang, theme: 'light' })
  /** The challenge the fake shows, once it has: Arkose starts an inline one by itself. */
  const challenge = () => vi.waitUntil(() => container.querySelector<HTMLElement>('[data-fake-arkose]'))
  const click = async (name: string) =>
    [...(await challenge()).querySelectorAll('button')].find((button) => button.textContent === name)?.click()
  return { container, provider, render, challenge, click, ...callbacks }
}

afterEach(() => document.body.replaceChildren())

describe('the FunCaptcha adapter, against a local fake of Arkose’s v2 client API', () => {
  it('shows the challenge inline in the screen-set’s language and hands over the token', async () => {
    const { provider, render, challenge, click, onToken, onError } = setup({ nonce: 'n0nce' })
    expect(provider).toMatchObject({ family: 'widget', type: 'FunCaptcha', mode: 'checkbox' })
    await render()

    const [script, ...others] = document.querySelectorAll<HTMLScriptElement>(`script[src="${FAKE}"]`)
    expect(others).toHaveLength(0)
    expect(script?.nonce).toBe('n0nce')
    expect(script?.dataset.nonce).toBe('n0nce')
    expect(script?.dataset.callback).toMatch(/^\w+$/)
    const { language, session } = (await challenge()).dataset
    expect(language).toBe('de')

    await click('Solve')
    expect(onToken).toHaveBeenCalledExactlyOnceWith(`arkose-token-${session}`)
    expect(onError).not.toHaveBeenCalled()
  })

  it('reports a failed challenge and Arkose’s errors, and starts a new session on reset', async () => {
    const { render, challenge, click, onToken, onError } = setup()
    const widget = await render()
    const session = Number((await challenge()).dataset.session)

    await click('Fail')
    expect(onError).toHaveBeenLastCalledWith(expect.objectContaining({ message: expect.stringMatching(/not solved/) }))
    fake().error('API_REQUEST_ERROR')
    expect(onError).toHaveBeenLastCalledWith(
      expect.objectContaining({ message: expect.stringMatching(/could not run.*API_REQUEST_ERROR/) }),
    )

    widget.reset()
    await vi.waitUntil(
      () => Number(document.querySelector<HTMLElement>('[data-fake-arkose]')?.dataset.session) > session,
    )
    await click('Solve')
    expect(onToken).toHaveBeenCalledExactlyOnceWith(`arkose-token-${session + 1}`)
  })

  it('loads the script once; a second widget takes the challenge over, and destroy() empties the container', async () => {
    const first = setup()
    const second = setup({}, 'fr')
    const [firstWidget, secondWidget] = await Promise.all([first.render(), second.render()])
    expect(document.querySelectorAll(`script[src="${FAKE}"]`)).toHaveLength(1)
    expect(fake().loads).toBe(1)

    await second.click('Solve')
    expect(second.onToken).toHaveBeenCalledOnce()
    expect(first.onToken).not.toHaveBeenCalled()
    expect((await second.challenge()).dataset.language).toBe('fr')

    firstWidget.destroy()
    secondWidget.destroy()
    expect(first.container.childNodes).toHaveLength(0)
    expect(second.container.childNodes).toHaveLength(0)
    fake().error('LATE')
    expect(second.onError).not.toHaveBeenCalled()
  })

  it('rejects render and reports a script that cannot load', async () => {
    const { render, onError } = setup({ scriptUrl: 'http://127.0.0.1:9/v2/PUBLIC-KEY/api.js' })
    const error = await render().catch((reason: unknown) => reason)
    expect((error as Error).message).toMatch(/^Could not load http:\/\/127\.0\.0\.1:9\/v2\/PUBLIC-KEY\/api\.js /)
    expect(onError).toHaveBeenCalledExactlyOnceWith(error)
  })
})
