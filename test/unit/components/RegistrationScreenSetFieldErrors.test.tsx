import { QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AccountsProvider, createAccountsClient, RegistrationScreenSet } from '../../../src'
import { createEmulatorTransport, createMockTransport } from '../../../src/testing'
import { loadFixture } from '../../support/fixtures'
import { callsOf, renderWithEmulator, siteWithPolicies } from '../../support/renderScreenSet'
import { typeRegistration } from '../../support/typeRegistration'
import { PASSWORD } from '../../../scripts/defaultSiteForm.mjs'
import { watchChallenges } from './captchaKit'

const input = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLElement
const passwordInput = () => screen.getByLabelText(/^Password/, { selector: 'input' })
const root = () => document.querySelector('[data-screenset="registration"]') as HTMLElement
const logInInstead = () =>
  within(document.querySelector('[data-conflict]') as HTMLElement).getByRole('button', { name: 'Log in instead' })

const ENTRIES = {
  email: { errorCode: 400003, message: 'email already exists', fieldName: 'email' },
  password: { errorCode: 400009, message: 'Password does not meet complexity requirements', fieldName: 'password' },
  'profile.zip': { errorCode: 400026, message: 'Invalid zip', fieldName: 'profile.zip' },
  'data.terms': { errorCode: 400027, message: 'Terms must be accepted', fieldName: 'data.terms' },
}

describe('<RegistrationScreenSet> with every field error of one answer', () => {
  it.each([
    [['profile.zip', 'data.terms', 'password', 'email'] as const],
    [['data.terms', 'email', 'profile.zip', 'password'] as const],
  ])(
    'shows all four entries of a 400009 (server order %j) at once, focus on the first invalid field of the form',
    async (serverOrder) => {
      const user = userEvent.setup()
      const transport = createMockTransport({
        'accounts.getSchema': loadFixture('getSchema'),
        'accounts.getPolicies': loadFixture('getPolicies'),
        'accounts.initRegistration': loadFixture('initRegistration'),
        'accounts.register': {
          ...loadFixture('register-validation-error'),
          validationErrors: serverOrder.map((name) => ENTRIES[name]),
        },
      })
      render(
        <AccountsProvider
          client={createAccountsClient({ transport })}
          queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
        >
          <RegistrationScreenSet />
        </AccountsProvider>,
      )
      await typeRegistration(user)
      await user.click(screen.getByRole('button', { name: 'Create account' }))

      const email = screen.getByLabelText(/^Email/)
      await waitFor(() => expect(email).toHaveFocus())
      expect(email).toHaveAccessibleDescription('This email is already registered')
      expect(passwordInput()).toHaveAccessibleDescription(
        expect.stringContaining('Password does not meet complexity requirements'),
      )
      expect(screen.getByLabelText(/^ZIP code/)).toHaveAccessibleDescription('Invalid ZIP code')
      expect(screen.getByRole('checkbox', { name: 'Terms' })).toHaveAccessibleDescription('This field is required')
      for (const name of serverOrder) expect(input(name)).toHaveAttribute('aria-invalid', 'true')
      expect(logInInstead()).toBeInTheDocument()
      expect(screen.queryByRole('alert')).toBeNull()
    },
  )
})

describe('<RegistrationScreenSet> with a taken login ID (400009 / 400003)', () => {
  async function seed(client: Awaited<ReturnType<typeof renderWithEmulator>>['client'], loginIDs: object) {
    const { regToken } = await client.initRegistration()
    await client.register({
      regToken,
      ...loginIDs,
      password: PASSWORD,
      profile: { firstName: 'Tom', zip: '10001' },
      data: { terms: true },
      preferences: { terms: { tos: { isConsentGranted: true } } },
      finalizeRegistration: true,
    })
  }

  it('a taken user name: the message on the username field, "Log in instead" opens login with it filled in', async () => {
    const user = userEvent.setup()
    const site = siteWithPolicies({ accountOptions: { loginIdentifiers: 'email, username' } })
    // A browser may not read accountOptions: the page knows its login identifiers as configuration.
    const { client } = await renderWithEmulator(
      <RegistrationScreenSet />,
      { sites: [site] },
      { 'accounts.getPolicies': () => ({ errorCode: 0, ...site.policies }) },
    )
    await seed(client, { email: 'tom@example.com', username: 'tom' })
    await typeRegistration(user)
    await user.type(screen.getByLabelText(/^Username/), 'tom')
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    const username = screen.getByLabelText(/^Username/)
    await waitFor(() => expect(username).toHaveAccessibleDescription('This username is already taken'))
    expect(username).toHaveFocus()
    await user.click(logInInstead())
    await screen.findByRole('heading', { name: 'Log in' })
    expect(screen.getByRole('textbox', { name: /Email or username/ })).toHaveValue('tom')
  })

  it('a 403043 (an identity conflict, never a registration answer) still shows on the email with "Log in instead"', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(<RegistrationScreenSet />)
    override('accounts.register', () => loadFixture('socialLogin-login-identifier-exists'))
    await typeRegistration(user, { email: 'taken@example.com' })
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    const email = screen.getByLabelText(/^Email/)
    await waitFor(() => expect(email).toHaveAccessibleDescription('An account with this email already exists'))
    expect(email).toHaveFocus()
    await user.click(logInInstead())
    await screen.findByRole('heading', { name: 'Log in' })
    expect(screen.getByRole('textbox', { name: /Email/ })).toHaveValue('taken@example.com')
  })
})

