import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ProfileScreenSet, type ProfileScreenSetProps } from '../../../src/components'
import { DEFAULT_SITE, type EmulatorTransport } from '../../../src/testing'
import { callsOf, renderWithEmulator } from '../../support/renderScreenSet'

const PASSWORD = 'Secret-123'
const NEW_PASSWORD = 'Newer-Secret-456'
const ADMIN = { userKey: DEFAULT_SITE.userKey, secret: DEFAULT_SITE.secret }

/** A call straight to the emulator, past the client (no session kept). */
const call = (transport: EmulatorTransport, method: string, params: Record<string, unknown>) =>
  transport({ method, params, signal: new AbortController().signal })

let counter = 0
const uniqueEmail = () => `profile.${(counter += 1)}@example.com`

/** A finalized account straight through the emulator (the client keeps no session from it). */
async function createAccount(transport: EmulatorTransport, email: string, profile: Record<string, unknown> = {}) {
  const { regToken } = (await call(transport, 'accounts.initRegistration', {})) as { regToken: string }
  const body = (await call(transport, 'accounts.register', {
    regToken,
    email,
    password: PASSWORD,
    profile: { firstName: 'Ada', zip: '10001', ...profile },
    data: { terms: true },
    preferences: { terms: { tos: { isConsentGranted: true } } },
    finalizeRegistration: true,
  })) as { errorCode: number; UID: string }
  expect(body.errorCode).toBe(0)
  return body.UID
}

async function accountOf(transport: EmulatorTransport, UID: string) {
  return (await call(transport, 'accounts.getAccountInfo', {
    UID,
    include: 'profile,data,subscriptions,preferences,loginIDs',
    ...ADMIN,
  })) as Record<string, Record<string, unknown>>
}

async function lastCode(transport: EmulatorTransport): Promise<string> {
  const { messages } = (await call(transport, 'emulator.getOutbox', ADMIN)) as {
    messages: Array<{ code?: string }>
  }
  return messages.at(-1)?.code ?? ''
}

/** The profile screen-set, signed in as a new account (after it first rendered signed out). */
async function renderSignedIn(props: ProfileScreenSetProps = {}, profile: Record<string, unknown> = {}) {
  const rendered = await renderWithEmulator(<ProfileScreenSet {...props} />)
  const email = uniqueEmail()
  const UID = await createAccount(rendered.transport, email, profile)
  await act(() => rendered.client.login({ loginID: email, password: PASSWORD }))
  await screen.findByRole('heading', { name: props.startScreen ? /./ : 'Your profile' })
  return { ...rendered, email, UID, user: userEvent.setup() }
}

const root = () => document.querySelector('[data-screenset]') as HTMLElement
const nav = () => screen.getByRole('navigation', { name: 'Account settings' })
const status = () => within(screen.getByRole('form')).getAllByRole('status').at(-1) as HTMLElement

describe('ProfileScreenSet signed out', () => {
  it('says so, as a form-level message, without asking for an account', async () => {
    const { calls } = await renderWithEmulator(<ProfileScreenSet />)
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('You are not signed in.')
    expect(root()).toHaveAttribute('data-screenset', 'profile')
    expect(root()).toHaveAttribute('data-signed-out')
    expect(screen.queryByRole('form')).toBeNull()
    expect(callsOf(calls, 'accounts.getAccountInfo')).toEqual([])
  })
})

