import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LiteSubscribe, RegistrationScreenSet } from '../../../src'
import { createEmulatorTransport } from '../../../src/testing'
import { distinctiveSecret } from '../../support/findSecret'
import { callsOf, siteWithPolicies } from '../../support/renderScreenSet'
import { typeRegistration } from '../../support/typeRegistration'
import { eventSpies, renderObserved } from './observeSecrets'

/**
 * Every flow of both components, run with a password and a security answer no fixture contains;
 * afterwards neither cache, nor any error or result that passed through, nor an event payload, the
 * console or the DOM holds either of them (only the password input's `value` property may).
 */
const PASSWORD = distinctiveSecret()
const WRONG_PASSWORD = distinctiveSecret('Wr0ng')
const ANSWER = distinctiveSecret('Answer')
const SECRETS = [PASSWORD, WRONG_PASSWORD, ANSWER]

afterEach(() => {
  vi.restoreAllMocks()
})

type User = ReturnType<typeof userEvent.setup>
const registration = () => within(document.querySelector('[data-screenset="registration"]') as HTMLElement)
const passwordInput = () => registration().getByLabelText(/^Password/, { selector: 'input' })

/** The root is replaced when the form leaves its loading state: find the field anew. */
const field = (label: RegExp) => waitFor(() => registration().getByLabelText(label))

/** Registers with the secret password, in the registration root found anew for each field. */
const fillRegistration = (user: User, email: string) =>
  typeRegistration(user, { email, password: PASSWORD }, registration)

const createAccount = (user: User) => user.click(registration().getByRole('button', { name: 'Create account' }))
const registered = () => screen.findByRole('heading', { name: 'You are registered' })

/** The password input holds the secret only as its live value, never as an attribute. */
function expectPasswordOnlyAsValue() {
  const input = passwordInput() as HTMLInputElement
  expect(input.getAttribute('value')).toBeNull()
  expect(input.type).toBe('password')
}

async function seedAccount(client: Awaited<ReturnType<typeof renderObserved>>['client'], email: string) {
  const { regToken } = await client.initRegistration()
  await client.register({
    regToken,
    email,
    password: PASSWORD,
    profile: { firstName: 'Tom', zip: '10001' },
    data: { terms: true },
    preferences: { terms: { tos: { isConsentGranted: true } } },
    finalizeRegistration: true,
  })
}