describe('<RegistrationScreenSet> never leaves a policy requirement or a named field off the form', () => {
  it("shows the security question and the CAPTCHA the policy requires, even with the app's own fields", async () => {
    const user = userEvent.setup()
    const harness = await renderWithEmulator(
      <RegistrationScreenSet
        fields={['email', 'password', 'profile.firstName', 'profile.zip', 'data.terms', 'preferences.terms.tos']}
      />,
      { sites: [siteWithPolicies({ registration: { requireCaptcha: true, requireSecurityQuestion: true } })] },
    )
    const { calls } = harness
    const challenges = watchChallenges(harness)
    await user.type(await screen.findByLabelText(/^Email/), 'ada@example.com')
    await user.type(passwordInput(), PASSWORD)
    await user.type(screen.getByLabelText(/^First name/), 'Ada')
    await user.type(screen.getByLabelText(/^ZIP code/), '10001')
    await user.click(screen.getByRole('checkbox', { name: 'Terms' }))
    await user.click(screen.getByRole('checkbox', { name: /Terms of service/i }))
    await user.type(screen.getByLabelText(/^Security question/), 'First pet?')
    await user.type(screen.getByLabelText(/^Security answer/), 'Rex')
    await screen.findByRole('img', { name: /^CAPTCHA image/ })
    await user.type(screen.getByLabelText('Type the characters in the image'), await challenges.answer())
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(calls, 'accounts.register')[0]?.params).toMatchObject({
      secretQuestion: 'First pet?',
      secretAnswer: 'Rex',
      captchaToken: challenges.tokens[0],
      captchaText: await challenges.answer(),
    })
  })

  it('adds the fields a 400009 names that the form lacks, keeps what was typed, and leaves only the unrenderable to the form', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(
      <RegistrationScreenSet fields={['email', 'password', 'profile.firstName']} />,
    )
    await user.type(await screen.findByLabelText(/^Email/), 'ada@example.com')
    await user.type(passwordInput(), PASSWORD)
    await user.type(screen.getByLabelText(/^First name/), 'Ada')
    expect(screen.queryByLabelText(/^ZIP code/)).toBeNull()
    override('accounts.register', () => ({
      ...loadFixture('register-validation-error'),
      validationErrors: [
        { errorCode: 400025, message: 'Write access validation error', fieldName: 'profile.photoURL' },
        { errorCode: 400027, message: 'Terms must be accepted', fieldName: 'data.terms' },
        { errorCode: 400026, message: 'Invalid hat size', fieldName: 'data.hatSize' },
        { errorCode: 400026, message: 'Invalid zip', fieldName: 'profile.zip' },
      ],
    }))
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    const terms = await screen.findByRole('checkbox', { name: 'Terms' })
    await waitFor(() => expect(terms).toHaveFocus())
    expect(terms).toHaveAccessibleDescription('This field is required')
    expect(screen.getByLabelText(/^ZIP code/)).toHaveAccessibleDescription('Invalid ZIP code')
    expect(screen.getByRole('alert')).toHaveTextContent('Write access validation error. Invalid hat size')
    expect(screen.queryByLabelText(/photo/i)).toBeNull()
    expect(screen.getByLabelText(/^Email/)).toHaveValue('ada@example.com')
    expect(passwordInput()).toHaveValue(PASSWORD)

    override('accounts.register', undefined)
    await user.type(screen.getByLabelText(/^ZIP code/), '10001')
    await user.click(terms)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await screen.findByRole('heading', { name: 'Almost done' })
    expect(screen.queryByLabelText(/^ZIP code/)).toBeNull()
    expect(screen.getByRole('checkbox', { name: /Terms of service/i })).toBeInTheDocument()
  })

  it('adds the security question and answer when the server requires them and the page read older policies', async () => {
    const user = userEvent.setup()
    const lenient = await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} })
    const { calls } = await renderWithEmulator(
      <RegistrationScreenSet />,
      { sites: [siteWithPolicies({ registration: { requireSecurityQuestion: true } })] },
      { 'accounts.getPolicies': (request) => lenient(request) },
    )
    await typeRegistration(user)
    expect(screen.queryByLabelText(/^Security answer/)).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    const question = await screen.findByLabelText(/^Security question/)
    await waitFor(() => expect(question).toHaveFocus())
    expect(question).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText(/^Security answer/)).toHaveAttribute('aria-invalid', 'true')
    expect(screen.queryByRole('alert')).toBeNull()
    await user.type(question, 'First pet?')
    await user.type(screen.getByLabelText(/^Security answer/), 'Rex')
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(calls, 'accounts.register').at(-1)?.params).toMatchObject({ secretAnswer: 'Rex' })
  })

  it('on complete-registration too: a field the server names is added beside the missing ones', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(
      <RegistrationScreenSet fields={['email', 'password', 'profile.firstName']} />,
    )
    await user.type(await screen.findByLabelText(/^Email/), 'grace@example.com')
    await user.type(passwordInput(), PASSWORD)
    await user.type(screen.getByLabelText(/^First name/), 'Grace')
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await screen.findByRole('heading', { name: 'Almost done' })
    expect(root().dataset.screen).toBe('complete-registration')
    await user.type(screen.getByLabelText(/^ZIP code/), '10001')
    await user.click(screen.getByRole('checkbox', { name: 'Terms' }))
    await user.click(screen.getByRole('checkbox', { name: /Terms of service/i }))
    override('accounts.setAccountInfo', () => ({
      ...loadFixture('register-validation-error'),
      validationErrors: [{ errorCode: 400026, message: 'Invalid team', fieldName: 'data.favoriteTeam' }],
    }))
    await user.click(screen.getByRole('button', { name: 'Continue' }))

    const team = await screen.findByLabelText(/^Favorite team/)
    await waitFor(() => expect(team).toHaveFocus())
    expect(team).toHaveAccessibleDescription('Invalid Favorite team')
    expect(screen.getByLabelText(/^ZIP code/)).toHaveValue('10001')
  })
})