describe('ProfileScreenSet update-profile', () => {
  it('shows the fields the user may change, filled from the account, behind a navigation', async () => {
    await renderSignedIn()
    expect(root()).toHaveAttribute('data-screen', 'update-profile')
    const buttons = within(nav()).getAllByRole('button')
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Profile',
      'Password',
      'Communication',
      'Privacy',
      'Email address',
    ])
    expect(buttons[0]).toHaveAttribute('aria-current', 'page')
    const form = screen.getByRole('form', { name: 'Your profile' })
    expect(within(form).getByRole('textbox', { name: /^First name/ })).toHaveValue('Ada')
    expect(within(form).getByRole('textbox', { name: /^ZIP code/ })).toHaveValue('10001')
    const names = [...form.querySelectorAll('input, select, textarea')].map((input) => input.getAttribute('name'))
    // The login email has its own screen; clientCreate and serverOnly fields are not the user's to change.
    expect(names).not.toContain('profile.email')
    expect(names).not.toContain('data.householdSize')
    expect(names).not.toContain('profile.photoURL')
    expect(names).toContain('data.favoriteTeam')
  })

  it('saves what changed with the session, says so and refreshes the account', async () => {
    const { user, calls, transport, UID } = await renderSignedIn()
    const firstName = screen.getByRole('textbox', { name: /^First name/ })
    await user.clear(firstName)
    await user.type(firstName, 'Grace')
    await user.type(screen.getByRole('textbox', { name: /^Last name/ }), 'Hopper')
    const reads = callsOf(calls, 'accounts.getAccountInfo').length
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(status()).toHaveTextContent('Your changes have been saved.'))
    const [write] = callsOf(calls, 'accounts.setAccountInfo')
    expect(write?.params).toMatchObject({ profile: { firstName: 'Grace', lastName: 'Hopper' } })
    expect(write?.params).not.toHaveProperty('data')
    expect(write?.params).toHaveProperty('login_token')
    await waitFor(() => expect(callsOf(calls, 'accounts.getAccountInfo').length).toBeGreaterThan(reads))
    expect((await accountOf(transport, UID)).profile).toMatchObject({ firstName: 'Grace', lastName: 'Hopper' })
    expect(firstName).toHaveValue('Grace')
  })

  it('puts server validation errors on their fields and keeps what was typed', async () => {
    const { user, override } = await renderSignedIn()
    override('accounts.setAccountInfo', () => ({
      errorCode: 400009,
      statusCode: 400,
      errorMessage: 'Validation error',
      validationErrors: [{ errorCode: 400006, fieldName: 'profile.firstName', message: 'Not a name' }],
    }))
    const firstName = screen.getByRole('textbox', { name: /^First name/ })
    await user.clear(firstName)
    await user.type(firstName, 'Zed')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(firstName).toHaveAttribute('aria-invalid', 'true'))
    expect(firstName).toHaveAccessibleDescription('Invalid First name')
    expect(firstName).toHaveValue('Zed')
    expect(status()).toHaveTextContent('')
  })
})

