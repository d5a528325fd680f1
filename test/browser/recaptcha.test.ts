import { afterEach, describe, expect, it, vi } from 'vitest'
import { recaptcha, type RecaptchaOptions } from '../../src/captcha/recaptcha'
import type { CaptchaRenderOptions } from '../../src/captcha/types'

/** Google's script, played by test/browser/fakes/recaptcha.js (same global API, no network). */
const FAKE = new URL('./fakes/recaptcha.js', import.meta.url).href

/** The fake's controls: what Google decides (expiry, errors) and what it saw. */
interface FakeRecaptcha {
  loads: string[]
  executeOutcome: 'solve' | 'error'
  expire(id: number): void
  fail(id: number): void
}
const fake = () => (window as unknown as { __fakeRecaptcha: FakeRecaptcha }).__fakeRecaptcha

function setup(options: Partial<RecaptchaOptions> & Pick<RecaptchaOptions, 'kind'>, lang = 'de') {
  const container = document.createElement('div')
  document.body.append(container)
  const callbacks = {
    onToken: vi.fn<(token: string) => void>(),
    onExpire: vi.fn<() => void>(),
    onError: vi.fn<(error: Error) => void>(),
  }
  const provider = recaptcha({ siteKey: 'site-key', scriptUrl: FAKE, ...options } as RecaptchaOptions)
  const renderOptions: CaptchaRenderOptions = { ...callbacks, lang, theme: 'dark' }
  return { container, provider, ...callbacks, render: () => provider.render(container, renderOptions) }
}

/** The script tags whose URL has these parameters. */
const scripts = (params: Record<string, string>) =>
  [...document.querySelectorAll('script')].filter(
    (script) =>
      script.src.startsWith(FAKE.split('?')[0] as string) &&
      Object.entries(params).every(([name, value]) => new URL(script.src).searchParams.get(name) === value),
  )

afterEach(() => {
  document.body.replaceChildren()
  if ('__fakeRecaptcha' in window) fake().executeOutcome = 'solve'
})

describe('the reCAPTCHA adapter, against a local fake of Google’s script', () => {
  it.each([
    ['checkbox', 'reCaptchaV2', 'checkbox'],
    ['invisible', 'invisible', 'invisible'],
    ['v3', 'reCaptchaV3', 'score'],
    ['enterprise', 'reCaptchaEnterpriseScore', 'score'],
  ] as const)('kind %s sends captchaType %s in %s mode', (kind, type, mode) => {
    expect(recaptcha({ siteKey: 'k', kind })).toMatchObject({ family: 'widget', type, mode })
  })

  it('mounts the v2 checkbox and hands its token, expiry and errors to the screen-set', async () => {
    const { container, onToken, onExpire, onError, render } = setup({ kind: 'checkbox', nonce: 'n0nce' })
    const widget = await render()

    expect(scripts({ render: 'explicit' })).toHaveLength(1)
    const [script] = scripts({ render: 'explicit', hl: 'de' })
    expect(script?.nonce).toBe('n0nce')
    expect(script?.async).toBe(true)
    expect(script?.src).toMatch(/[?&]onload=\w+(&|$)/)

    const checkbox = container.querySelector('[data-fake-recaptcha]') as HTMLElement
    expect(checkbox.dataset).toMatchObject({ hl: 'de', theme: 'dark', size: 'normal' })
    checkbox.click()
    expect(onToken).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^classic-token-\d+-1$/))

    const id = Number(checkbox.dataset.widgetId)
    fake().expire(id)
    expect(onExpire).toHaveBeenCalledOnce()
    fake().fail(id)
    expect(onError).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ message: expect.stringMatching(/could not run/) }),
    )

    widget.reset()
    expect(checkbox.dataset.resets).toBe('1')
    widget.destroy()
    expect(container.childNodes).toHaveLength(0)
    fake().expire(id)
    expect(onExpire).toHaveBeenCalledOnce()

    // React's strict mode mounts, unmounts and mounts again into one container; Google refuses an element twice.
    await render()
    expect(container.querySelectorAll('[data-fake-recaptcha]')).toHaveLength(1)
  })

  it('loads Google’s script once for two widgets, in the first one’s language', async () => {
    const first = setup({ kind: 'checkbox' }, 'de')
    const second = setup({ kind: 'checkbox', siteKey: 'other-key' }, 'fr')
    await Promise.all([first.render(), second.render()])

    expect(scripts({ render: 'explicit' })).toHaveLength(1)
    expect(fake().loads.filter((src) => new URL(src).searchParams.get('render') === 'explicit')).toHaveLength(1)
    expect(first.container.querySelector<HTMLElement>('[data-fake-recaptcha]')?.dataset.hl).toBe('de')
    expect(second.container.querySelector<HTMLElement>('[data-fake-recaptcha]')?.dataset.hl).toBe('de')
  })

  it('runs the invisible kind on execute() and rejects it when Google reports an error', async () => {
    const { container, onToken, onError, render } = setup({ kind: 'invisible', badge: 'inline' })
    const widget = await render()
    expect(container.querySelector<HTMLElement>('[data-fake-recaptcha]')?.dataset).toMatchObject({
      size: 'invisible',
      badge: 'inline',
    })

    await expect(widget.execute?.()).resolves.toMatch(/^classic-token-\d+-1$/)
    expect(onToken).not.toHaveBeenCalled()

    fake().executeOutcome = 'error'
    const error = await widget.execute?.().catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(Error)
    expect(onError).toHaveBeenCalledExactlyOnceWith(error)
  })

  it('gets a v3 score token for the action, with the site key and language in the script URL', async () => {
    const { container, render } = setup({ kind: 'v3', siteKey: 'v3-key', action: 'login' }, 'zh-cn')
    const widget = await render()

    expect(scripts({ render: 'v3-key', hl: 'zh-CN' })).toHaveLength(1)
    expect(scripts({ render: 'v3-key' })[0]?.src).not.toContain('onload=')
    await expect(widget.execute?.()).resolves.toBe('classic-score-v3-key-login')
    widget.reset()
    widget.destroy()
    expect(container.childNodes).toHaveLength(0)
  })

  it('gets an Enterprise score token through grecaptcha.enterprise, with the default action', async () => {
    const { render, onError } = setup(
      { kind: 'enterprise', siteKey: 'ent-key', scriptUrl: `${FAKE}?variant=enterprise` },
      'he',
    )
    const widget = await render()

    expect(scripts({ variant: 'enterprise', render: 'ent-key', hl: 'iw' })).toHaveLength(1)
    await expect(widget.execute?.()).resolves.toBe('enterprise-score-ent-key-submit')
    expect(onError).not.toHaveBeenCalled()
  })

  it('rejects render and reports a script that cannot load, and tries again on the next render', async () => {
    const blocked = 'http://127.0.0.1:9/recaptcha/api.js'
    const { render, onError } = setup({ kind: 'checkbox', scriptUrl: blocked })
    const tags = () => document.querySelectorAll(`script[src^="${blocked}"]`)

    const first = render()
    expect(tags()).toHaveLength(1)
    const error = await first.catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/^Could not load http:\/\/127\.0\.0\.1:9\/recaptcha\/api\.js\?.*CSP/)
    expect(onError).toHaveBeenCalledExactlyOnceWith(error)
    expect(tags()).toHaveLength(0)

    const second = render()
    expect(tags()).toHaveLength(1)
    await expect(second).rejects.toThrow(/Could not load/)
  })
})
