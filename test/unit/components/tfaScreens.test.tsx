import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { PASSWORD } from '../../../scripts/defaultSiteForm.mjs'
import { AccountsProvider, RegistrationScreenSet } from '../../../src'
import type { RegistrationScreen, TfaState } from '../../../src/flows'
import { createTranslator } from '../../../src/i18n'
import { registrationFields } from '../../../src/react/registrationFields'
import type { SitePolicies, SiteSchema } from '../../../src/schema'
import { DEFAULT_SITE, type EmulatorTransport } from '../../../src/testing'
import { callsOf, renderWithEmulator, siteWithPolicies } from '../../support/renderScreenSet'
import { typeRegistration } from '../../support/typeRegistration'
import { renderScreens, root } from './fakeRegistrationApi'

const site = { schema: DEFAULT_SITE.schema as SiteSchema, policies: DEFAULT_SITE.policies as SitePolicies }
const QR = 'data:image/png;base64,iVBORw0KGgo='
const hostile = '<b>x</b>@example.com <img src=x onerror="alert(1)">'

/** The fake API on a TFA screen, with the inputs the hook would derive for its stage. */
function renderTfa(screen: RegistrationScreen, tfa: TfaState) {
  const state = { screen, missing: [], tfa }
  const fields = registrationFields(site, state, [], { t: createTranslator('en') })
  return renderScreens({ screen, state: { regToken: 'RT', tfa }, fields })
}