describe('ProfileScreenSet change-password', () => {
  async function openChangePassword() {
    const rendered = await renderSignedIn()
    await rendered.user.click(within(nav()).getByRole('button', { name: 'Password' }))
    expect(await screen.findByRole('heading', { name: 'Change your password' })).toHaveFocus()
    return rendered
  }
  const typePasswords = async (user: ReturnType<typeof userEvent.setup>, current: string, next: string) => {
    await user.type(screen.getByLabelText(/^Current password/, { selector: 'input' }), current)
    await user.type(screen.getByLabelText(/^New password/, { selector: 'input' }), next)
    await user.type(screen.getByLabelText(/^Confirm new password/, { selector: 'input' }), next)
    await user.click(screen.getByRole('button', { name: 'Change password' }))
  }

  it('a wrong current password (403042) goes on that field', async () => {
    const { user } = await openChangePassword()
    await typePasswords(user, 'Wrong-123', NEW_PASSWORD)
    const current = screen.getByLabelText(/^Current password/, { selector: 'input' })
    await waitFor(() => expect(current).toHaveAccessibleDescription('The password is incorrect'))
    expect(screen.getByLabelText(/^New password/, { selector: 'input' })).toHaveValue(NEW_PASSWORD)
  })

  it('changes the password: the checklist on the new one, a status, the inputs emptied', async () => {
    const { user, client, email, calls } = await openChangePassword()
    const newPassword = screen.getByLabelText(/^New password/, { selector: 'input' })
    expect(newPassword.closest('[data-field]')?.querySelector('[data-password-strength]')).not.toBeNull()
    expect(root()).toHaveAttribute('data-screen', 'change-password')
    await typePasswords(user, PASSWORD, NEW_PASSWORD)
    await waitFor(() => expect(status()).toHaveTextContent('Your password has been changed.'))
    expect(callsOf(calls, 'accounts.setAccountInfo')[0]?.params).toMatchObject({
      password: PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    for (const input of screen.getByRole('form').querySelectorAll('input')) expect(input).toHaveValue('')
    await expect(client.login({ loginID: email, password: NEW_PASSWORD })).resolves.toMatchObject({ errorCode: 0 })
  })

  it('a password of the history (401030) goes on the new password', async () => {
    const { user, override } = await openChangePassword()
    override('accounts.setAccountInfo', () => ({
      errorCode: 401030,
      statusCode: 401,
      errorMessage: 'Old Password Used',
    }))
    await typePasswords(user, PASSWORD, NEW_PASSWORD)
    const newPassword = screen.getByLabelText(/^New password/, { selector: 'input' })
    await waitFor(() =>
      expect(newPassword).toHaveAccessibleDescription(
        expect.stringContaining('Old password cannot be the same as new password'),
      ),
    )
  })
})

describe('ProfileScreenSet communication and privacy', () => {
  it('subscribes; a double opt-in subscription then says it waits for its confirmation', async () => {
    const { user, calls } = await renderSignedIn({ startScreen: 'communication' })
    const newsletter = await screen.findByRole('checkbox', { name: /^Weekly newsletter/ })
    expect(newsletter).not.toBeChecked()
    await user.click(newsletter)
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(status()).toHaveTextContent('Your changes have been saved.'))
    expect(callsOf(calls, 'accounts.setAccountInfo')[0]?.params).toEqual(
      expect.objectContaining({ subscriptions: { newsletter: { email: { isSubscribed: true } } } }),
    )
    expect(
      await screen.findByRole('checkbox', {
        name: 'Weekly newsletter (Please check your inbox to confirm your subscription)',
      }),
    ).toBeChecked()
  })

  it('shows each consent as granted, with its version; a required one cannot be withdrawn', async () => {
    const { user, calls } = await renderSignedIn({ startScreen: 'privacy' })
    const terms = await screen.findByRole('checkbox', { name: /^Terms of service \(Version of January 17, 2026\)/ })
    expect(terms).toBeChecked()
    expect(screen.getByText(/Consents marked \* are required/)).toBeInTheDocument()
    await user.click(terms)
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(terms).toHaveAttribute('aria-invalid', 'true'))
    expect(callsOf(calls, 'accounts.setAccountInfo')).toEqual([])
  })
})

describe('ProfileScreenSet change-email', () => {
  async function openChangeEmail() {
    const rendered = await renderSignedIn()
    await rendered.user.click(within(nav()).getByRole('button', { name: 'Email address' }))
    await screen.findByRole('heading', { name: 'Change your email address' })
    expect(screen.getByText(new RegExp(`Your email address is ${rendered.email}`))).toBeInTheDocument()
    return rendered
  }

  it('sends a code to the new address, then changes the login email with it', async () => {
    const { user, transport, calls, UID } = await openChangeEmail()
    const newEmail = uniqueEmail()
    await user.type(screen.getByRole('textbox', { name: /^New email address/ }), newEmail)
    await user.click(screen.getByRole('button', { name: 'Send the code' }))
    const code = await screen.findByRole('textbox', { name: /^Verification code/ })
    expect(code).toHaveFocus()
    expect(code).toHaveAttribute('autocomplete', 'one-time-code')
    expect(screen.getByText(new RegExp(`We sent a code to ${newEmail}`))).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Send a new code' })).toBeDisabled()

    await user.type(code, '000000')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(code).toHaveAccessibleDescription('Please enter a valid code'))

    await user.clear(code)
    await user.type(code, await lastCode(transport))
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(status()).toHaveTextContent('Your email address has been changed.'))
    expect(callsOf(calls, 'accounts.otp.sendCode')[0]?.params).toMatchObject({ email: newEmail })
    expect((await accountOf(transport, UID)).loginIDs?.['emails']).toEqual([newEmail])
  })

  it('an address that is another account’s goes on the email field', async () => {
    const { user, transport } = await openChangeEmail()
    const taken = uniqueEmail()
    await createAccount(transport, taken)
    const input = screen.getByRole('textbox', { name: /^New email address/ })
    await user.type(input, taken)
    await user.click(screen.getByRole('button', { name: 'Send the code' }))
    await waitFor(() => expect(input).toHaveAccessibleDescription('This email is already registered'))
    expect(input).toHaveValue(taken)
  })
})