describe('no password or security answer outlives a flow', () => {
  it('registration success', async () => {
    const user = userEvent.setup()
    const events = eventSpies()
    const view = await renderObserved(<RegistrationScreenSet {...events} />, [events])
    await fillRegistration(user, 'success@example.com')
    expectPasswordOnlyAsValue()
    await createAccount(user)
    await registered()
    view.expectSent(PASSWORD)
    expect(events.onHide).toHaveBeenCalledWith({ reason: 'finished' })
    await view.expectNoSecret(SECRETS)
  })

  it('a site that requires a security question: the answer is sent, and kept nowhere', async () => {
    const user = userEvent.setup()
    const events = eventSpies()
    const view = await renderObserved(<RegistrationScreenSet {...events} />, [events], {
      sites: [siteWithPolicies({ registration: { requireSecurityQuestion: true } })],
    })
    await fillRegistration(user, 'question@example.com')
    await user.type(registration().getByLabelText(/^Security question/), 'First pet?')
    await user.type(registration().getByLabelText(/^Security answer/), ANSWER)
    await createAccount(user)
    await registered()
    view.expectSent(ANSWER)
    expect(callsOf(view.calls, 'accounts.register')[0]?.params).toMatchObject({ secretAnswer: ANSWER })
    await view.expectNoSecret(SECRETS)
  })

  it('206001: complete-registration, then finalize', async () => {
    const user = userEvent.setup()
    const events = eventSpies()
    const view = await renderObserved(
      <RegistrationScreenSet fields={['email', 'password', 'profile.firstName']} {...events} />,
      [events],
    )
    await user.type(await field(/^Email/), 'pending@example.com')
    await user.type(passwordInput(), PASSWORD)
    await user.type(registration().getByLabelText(/^First name/), 'Grace')
    await createAccount(user)
    await screen.findByRole('heading', { name: 'Almost done' })
    await user.type(registration().getByLabelText(/^ZIP code/), '10001')
    await user.click(registration().getByRole('checkbox', { name: 'Terms' }))
    await user.click(registration().getByRole('checkbox', { name: /Terms of service/i }))
    await user.click(registration().getByRole('button', { name: 'Continue' }))
    await registered()
    expect(callsOf(view.calls, 'accounts.finalizeRegistration')).toHaveLength(1)
    view.expectSent(PASSWORD)
    await view.expectNoSecret(SECRETS)
  })

  it('206002: verification pending, and a resend', async () => {
    const user = userEvent.setup()
    const events = eventSpies()
    const view = await renderObserved(<RegistrationScreenSet {...events} />, [events], {
      sites: [siteWithPolicies({ accountOptions: { verifyEmail: true } })],
    })
    await fillRegistration(user, 'verify@example.com')
    await createAccount(user)
    await screen.findByRole('heading', { name: 'Check your inbox' })
    await user.click(registration().getByRole('button', { name: 'Resend the email' }))
    await waitFor(() => expect(registration().getByRole('status')).toHaveTextContent('We sent the email again.'))
    view.expectSent(PASSWORD)
    await view.expectNoSecret(SECRETS)
  })

  it('400009 / 400003: a taken email, "log in instead", then login', async () => {
    const user = userEvent.setup()
    const events = eventSpies()
    const view = await renderObserved(<RegistrationScreenSet {...events} />, [events])
    await seedAccount(view.client, 'taken@example.com')
    await fillRegistration(user, 'taken@example.com')
    await createAccount(user)
    const conflict = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-conflict]')
      if (!element) throw new Error('no "log in instead" yet')
      return element
    })
    expect(events.onError).toHaveBeenCalledWith(expect.objectContaining({ errorCode: 400009 }))
    await user.click(within(conflict).getByRole('button', { name: 'Log in instead' }))
    await screen.findByRole('heading', { name: 'Log in' })
    await user.clear(passwordInput())
    await user.type(passwordInput(), PASSWORD)
    await user.click(registration().getByRole('button', { name: 'Log in' }))
    await registered()
    expect(callsOf(view.calls, 'accounts.login')).toHaveLength(1)
    await view.expectNoSecret(SECRETS)
  })

  it('login with a wrong password, then the right one', async () => {
    const user = userEvent.setup()
    const events = eventSpies()
    const view = await renderObserved(<RegistrationScreenSet startScreen="login" {...events} />, [events])
    await seedAccount(view.client, 'lin@example.com')
    await user.type(await field(/^Email|^Login/), 'lin@example.com')
    await user.type(passwordInput(), WRONG_PASSWORD)
    await user.click(registration().getByRole('button', { name: 'Log in' }))
    await waitFor(() => expect(registration().getByRole('alert')).toHaveTextContent('Invalid login or password'))
    view.expectSent(WRONG_PASSWORD)
    expectPasswordOnlyAsValue()
    // The form keeps what was typed for the retry; nothing else does.
    expect(passwordInput()).toHaveValue(WRONG_PASSWORD)
    await view.expectNoSecret(SECRETS)

    await user.clear(passwordInput())
    await user.type(passwordInput(), PASSWORD)
    await user.click(registration().getByRole('button', { name: 'Log in' }))
    await registered()
    await view.expectNoSecret(SECRETS)
  })

  it('400009: the server refuses the password as too weak (its policy is stricter than the one the page got)', async () => {
    const user = userEvent.setup()
    const events = eventSpies()
    // The page reads the default policies; the server judges with a much longer minimum length.
    const lenient = await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} })
    const view = await renderObserved(
      <RegistrationScreenSet {...events} />,
      [events],
      { sites: [siteWithPolicies({ passwordComplexity: { minLength: 40, minCharGroups: 2 } })] },
      { 'accounts.getPolicies': (request) => lenient(request) },
    )
    await fillRegistration(user, 'weak@example.com')
    await createAccount(user)
    await waitFor(() => expect(passwordInput()).toHaveAttribute('aria-invalid', 'true'))
    expect(events.onError).toHaveBeenCalledWith(expect.objectContaining({ errorCode: 400009 }))
    view.expectSent(PASSWORD)
    expectPasswordOnlyAsValue()
    await view.expectNoSecret(SECRETS)
  })

  it('400009 from a server that echoes the password and the answer in every message', async () => {
    const user = userEvent.setup()
    const events = eventSpies()
    const view = await renderObserved(
      <RegistrationScreenSet {...events} />,
      [events],
      { sites: [siteWithPolicies({ registration: { requireSecurityQuestion: true } })] },
      {
        'accounts.register': ({ params }) => ({
          errorCode: 400009,
          errorMessage: `Validation error for ${String(params.password)}`,
          errorDetails: `password=${String(params.password)}&secretAnswer=${String(params.secretAnswer)}`,
          statusCode: 400,
          validationErrors: [
            {
              errorCode: 400009,
              fieldName: 'password',
              message: `"${String(params.password)}" does not meet the complexity requirements`,
            },
            { errorCode: 400009, fieldName: '', message: `answer ${String(params.secretAnswer)} refused` },
          ],
          requestParams: params,
          password: params.password,
          echo: { nested: [String(params.password), String(params.secretAnswer)] },
        }),
      },
    )
    await fillRegistration(user, 'echo@example.com')
    await user.type(registration().getByLabelText(/^Security question/), 'First pet?')
    await user.type(registration().getByLabelText(/^Security answer/), ANSWER)
    await createAccount(user)
    await waitFor(() => expect(passwordInput()).toHaveAttribute('aria-invalid', 'true'))
    view.expectSent(ANSWER)
    expect(events.onError).toHaveBeenCalledWith(expect.objectContaining({ errorCode: 400009 }))
    await view.expectNoSecret(SECRETS)
  })

  it('403002: an expired regToken is renewed transparently', async () => {
    const user = userEvent.setup()
    const events = eventSpies()
    const view = await renderObserved(<RegistrationScreenSet {...events} />, [events])
    await user.click(await field(/^Email/))
    await waitFor(() => expect(callsOf(view.calls, 'accounts.initRegistration')).toHaveLength(1))
    await fillRegistration(user, 'expired@example.com')
    view.clock.now += 61 * 60 * 1000
    await createAccount(user)
    await registered()
    expect(callsOf(view.calls, 'accounts.register')).toHaveLength(2)
    await view.expectNoSecret(SECRETS)
  })

  it.each([
    ['a fetch failure', () => new TypeError('Failed to fetch')],
    [
      // As an HTTP library's error carries its request (axios puts the body on `config.data`).
      'an error that carries its request',
      (params: Readonly<Record<string, unknown>>) =>
        Object.assign(new Error(`Network Error sending ${new URLSearchParams(params as Record<string, string>)}`), {
          config: { method: 'post', data: new URLSearchParams(params as Record<string, string>).toString() },
          request: { params },
        }),
    ],
  ])('a network failure mid-register (%s), then a retry', async (_name, failure) => {
    const user = userEvent.setup()
    const events = eventSpies()
    const view = await renderObserved(<RegistrationScreenSet {...events} />, [events])
    await fillRegistration(user, 'flaky@example.com')
    view.override('accounts.register', ({ params }) => Promise.reject(failure(params)))
    await createAccount(user)
    await waitFor(() => expect(registration().getByRole('alert')).toHaveTextContent('We could not reach the server'))
    view.expectSent(PASSWORD)
    await view.expectNoSecret(SECRETS)

    view.override('accounts.register', undefined)
    await createAccount(user)
    await registered()
    await view.expectNoSecret(SECRETS)
  })

  it('both components on one page: register, then subscribe to the newsletter', async () => {
    const user = userEvent.setup()
    const registrationEvents = eventSpies()
    const liteEvents = eventSpies()
    const view = await renderObserved(
      <>
        <RegistrationScreenSet {...registrationEvents} />
        <LiteSubscribe subscriptions={['offers']} {...liteEvents} />
      </>,
      [registrationEvents, liteEvents],
    )
    await fillRegistration(user, 'both@example.com')
    await createAccount(user)
    await registered()

    const lite = within(document.querySelector('[data-screenset="lite"]') as HTMLElement)
    await user.type(lite.getByLabelText(/^Email/), 'both-news@example.com')
    await user.click(lite.getByRole('checkbox', { name: 'Terms of service' }))
    await user.click(lite.getByRole('button', { name: 'Subscribe' }))
    await waitFor(() =>
      expect(document.querySelector('[data-screenset="lite"]')).toHaveAttribute('data-screen', 'thank-you'),
    )
    expect(callsOf(view.calls, 'accounts.setAccountInfo')).toHaveLength(1)
    view.expectSent(PASSWORD)
    await view.expectNoSecret(SECRETS)
  })
})
