import { QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useImperativeHandle, type ReactElement } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  AccountsProvider,
  createAccountsClient,
  RegistrationScreenSet,
  type AccountsClient,
  type CaptchaProps,
  type WidgetCaptchaProvider,
} from '../../../src'
import { createEmulatorTransport } from '../../../src/testing'
import { callsOf, renderWithEmulator, siteWithPolicies } from '../../support/renderScreenSet'
import { typeRegistration } from '../../support/typeRegistration'
import { captchaWrapper, fakeWidgetProvider, submit } from './captchaKit'

const sites = [siteWithPolicies({ registration: { requireCaptcha: true } })]
const robotCheckbox = () => screen.findByRole('button', { name: "I'm not a robot" })
const widget = () => screen.getByRole('group', { name: 'CAPTCHA' })

describe('<RegistrationScreenSet> with a checkbox widget (reCAPTCHA v2, FunCaptcha)', () => {
  it('sends the token the widget gave, with its captchaType', async () => {
    const user = userEvent.setup()
    const { provider } = fakeWidgetProvider('reCaptchaV2', 'checkbox')
    const { calls } = await renderWithEmulator(<RegistrationScreenSet captcha={provider} />, { sites })
    await typeRegistration(user)
    await user.click(await robotCheckbox())
    await user.click(submit())

    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(calls, 'accounts.register')[0]?.params).toMatchObject({
      captchaToken: 'reCaptchaV2-token',
      captchaType: 'reCaptchaV2',
    })
    expect(callsOf(calls, 'accounts.getCaptcha')).toHaveLength(0)
  })

  it('refuses a submit before the widget is solved, on the widget, with no request; solving clears the message', async () => {
    const user = userEvent.setup()
    const { provider } = fakeWidgetProvider('FunCaptcha', 'checkbox')
    const { calls } = await renderWithEmulator(<RegistrationScreenSet captcha={provider} />, { sites })
    await typeRegistration(user)
    await robotCheckbox()
    await user.click(submit())

    await waitFor(() => expect(widget()).toHaveAccessibleDescription('Please solve the CAPTCHA'))
    expect(widget()).toHaveFocus()
    expect(captchaWrapper()).toHaveAttribute('data-invalid')
    expect(callsOf(calls, 'accounts.register')).toHaveLength(0)

    await user.click(await robotCheckbox())
    expect(captchaWrapper()).not.toHaveAttribute('data-invalid')
    await user.click(submit())
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(calls, 'accounts.register')[0]?.params).toMatchObject({ captchaType: 'FunCaptcha' })
  })

  it('forgets a token that expired: the user must solve it again', async () => {
    const user = userEvent.setup()
    const { provider, record } = fakeWidgetProvider('reCaptchaV2', 'checkbox')
    const { calls } = await renderWithEmulator(<RegistrationScreenSet captcha={provider} />, { sites })
    await typeRegistration(user)
    await user.click(await robotCheckbox())
    record.options?.onExpire()
    await user.click(submit())

    await waitFor(() => expect(widget()).toHaveAccessibleDescription('Please solve the CAPTCHA'))
    expect(callsOf(calls, 'accounts.register')).toHaveLength(0)
  })

  it('asks the widget for a fresh challenge after every failed submit, keeping what was typed', async () => {
    const user = userEvent.setup()
    const { provider, record } = fakeWidgetProvider('reCaptchaV2', 'checkbox')
    const { calls, override } = await renderWithEmulator(<RegistrationScreenSet captcha={provider} />, { sites })
    await typeRegistration(user)
    await user.click(await robotCheckbox())
    override('accounts.register', () => Promise.reject(new TypeError('Failed to fetch')))
    await user.click(submit())
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('We could not reach the server'))
    expect(record.resets).toBe(1)

    // The token went with the failed request: the next submit needs a new one.
    override('accounts.register', undefined)
    await user.click(submit())
    await waitFor(() => expect(widget()).toHaveAccessibleDescription('Please solve the CAPTCHA'))
    expect(callsOf(calls, 'accounts.register')).toHaveLength(1)

    override('accounts.register', () => ({ errorCode: 400021, errorMessage: 'CAPTCHA verification failed' }))
    await user.click(await robotCheckbox())
    await user.click(submit())
    await waitFor(() => expect(widget()).toHaveAccessibleDescription('Please confirm you are not a robot'))
    expect(record.resets).toBe(2)
    expect(screen.getByLabelText(/^First name/)).toHaveValue('Ada')
  })
})