describe('the TFA screens', () => {
  it('tfa-registration with TOTP: the QR code as an image, the code, "remember this device", the submit', async () => {
    const user = userEvent.setup()
    const { onSubmit } = renderTfa('tfa-registration', {
      providers: ['gigyaTotp'],
      provider: 'gigyaTotp',
      gigyaAssertion: 'GA',
      qrCode: QR,
      sctToken: 'S',
    })
    const form = await screen.findByRole('form', { name: 'Set up two-step verification' })
    expect(root().dataset.screen).toBe('tfa-registration')
    expect(within(form).getByText(/Scan this QR code with an authenticator app/)).toBeInTheDocument()
    expect(within(form).getByRole('img', { name: 'QR code to scan with your authenticator app' })).toHaveAttribute(
      'src',
      QR,
    )
    const code = within(form).getByLabelText(/^Verification code/)
    expect(code).toHaveAttribute('name', 'code')
    expect(code).toHaveAttribute('autocomplete', 'one-time-code')
    expect(code).toHaveAttribute('inputmode', 'numeric')
    const remember = within(form).getByRole('checkbox', { name: 'Remember this device' })
    expect(remember).not.toBeChecked()
    await user.click(within(form).getByRole('button', { name: 'Verify' }))
    expect(onSubmit).toHaveBeenCalledTimes(1)
  })

  it('shows no image for a QR code that is not an image URL', async () => {
    renderTfa('tfa-registration', {
      ...{ providers: ['gigyaTotp'] },
      provider: 'gigyaTotp',
      gigyaAssertion: 'GA',
      qrCode: 'javascript:alert(1)',
    })
    await screen.findByRole('form', { name: 'Set up two-step verification' })
    expect(screen.queryByRole('img')).toBeNull()
  })

  it('tfa-verification with TOTP: the code from the app, no QR code', async () => {
    renderTfa('tfa-verification', { providers: ['gigyaTotp'], provider: 'gigyaTotp', gigyaAssertion: 'GA' })
    const form = await screen.findByRole('form', { name: 'Confirm it is you' })
    expect(within(form).getByText('Enter the 6-digit code your authenticator app shows.')).toBeInTheDocument()
    expect(within(form).queryByRole('img')).toBeNull()
    expect(within(form).getByLabelText(/^Verification code/)).toBeInTheDocument()
  })

  it('several providers: a radio group named by its question, the first chosen, the keyboard moves it', async () => {
    const user = userEvent.setup()
    const { onSubmit } = renderTfa('tfa-registration', { providers: ['gigyaTotp', 'gigyaEmail'] })
    const form = await screen.findByRole('form', { name: 'Set up two-step verification' })
    const group = within(form).getByRole('group', { name: 'How do you want to get your code?' })
    const app = within(group).getByRole('radio', { name: 'Authenticator app' })
    const email = within(group).getByRole('radio', { name: 'Email' })
    expect(app).toHaveAttribute('name', 'provider')
    expect(app).toBeChecked()
    expect(within(form).queryByRole('textbox')).toBeNull()
    await user.tab()
    expect(app).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(email).toBeChecked()
    await user.click(within(form).getByRole('button', { name: 'Continue' }))
    expect(onSubmit).toHaveBeenCalledTimes(1)
  })

  it('several addresses: their obfuscated forms as text, never markup', async () => {
    renderTfa('tfa-verification', {
      providers: ['gigyaEmail'],
      provider: 'gigyaEmail',
      gigyaAssertion: 'GA',
      emails: [
        { id: 'e1', obfuscated: 'a***@example.com' },
        { id: 'e2', obfuscated: hostile },
      ],
    })
    const group = await screen.findByRole('group', { name: 'Where should we send the code?' })
    expect(within(group).getByRole('radio', { name: 'a***@example.com' })).toHaveAttribute('name', 'emailID')
    expect(within(group).getByRole('radio', { name: hostile })).toHaveAttribute('value', 'e2')
    expect(root().querySelector('b, img')).toBeNull()
  })

  it('email: where the code went, the code, and "send a new code"', async () => {
    const user = userEvent.setup()
    const { resendVerification } = renderTfa('tfa-verification', {
      providers: ['gigyaEmail'],
      provider: 'gigyaEmail',
      gigyaAssertion: 'GA',
      emails: [{ id: 'e1', obfuscated: 'a***@example.com' }],
      emailID: 'e1',
      phvToken: 'P',
    })
    const form = await screen.findByRole('form', { name: 'Confirm it is you' })
    expect(within(form).getByText('We sent a code to a***@example.com. Enter it below.')).toBeInTheDocument()
    expect(within(form).getByLabelText(/^Verification code/)).toBeInTheDocument()
    await user.click(within(form).getByRole('button', { name: 'Send a new code' }))
    expect(resendVerification).toHaveBeenCalledTimes(1)
  })

  it('"Use another method" after a choice among several: a link-styled button, back to the choice kept, its heading focused', async () => {
    const user = userEvent.setup()
    const both: TfaState['providers'] = ['gigyaTotp', 'gigyaEmail']
    // Email, which has no address to send to: the other method is the way on.
    const view = renderTfa('tfa-registration', {
      providers: both,
      provider: 'gigyaEmail',
      gigyaAssertion: 'GA',
      emails: [],
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('None of the verification methods')
    const another = screen.getByRole('button', { name: 'Use another method' })
    expect(another).toHaveAttribute('type', 'button')
    expect(another.closest('[data-switch-screen]')).not.toBeNull()
    another.focus()
    await user.keyboard('{Enter}')
    expect(view.chooseAnotherTfaMethod).toHaveBeenCalledTimes(1)
    expect(view.onSubmit).not.toHaveBeenCalled()

    view.show({ screen: 'tfa-registration', state: { tfa: { providers: both, previousProvider: 'gigyaEmail' } } })
    const form = await screen.findByRole('form', { name: 'Set up two-step verification' })
    const group = within(form).getByRole('group', { name: 'How do you want to get your code?' })
    expect(within(group).getByRole('radio', { name: 'Email' })).toBeChecked()
    expect(within(form).getByRole('heading', { name: 'Set up two-step verification' })).toHaveFocus()
    expect(within(form).queryByRole('button', { name: 'Use another method' })).toBeNull()
  })

  it.each<[string, TfaState]>([
    ['one provider', { providers: ['gigyaTotp'], provider: 'gigyaTotp', gigyaAssertion: 'GA' }],
    ['a call runs', { providers: ['gigyaTotp', 'gigyaEmail'], provider: 'gigyaTotp' }],
  ])('no "Use another method" with %s', async (_label, tfa) => {
    renderTfa('tfa-verification', tfa)
    await screen.findByRole('form', { name: 'Confirm it is you' })
    expect(screen.queryByRole('button', { name: 'Use another method' })).toBeNull()
  })

  it('no usable provider: a form-level message and nothing to submit', async () => {
    renderTfa('tfa-verification', { providers: [] })
    await screen.findByRole('heading', { name: 'Confirm it is you' })
    expect(screen.getByRole('alert')).toHaveTextContent('None of the verification methods of your account can be used')
    expect(screen.getByRole('alert')).toHaveAttribute('data-form-error')
    expect(screen.queryByRole('form')).toBeNull()
  })

  it('a provider started again says why, at form level; while a call runs, only "Continue"', async () => {
    renderTfa('tfa-verification', { providers: ['gigyaTotp'], provider: 'gigyaTotp', expired: true })
    const form = await screen.findByRole('form', { name: 'Confirm it is you' })
    expect(within(form).getByRole('alert')).toHaveTextContent('The verification has expired. Please try again.')
    expect(within(form).queryByRole('textbox')).toBeNull()
    expect(within(form).getByRole('button', { name: 'Continue' })).toHaveAttribute('type', 'submit')
  })
})

describe('<RegistrationScreenSet> on a site that requires TFA (in-process emulator)', () => {
  const tfaSite = siteWithPolicies({
    twoFactorAuth: {
      providers: [
        { name: 'gigyaTotp', enabled: true },
        { name: 'gigyaEmail', enabled: true },
      ],
    },
  })
  const ADMIN = { userKey: DEFAULT_SITE.userKey, secret: DEFAULT_SITE.secret }
  const call = (transport: EmulatorTransport, method: string, params: Record<string, unknown>) =>
    transport({ method, params: { ...params, ...ADMIN }, signal: new AbortController().signal }) as Promise<
      Record<string, unknown>
    >

  it('register → email set-up: a wrong code on its field, the right one → success; events carry no secret', async () => {
    const user = userEvent.setup()
    const events: unknown[] = []
    const view = await renderWithEmulator(
      <RegistrationScreenSet
        onAfterSubmit={(event) => events.push(event)}
        onError={(event) => events.push(event)}
        onSubmit={(event) => events.push(event)}
        onFieldChanged={(event) => events.push(event)}
      />,
      { sites: [tfaSite] },
    )
    await typeRegistration(user, { email: 'tfa@example.com' })
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    const choice = await screen.findByRole('group', { name: 'How do you want to get your code?' })
    await user.click(within(choice).getByRole('radio', { name: 'Email' }))
    await user.click(screen.getByRole('button', { name: 'Continue' }))

    expect(await screen.findByText('We sent a code to t***@example.com. Enter it below.')).toBeInTheDocument()
    const remember = screen.getByRole('checkbox', { name: 'Remember this device' })
    await user.click(remember)
    const code = screen.getByLabelText(/^Verification code/)
    await user.type(code, '000000')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(await screen.findByText('Please enter a valid code')).toBeInTheDocument()
    expect(code).toHaveAttribute('aria-invalid', 'true')
    expect(remember).toBeChecked()

    const { messages } = (await call(view.transport, 'emulator.getOutbox', {})) as {
      messages: { kind: string; code?: string }[]
    }
    await user.clear(code)
    await user.type(code, messages.findLast((message) => message.kind === 'tfa-code')?.code ?? '')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(view.calls, 'accounts.tfa.finalizeTFA')[0]?.params).toMatchObject({ tempDevice: false })

    const secrets = view.calls.flatMap(({ params }) =>
      ['gigyaAssertion', 'providerAssertion', 'phvToken', 'code'].flatMap((key) =>
        typeof params[key] === 'string' ? [params[key] as string] : [],
      ),
    )
    expect(secrets.length).toBeGreaterThan(4)
    const told = JSON.stringify(events)
    expect(secrets.filter((secret) => told.includes(secret))).toEqual([])
  })

  it('register → authenticator app: the QR code, its code → success; a login: a wrong code on its field, the right one → success', async () => {
    const user = userEvent.setup()
    const view = await renderWithEmulator(<RegistrationScreenSet />, { sites: [tfaSite] })
    const appCode = async () => {
      const { accounts } = (await call(view.transport, 'emulator.listAccounts', {})) as { accounts: { UID: string }[] }
      return String((await call(view.transport, 'emulator.getAuthenticatorCode', { UID: accounts[0]?.UID })).code)
    }
    await typeRegistration(user, { email: 'totp@example.com' })
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    const choice = await screen.findByRole('group', { name: 'How do you want to get your code?' })
    await user.click(within(choice).getByRole('radio', { name: 'Authenticator app' }))
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    const qrCode = await screen.findByRole('img', { name: 'QR code to scan with your authenticator app' })
    expect(qrCode.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    await user.type(screen.getByLabelText(/^Verification code/), await appCode())
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await screen.findByRole('heading', { name: 'You are registered' })

    view.rerender(
      <AccountsProvider client={view.client} queryClient={view.queryClient}>
        <RegistrationScreenSet key="login" startScreen="login" />
      </AccountsProvider>,
    )
    await user.type(await screen.findByLabelText(/^Email/, { selector: 'input' }), 'totp@example.com')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Log in' }))
    const form = await screen.findByRole('form', { name: 'Confirm it is you' })
    const code = await within(form).findByLabelText(/^Verification code/)
    expect(within(form).getByText('Enter the 6-digit code your authenticator app shows.')).toBeInTheDocument()
    expect(within(form).queryByRole('img')).toBeNull()
    const right = await appCode()
    await user.type(code, right === '000000' ? '111111' : '000000')
    await user.click(within(form).getByRole('button', { name: 'Verify' }))
    expect(await within(form).findByText('Please enter a valid code')).toBeInTheDocument()
    expect(code).toHaveAttribute('aria-invalid', 'true')
    await user.clear(code)
    await user.type(code, right)
    await user.click(within(form).getByRole('button', { name: 'Verify' }))
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(view.calls, 'accounts.tfa.totp.verify')).toHaveLength(3)
    expect(callsOf(view.calls, 'accounts.finalizeRegistration')).toHaveLength(2)
  })

  it('"Use another method" from the QR code: back to the choice, the code typed cleared, then email → success', async () => {
    const user = userEvent.setup()
    const view = await renderWithEmulator(<RegistrationScreenSet />, { sites: [tfaSite] })
    await typeRegistration(user, { email: 'switch@example.com' })
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    const choice = await screen.findByRole('group', { name: 'How do you want to get your code?' })
    await user.click(within(choice).getByRole('radio', { name: 'Authenticator app' }))
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await screen.findByRole('img', { name: 'QR code to scan with your authenticator app' })
    await user.type(screen.getByLabelText(/^Verification code/), '123')
    screen.getByRole('button', { name: 'Use another method' }).focus()
    await user.keyboard('{Enter}')

    const again = await screen.findByRole('group', { name: 'How do you want to get your code?' })
    expect(screen.getByRole('heading', { name: 'Set up two-step verification' })).toHaveFocus()
    expect(screen.queryByRole('img')).toBeNull()
    expect(within(again).getByRole('radio', { name: 'Authenticator app' })).toBeChecked()
    await user.click(within(again).getByRole('radio', { name: 'Email' }))
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await screen.findByText('We sent a code to s***@example.com. Enter it below.')
    const code = screen.getByLabelText(/^Verification code/)
    expect(code).toHaveValue('')
    const { messages } = (await call(view.transport, 'emulator.getOutbox', {})) as {
      messages: { kind: string; code?: string }[]
    }
    await user.type(code, messages.findLast((message) => message.kind === 'tfa-code')?.code ?? '')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await screen.findByRole('heading', { name: 'You are registered' })
    const started = callsOf(view.calls, 'accounts.tfa.initTFA').map(({ params }) => params.provider)
    expect(started).toEqual(['gigyaTotp', 'gigyaEmail'])
    const finalized = callsOf(view.calls, 'accounts.tfa.finalizeTFA')[0]?.params.gigyaAssertion
    const emailAssertion = callsOf(view.calls, 'accounts.tfa.email.getEmails')[0]?.params.gigyaAssertion
    expect(finalized).toBe(emailAssertion)
  })

  it('a TFA call that gets no answer: the network message at form level, "Continue" makes it again', async () => {
    const user = userEvent.setup()
    const view = await renderWithEmulator(<RegistrationScreenSet />, { sites: [tfaSite] })
    view.override('accounts.tfa.getProviders', () => Promise.reject(new TypeError('Failed to fetch')))
    await typeRegistration(user, { email: 'offline@example.com' })
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    const form = await screen.findByRole('form', { name: 'Set up two-step verification' })
    expect(await within(form).findByRole('alert')).toHaveTextContent('We could not reach the server')
    view.override('accounts.tfa.getProviders', undefined)
    await user.click(within(form).getByRole('button', { name: 'Continue' }))
    expect(await screen.findByRole('group', { name: 'How do you want to get your code?' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