describe('ProfileScreenSet sessions, events, keyboard and server text', () => {
  it('a refused session mid-way (403005) shows the signed-out state, not a crash', async () => {
    const onError = vi.fn()
    const { user, override, client } = await renderSignedIn({ onError })
    override('accounts.setAccountInfo', () => ({
      errorCode: 403005,
      statusCode: 403,
      errorMessage: 'Unauthorized user',
    }))
    await user.type(screen.getByRole('textbox', { name: /^Last name/ }), 'Lovelace')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('You are not signed in.')
    expect(client.session.get()).toBeUndefined()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ screen: 'update-profile', errorCode: 403005 }))
  })

  it('never hands a password to an event', async () => {
    const onSubmit = vi.fn()
    const onFieldChanged = vi.fn()
    const { user } = await renderSignedIn({ onSubmit, onFieldChanged, startScreen: 'change-password' })
    await user.type(screen.getByLabelText(/^Current password/, { selector: 'input' }), PASSWORD)
    await user.type(screen.getByLabelText(/^New password/, { selector: 'input' }), NEW_PASSWORD)
    await user.type(screen.getByLabelText(/^Confirm new password/, { selector: 'input' }), NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1))
    const seen = JSON.stringify([onSubmit.mock.calls, onFieldChanged.mock.calls])
    expect(seen).not.toContain(PASSWORD)
    expect(seen).not.toContain(NEW_PASSWORD)
  })

  it('moves between screens by keyboard; a host that keeps the screen is asked', async () => {
    const onScreenChange = vi.fn()
    const onBeforeScreenLoad = vi.fn(() => true)
    const { user } = await renderSignedIn({ onScreenChange, onBeforeScreenLoad })
    within(nav()).getByRole('button', { name: 'Privacy' }).focus()
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('heading', { name: 'Privacy' })).toHaveFocus()
    expect(root()).toHaveAttribute('data-screen', 'privacy')
    expect(onScreenChange).toHaveBeenCalledWith('privacy')
    expect(onBeforeScreenLoad).toHaveBeenCalledWith({ currentScreen: 'update-profile', nextScreen: 'privacy' })
    expect(within(nav()).getByRole('button', { name: 'Privacy' })).toHaveAttribute('aria-current', 'page')
  })

  it('a controlled screen changes only when its prop does', async () => {
    const onScreenChange = vi.fn()
    const { user } = await renderSignedIn({ screen: 'update-profile', onScreenChange })
    await user.click(within(nav()).getByRole('button', { name: 'Password' }))
    expect(onScreenChange).toHaveBeenCalledWith('change-password')
    expect(root()).toHaveAttribute('data-screen', 'update-profile')
  })

  it('shows the account’s own text as text, never as markup', async () => {
    const hostile = '<img src=x onerror="alert(1)"><b>Ada</b>'
    await renderSignedIn({}, { firstName: hostile })
    expect(screen.getByRole('textbox', { name: /^First name/ })).toHaveValue(hostile)
    expect(root().querySelector('img, b')).toBeNull()
  })
})