describe('<RegistrationScreenSet> with a widget run on submit', () => {
  it.each([
    ['invisible', 'invisible'],
    ['reCaptchaEnterpriseScore', 'score'],
  ] as const)('%s: runs once the form is valid, and sends its token', async (type, mode) => {
    const user = userEvent.setup()
    const { provider, record } = fakeWidgetProvider(type, mode)
    const { calls } = await renderWithEmulator(<RegistrationScreenSet captcha={provider} />, { sites })
    await screen.findByLabelText(/^Email/)
    await waitFor(() => expect(record.renders).toHaveLength(1))
    await user.click(submit())
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('There are errors in your form'))
    expect(record.executions).toBe(0)

    await typeRegistration(user)
    await user.click(submit())
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(record.executions).toBe(1)
    expect(callsOf(calls, 'accounts.register')[0]?.params).toMatchObject({
      captchaToken: `${type}-token-1`,
      captchaType: type,
    })
  })

  it('runs anew for each submit, with a reset after the failed one', async () => {
    const user = userEvent.setup()
    const { provider, record } = fakeWidgetProvider('reCaptchaV3', 'score')
    const { calls, override } = await renderWithEmulator(<RegistrationScreenSet captcha={provider} />, { sites })
    await typeRegistration(user)
    override('accounts.register', () => ({ errorCode: 400021, errorMessage: 'CAPTCHA verification failed' }))
    await user.click(submit())
    await waitFor(() => expect(widget()).toHaveAccessibleDescription('Please confirm you are not a robot'))
    expect(record.resets).toBe(1)

    override('accounts.register', undefined)
    await user.click(submit())
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(calls, 'accounts.register').map((call) => call.params.captchaToken)).toEqual([
      'reCaptchaV3-token-1',
      'reCaptchaV3-token-2',
    ])
  })

  it('invisible: a second submit while its challenge is open opens it again, and one request goes', async () => {
    const user = userEvent.setup()
    let solve: (token: string) => void = () => {}
    // As Google's: the run under way gives its token to every execute() made meanwhile.
    let run: Promise<string> | undefined
    const execute = vi.fn(() => (run ??= new Promise<string>((resolve) => (solve = resolve))))
    const provider: WidgetCaptchaProvider = {
      family: 'widget',
      type: 'invisible',
      mode: 'invisible',
      render: async () => ({ reset() {}, destroy() {}, execute }),
    }
    const { calls } = await renderWithEmulator(<RegistrationScreenSet captcha={provider} />, { sites })
    await typeRegistration(user)
    await user.click(submit())
    await waitFor(() => expect(execute).toHaveBeenCalledTimes(1))
    expect(submit()).toHaveAttribute('aria-busy', 'true')
    // The person closed the challenge: Google tells nobody, so the page waits; they submit again.
    await user.click(submit())
    expect(execute).toHaveBeenCalledTimes(2)

    solve('invisible-token')
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(calls, 'accounts.register')).toHaveLength(1)
  })

  it('a widget that cannot load says so on the control and sends nothing', async () => {
    const user = userEvent.setup()
    const provider: WidgetCaptchaProvider = {
      family: 'widget',
      type: 'reCaptchaV3',
      mode: 'score',
      async render(_, options) {
        const error = new Error('script blocked')
        options.onError(error)
        throw error
      },
    }
    const { calls } = await renderWithEmulator(<RegistrationScreenSet captcha={provider} />, { sites })
    await typeRegistration(user)
    await waitFor(() => expect(widget()).toHaveAccessibleDescription('The CAPTCHA could not be loaded'))
    await user.click(submit())
    await waitFor(() => expect(widget()).toHaveFocus())
    expect(widget()).toHaveAccessibleDescription('The CAPTCHA could not be loaded')
    expect(callsOf(calls, 'accounts.register')).toHaveLength(0)
  })
})

describe('where the provider comes from, and what it is told', () => {
  async function renderUnder(captcha: WidgetCaptchaProvider, ui: (client: AccountsClient) => ReactElement) {
    const transport = await createEmulatorTransport({ sites, passwordHashIterations: 1000, warn: () => {} })
    const client = createAccountsClient({ transport })
    render(
      <AccountsProvider
        client={client}
        queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
        captcha={captcha}
      >
        {ui(client)}
      </AccountsProvider>,
    )
  }

  it.each([
    ['the provider', () => <RegistrationScreenSet />],
    [
      'the provider, for a screen-set with a client of its own',
      (client: AccountsClient) => <RegistrationScreenSet client={client} />,
    ],
  ])('by default, the CAPTCHA of %s', async (_, ui) => {
    const { provider, record } = fakeWidgetProvider('reCaptchaV2', 'checkbox')
    await renderUnder(provider, ui)
    await robotCheckbox()
    expect(record.renders).toEqual([{ lang: 'en', theme: 'light' }])
  })

  it("a screen-set's own first, told the screen-set's language and colour scheme", async () => {
    const fromProvider = fakeWidgetProvider('reCaptchaV2', 'checkbox')
    const own = fakeWidgetProvider('FunCaptcha', 'checkbox')
    await renderUnder(fromProvider.provider, () => (
      <RegistrationScreenSet captcha={own.provider} lang="de" colorScheme="dark" />
    ))
    await robotCheckbox()
    expect(own.record.renders).toEqual([{ lang: 'de', theme: 'dark' }])
    expect(fromProvider.record.renders).toEqual([])
    expect(screen.getByRole('group', { name: 'CAPTCHA-Prüfung' })).toBeInTheDocument()
  })
})

describe('a Captcha part of the host', () => {
  it('replaces ours through `components`, with the provider and the handle it fills', async () => {
    const user = userEvent.setup()
    const { provider } = fakeWidgetProvider('reCaptchaV2', 'checkbox')
    function HostCaptcha({ provider, handle, controlProps, field }: CaptchaProps) {
      useImperativeHandle(handle, () => ({
        solve: async () => ({
          captchaToken: 'host-token',
          captchaType: provider.family === 'widget' ? provider.type : undefined,
        }),
        reset() {},
      }))
      return <div {...controlProps} role="group" aria-label={`${field.label} of the host`} tabIndex={-1} />
    }
    const { calls } = await renderWithEmulator(
      <RegistrationScreenSet captcha={provider} components={{ Captcha: HostCaptcha }} />,
      { sites },
    )
    await typeRegistration(user)
    expect(screen.getByRole('group', { name: 'CAPTCHA of the host' })).toBeInTheDocument()
    expect(within(captchaWrapper()).queryByRole('button', { name: "I'm not a robot" })).toBeNull()
    await user.click(submit())
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(calls, 'accounts.register')[0]?.params).toMatchObject({
      captchaToken: 'host-token',
      captchaType: 'reCaptchaV2',
    })
  })
})
