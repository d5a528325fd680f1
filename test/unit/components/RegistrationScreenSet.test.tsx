import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { RegistrationScreenSet } from '../../../src'
import { loadFixture } from '../../support/fixtures'
import { callsOf, renderWithEmulator, siteWithPolicies } from '../../support/renderScreenSet'
import { typeRegistration } from '../../support/typeRegistration'
import { PASSWORD } from '../../../scripts/defaultSiteForm.mjs'

const root = () => document.querySelector('[data-screenset="registration"]') as HTMLElement

describe('<RegistrationScreenSet> against the in-process emulator', () => {
  it('shows a loading state, then the fields the schema requires, with the DOM contract', async () => {
    const { calls } = await renderWithEmulator(<RegistrationScreenSet />)
    expect(root().dataset.screen).toBe('register')
    expect(screen.getByRole('status')).toHaveTextContent('Loading')
    const email = await screen.findByLabelText(/^Email/)
    expect(email).toHaveAttribute('name', 'email')
    expect(email).toHaveAttribute('autocomplete', 'email')
    expect(email).toHaveAttribute('aria-required', 'true')
    expect(screen.getByLabelText(/^Password/, { selector: 'input' })).toHaveAttribute('autocomplete', 'new-password')
    expect(screen.getByLabelText(/^First name/)).toHaveAttribute('autocomplete', 'given-name')
    expect(screen.getByLabelText(/^ZIP code/)).toHaveAttribute('name', 'profile.zip')
    expect(screen.getByRole('checkbox', { name: /Terms of service/i })).toHaveAttribute(
      'name',
      'preferences.terms.tos.isConsentGranted',
    )
    expect(screen.queryByLabelText(/photo/i)).toBeNull()
    expect(screen.getByRole('button', { name: 'Create account' })).toHaveAttribute('type', 'submit')
    expect(callsOf(calls, 'accounts.getSchema')).toHaveLength(1)
    expect(callsOf(calls, 'accounts.getPolicies')).toHaveLength(1)
    expect(callsOf(calls, 'accounts.initRegistration')).toHaveLength(0)
  })

  it('fetches the regToken on first interaction, not on load, and submits with one more request', async () => {
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(<RegistrationScreenSet />)
    await user.click(await screen.findByLabelText(/^Email/))
    await waitFor(() => expect(callsOf(calls, 'accounts.initRegistration')).toHaveLength(1))
    await typeRegistration(user)
    const before = calls.length
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(root().dataset.screen).toBe('success')
    expect(calls.slice(before).map((call) => call.method)).toEqual(['accounts.register'])
    expect(callsOf(calls, 'accounts.initRegistration')).toHaveLength(1)
  })

  it('validates on the client first: messages on fields, ARIA wiring, focus on the first error, nothing sent', async () => {
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(<RegistrationScreenSet />)
    await user.type(await screen.findByLabelText(/^Email/), 'not-an-email')
    await user.type(screen.getByLabelText(/^ZIP code/), '123')
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    const email = screen.getByLabelText(/^Email/)
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
    expect(email).toHaveAccessibleDescription('Email address is invalid')
    expect(email).toHaveFocus()
    expect(screen.getByLabelText(/^ZIP code/)).toHaveAccessibleDescription('Invalid ZIP code')
    expect(screen.getByLabelText(/^First name/)).toHaveAccessibleDescription('This field is required')
    expect(document.querySelector('[data-field="profile.zip"]')).toHaveAttribute('data-invalid')
    expect(screen.getByRole('alert')).toHaveTextContent('There are errors in your form')
    expect(callsOf(calls, 'accounts.register')).toHaveLength(0)

    await user.clear(screen.getByLabelText(/^ZIP code/))
    await user.type(screen.getByLabelText(/^ZIP code/), '10001')
    await waitFor(() => expect(screen.getByLabelText(/^ZIP code/)).not.toHaveAttribute('aria-invalid'))
  })

  it('puts each server validation error on its field and keeps what the user typed', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(<RegistrationScreenSet />)
    await screen.findByLabelText(/^Email/)
    override('accounts.register', () => loadFixture('register-validation-error'))
    await typeRegistration(user)
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    await waitFor(() =>
      expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription('This email is already registered'),
    )
    expect(screen.getByLabelText(/^Password/, { selector: 'input' })).toHaveAccessibleDescription(
      expect.stringContaining('Password does not meet complexity requirements'),
    )
    expect(screen.getByLabelText(/^ZIP code/)).toHaveAccessibleDescription('Invalid ZIP code')
    expect(screen.getByLabelText(/^Email/)).toHaveFocus()
    expect(screen.getByLabelText(/^Email/)).toHaveValue('ada@example.com')
    expect(screen.getByLabelText(/^ZIP code/)).toHaveValue('10001')
    expect(screen.getByLabelText(/^Password/, { selector: 'input' })).toHaveValue(PASSWORD)
  })

  it('shows a taken email on the email field with "log in instead", which opens login with it filled in', async () => {
    const user = userEvent.setup()
    const { client } = await renderWithEmulator(<RegistrationScreenSet />)
    const { regToken } = await client.initRegistration()
    await client.register({
      regToken,
      email: 'taken@example.com',
      password: PASSWORD,
      profile: { firstName: 'Tom', zip: '10001' },
      data: { terms: true },
      preferences: { terms: { tos: { isConsentGranted: true } } },
      finalizeRegistration: true,
    })
    await screen.findByLabelText(/^Email/)
    await typeRegistration(user, { email: 'taken@example.com' })
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    await waitFor(() =>
      expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription('This email is already registered'),
    )
    expect(screen.getByLabelText(/^Email/)).toHaveFocus()
    await user.click(
      within(document.querySelector('[data-conflict]') as HTMLElement).getByRole('button', { name: 'Log in instead' }),
    )
    await screen.findByRole('heading', { name: 'Log in' })
    expect(root().dataset.screen).toBe('login')
    expect(screen.getByRole('textbox', { name: /Email|Login/ })).toHaveValue('taken@example.com')
  })

  it('goes to complete-registration with only the missing fields, then to success', async () => {
    const user = userEvent.setup()
    const { transport } = await renderWithEmulator(
      <RegistrationScreenSet fields={['email', 'password', 'profile.firstName']} />,
    )
    await user.type(await screen.findByLabelText(/^Email/), 'grace@example.com')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
    await user.type(screen.getByLabelText(/^First name/), 'Grace')
    expect(screen.queryByLabelText(/^ZIP code/)).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    await screen.findByRole('heading', { name: 'Almost done' })
    expect(root().dataset.screen).toBe('complete-registration')
    expect(screen.getByRole('heading', { name: 'Almost done' })).toHaveFocus()
    expect(screen.queryByLabelText(/^Email/)).toBeNull()
    expect(screen.queryByLabelText(/^First name/)).toBeNull()
    await user.type(screen.getByLabelText(/^ZIP code/), '10001')
    await user.click(screen.getByRole('checkbox', { name: 'Terms' }))
    await user.click(screen.getByRole('checkbox', { name: /Terms of service/i }))
    await user.click(screen.getByRole('button', { name: 'Continue' }))

    await screen.findByRole('heading', { name: 'You are registered' })
    const [account] = await transport.emulator.store.listAccounts('3_screensets_dev')
    expect(account).toMatchObject({
      isRegistered: true,
      profile: { email: 'grace@example.com', firstName: 'Grace', zip: '10001' },
    })
  })

  it('shows verification-pending with the email, and resends it', async () => {
    const user = userEvent.setup()
    const { transport } = await renderWithEmulator(<RegistrationScreenSet />, {
      sites: [siteWithPolicies({ accountOptions: { verifyEmail: true } })],
    })
    await screen.findByLabelText(/^Email/)
    await typeRegistration(user, { email: 'verify@example.com' })
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    await screen.findByRole('heading', { name: 'Check your inbox' })
    expect(root().dataset.screen).toBe('verification-pending')
    expect(screen.getByText(/verify@example\.com/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Resend the email' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('We sent the email again.'))
    expect(await transport.emulator.store.listOutbox('3_screensets_dev')).toHaveLength(2)
  })

  it('shows a network failure on the form, keeps the input, and succeeds on retry', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(<RegistrationScreenSet />)
    await screen.findByLabelText(/^Email/)
    await typeRegistration(user)
    override('accounts.register', () => Promise.reject(new TypeError('Failed to fetch')))
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('We could not reach the server'))
    expect(screen.getByLabelText(/^Email/)).toHaveValue('ada@example.com')
    override('accounts.register', undefined)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await screen.findByRole('heading', { name: 'You are registered' })
  })

  it.each([
    ['rate-limit', 'Too many attempts'],
    ['general-server-error', 'An error has occurred'],
  ])('shows %s as a form error', async (fixture, text) => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(<RegistrationScreenSet />)
    await screen.findByLabelText(/^Email/)
    override('accounts.register', () => loadFixture(fixture))
    await typeRegistration(user)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(text))
    expect(screen.getByLabelText(/^First name/)).toHaveValue('Ada')
  })

  it.each([
    [
      {
        errorCode: 400002,
        errorMessage: 'Missing required parameter',
        errorDetails: 'Missing required parameter: regToken',
      },
      'Missing required parameter: regToken',
    ],
    [
      {
        errorCode: 400020,
        errorMessage: 'Schema validation failed',
        errorDetails: 'Field data.x is not in the schema',
      },
      'Field data.x is not in the schema',
    ],
    [
      {
        errorCode: 400025,
        errorMessage: 'Write access validation error',
        errorDetails: 'Field profile.photoURL cannot be written by a client',
      },
      'cannot be written by a client',
    ],
    [{ errorCode: 400093, errorMessage: 'Invalid ApiKey parameter' }, 'site configuration error'],
    [{ errorCode: 403044, errorMessage: 'Under age user' }, 'you cannot register at this time'],
    [{ errorCode: 409030, errorMessage: 'Too many concurrent requests' }, 'Too many concurrent requests'],
    [{ errorCode: 504002, errorMessage: 'Request timeout' }, 'took too long to answer'],
    [{ errorCode: 504001, errorMessage: 'Timeout' }, 'took too long to answer'],
  ])('shows error %j on the form, keeping the input', async (body, text) => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(<RegistrationScreenSet />)
    await screen.findByLabelText(/^Email/)
    override('accounts.register', () => body)
    await typeRegistration(user)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(text))
    expect(screen.getByLabelText(/^Email/)).toHaveValue('ada@example.com')
  })

  it('renews an expired regToken once, transparently', async () => {
    const user = userEvent.setup()
    const { calls, clock } = await renderWithEmulator(<RegistrationScreenSet />)
    await user.click(await screen.findByLabelText(/^Email/))
    await waitFor(() => expect(callsOf(calls, 'accounts.initRegistration')).toHaveLength(1))
    await typeRegistration(user)
    clock.now += 61 * 60 * 1000
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(calls, 'accounts.initRegistration')).toHaveLength(2)
    expect(callsOf(calls, 'accounts.register')).toHaveLength(2)
  })

  it('sends nothing on a second click while the first submit runs', async () => {
    const user = userEvent.setup()
    const { calls, override, transport } = await renderWithEmulator(<RegistrationScreenSet />)
    await screen.findByLabelText(/^Email/)
    await typeRegistration(user)
    let release: () => void = () => {}
    override('accounts.register', (request) => new Promise((resolve) => (release = () => resolve(transport(request)))))
    const button = screen.getByRole('button', { name: 'Create account' })
    await user.click(button)
    await waitFor(() => expect(button).toHaveAttribute('aria-busy', 'true'))
    expect(button).toHaveAttribute('data-pending')
    await user.click(button)
    await user.click(button)
    release()
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(calls, 'accounts.register')).toHaveLength(1)
  })

  it('shows the schema load failure with a retry that recovers', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(
      <RegistrationScreenSet />,
      {},
      { 'accounts.getSchema': () => '<html>Bad Gateway</html>' },
    )
    await waitFor(() => expect(root().dataset.screen).toBe('error'))
    expect(screen.getByRole('alert')).toHaveTextContent('could not be loaded')
    override('accounts.getSchema', undefined)
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await screen.findByLabelText(/^Email/)
  })

  it('treats a schema answer without any schema part as a load failure, not as an empty site', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(
      <RegistrationScreenSet />,
      {},
      { 'accounts.getSchema': () => ({ errorCode: 0, statusCode: 200 }) },
    )
    await waitFor(() => expect(root().dataset.screen).toBe('error'))
    expect(screen.getByRole('alert')).toHaveTextContent('could not be loaded')
    expect(screen.queryByLabelText(/^Email/)).toBeNull()
    override('accounts.getSchema', undefined)
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await screen.findByLabelText(/^Email/)
  })

  it('renders server text as text, never as HTML', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(<RegistrationScreenSet />)
    await screen.findByLabelText(/^Email/)
    override('accounts.register', () => ({
      errorCode: 400999,
      errorMessage: 'x',
      errorDetails: '<img src=x onerror="window.pwned=1">Bad',
    }))
    await typeRegistration(user)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('<img src=x onerror="window.pwned=1">Bad'))
    expect(document.querySelector('[data-form-error] img')).toBeNull()
  })

  it('logs in from the login screen; a wrong password is a form error', async () => {
    const user = userEvent.setup()
    const { client } = await renderWithEmulator(<RegistrationScreenSet startScreen="login" />)
    const { regToken } = await client.initRegistration()
    await client.register({
      regToken,
      email: 'lin@example.com',
      password: PASSWORD,
      profile: { firstName: 'Lin', zip: '10001' },
      data: { terms: true },
      preferences: { terms: { tos: { isConsentGranted: true } } },
      finalizeRegistration: true,
    })
    expect(root().dataset.screen).toBe('login')
    await user.type(await screen.findByLabelText(/^Email|^Login/), 'lin@example.com')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'Wrong-123')
    await user.click(screen.getByRole('button', { name: 'Log in' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Invalid login or password'))
    await user.clear(screen.getByLabelText(/^Password/, { selector: 'input' }))
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Log in' }))
    await screen.findByRole('heading', { name: 'You are registered' })
  })

  it('fires the screen-set events with their payloads and honours cancel and edits', async () => {
    const user = userEvent.setup()
    const onBeforeValidation = vi
      .fn()
      .mockResolvedValueOnce({ 'profile.zip': 'We do not deliver there' })
      .mockResolvedValue(undefined)
    const onBeforeSubmit = vi.fn().mockReturnValueOnce(false).mockReturnValue(undefined)
    const onSubmit = vi.fn(({ formModel }: { formModel: Record<string, unknown> }) => {
      ;(formModel.profile as Record<string, unknown>).lastName = 'Lovelace'
    })
    const onAfterSubmit = vi.fn()
    const onAfterScreenLoad = vi.fn()
    const onHide = vi.fn()
    const { calls } = await renderWithEmulator(
      <RegistrationScreenSet
        onBeforeValidation={onBeforeValidation}
        onBeforeSubmit={onBeforeSubmit}
        onSubmit={onSubmit}
        onAfterSubmit={onAfterSubmit}
        onAfterScreenLoad={onAfterScreenLoad}
        onHide={onHide}
        fields={[
          'email',
          'password',
          'passwordRetype',
          'profile.firstName',
          'profile.lastName',
          'profile.zip',
          'data.terms',
          'preferences.terms.tos',
        ]}
      />,
    )
    await screen.findByLabelText(/^Email/)
    expect(onAfterScreenLoad).toHaveBeenCalledWith({ currentScreen: 'register' })
    await typeRegistration(user)
    const submit = screen.getByRole('button', { name: 'Create account' })

    await user.click(submit)
    await waitFor(() =>
      expect(screen.getByLabelText(/^ZIP code/)).toHaveAccessibleDescription('We do not deliver there'),
    )
    expect(onBeforeValidation.mock.calls[0]?.[0]).toMatchObject({
      screen: 'register',
      formData: { email: 'ada@example.com', 'profile.zip': '10001' },
    })
    expect(JSON.stringify(onBeforeValidation.mock.calls)).not.toContain(PASSWORD)

    await user.click(submit)
    await waitFor(() => expect(onBeforeSubmit).toHaveBeenCalledTimes(1))
    expect(callsOf(calls, 'accounts.register')).toHaveLength(0)

    await user.click(submit)
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(JSON.stringify(onSubmit.mock.calls)).not.toContain(PASSWORD)
    expect(callsOf(calls, 'accounts.register')[0]?.params).toMatchObject({
      profile: { lastName: 'Lovelace' },
      password: PASSWORD,
    })
    expect(onAfterSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ screen: 'register', response: expect.objectContaining({ errorCode: 0 }) }),
    )
    expect(onHide).toHaveBeenCalledWith({ reason: 'finished' })
  })

  it('leaves no password in the query or mutation caches after a flow', async () => {
    const user = userEvent.setup()
    const { queryClient } = await renderWithEmulator(<RegistrationScreenSet />)
    await screen.findByLabelText(/^Email/)
    await typeRegistration(user)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await screen.findByRole('heading', { name: 'You are registered' })
    await new Promise((resolve) => setTimeout(resolve, 10))
    const cached = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => [query.queryKey, query.state.data]),
      queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => mutation.state),
    ])
    expect(cached).not.toContain(PASSWORD)
    expect(queryClient.getMutationCache().getAll()).toHaveLength(0)
  })

  it('shares one getSchema and one getPolicies request between two screen-sets', async () => {
    const { calls } = await renderWithEmulator(
      <>
        <RegistrationScreenSet />
        <RegistrationScreenSet startScreen="login" />
      </>,
    )
    await waitFor(() => expect(screen.getAllByLabelText(/^Password/, { selector: 'input' })).toHaveLength(2))
    expect(callsOf(calls, 'accounts.getSchema')).toHaveLength(1)
    expect(callsOf(calls, 'accounts.getPolicies')).toHaveLength(1)
    const [first] = screen.getAllByRole('form')
    expect(within(first as HTMLElement).getByLabelText(/^Email/).id).not.toBe(
      screen.getAllByLabelText(/^Password/, { selector: 'input' })[1]?.id,
    )
  })
})
