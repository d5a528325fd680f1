import { QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AccountsProvider, createAccountsClient, RegistrationScreenSet } from '../../../src'
import { createMockTransport } from '../../../src/testing'
import { callsOf, renderWithEmulator, siteWithPolicies } from '../../support/renderScreenSet'
import { typeRegistration } from '../../support/typeRegistration'
import { PASSWORD } from '../../../scripts/defaultSiteForm.mjs'
import { captchaImage, captchaInput, captchaWrapper, passwordInput, submit, watchChallenges } from './captchaKit'

const captchaSite = () => siteWithPolicies({ registration: { requireCaptcha: true } })
/** Failed logins count from the first: the second login of an account that failed once needs a CAPTCHA. */
const loginCaptchaSite = () => siteWithPolicies({ security: { captcha: { failedLoginThreshold: 1 } } })

afterEach(() => {
  vi.restoreAllMocks()
})

async function renderCaptchaSite() {
  const harness = await renderWithEmulator(<RegistrationScreenSet />, { sites: [captchaSite()] })
  return { ...harness, challenges: watchChallenges(harness) }
}

describe("<RegistrationScreenSet> with SAP's text CAPTCHA, against the emulator", () => {
  it('shows an image a person can solve, and registers with its token and the typed word', async () => {
    const user = userEvent.setup()
    const { calls, challenges } = await renderCaptchaSite()
    await typeRegistration(user)
    const image = await screen.findByRole('img', { name: 'CAPTCHA image: type the characters you see' })
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml/)
    const input = captchaInput()
    expect(input).toHaveAttribute('name', 'captchaText')
    expect(input).toHaveAttribute('autocomplete', 'off')
    expect(input).toHaveAttribute('aria-required', 'true')
    expect(captchaWrapper()).toContainElement(input)
    expect(screen.queryByRole('textbox', { name: /^CAPTCHA/ })).toBeNull()

    // The word as the person types it: letter case does not count at the emulator.
    const typed = (await challenges.answer()).toLowerCase()
    await user.type(input, typed)
    await user.click(submit())

    await screen.findByRole('heading', { name: 'You are registered' })
    const params = callsOf(calls, 'accounts.register')[0]?.params
    expect(params).toMatchObject({ captchaToken: challenges.tokens[0], captchaText: typed })
    expect(params).not.toHaveProperty('captchaType')
  })

  it('keeps the word out of every event, the query cache and the console', async () => {
    const user = userEvent.setup()
    const seen: unknown[] = []
    const record = (event: unknown) => void seen.push(event)
    const events = {
      onFieldChanged: record,
      onBeforeValidation: record,
      onAfterValidation: record,
      onBeforeSubmit: record,
      onSubmit: record,
      onAfterSubmit: record,
      onError: record,
    }
    const logged = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')]
    const harness = await renderWithEmulator(<RegistrationScreenSet {...events} />, { sites: [captchaSite()] })
    const challenges = watchChallenges(harness)
    await typeRegistration(user)
    await screen.findByRole('img', { name: /^CAPTCHA image/ })
    await user.type(captchaInput(), 'WRONG')
    await user.click(submit())
    await waitFor(() => expect(challenges.tokens).toHaveLength(2))
    await screen.findByRole('img', { name: /^CAPTCHA image/ })
    const answer = await challenges.answer()
    await user.type(captchaInput(), answer)
    await user.click(submit())
    await screen.findByRole('heading', { name: 'You are registered' })

    expect(seen.length).toBeGreaterThan(10)
    const everything = JSON.stringify([
      seen,
      harness.queryClient
        .getQueryCache()
        .getAll()
        .map((query) => [query.queryKey, query.state.data]),
      harness.queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => mutation.state.variables),
      logged.map((spy) => spy.mock.calls),
    ])
    for (const word of ['WRONG', answer]) expect(everything).not.toContain(word)
  })

  it('names the image by its purpose, never by its word', async () => {
    const { challenges } = await renderCaptchaSite()
    await screen.findByRole('img', { name: /^CAPTCHA image/ })
    const answer = await challenges.answer()
    expect(captchaImage().getAttribute('alt')?.toUpperCase()).not.toContain(answer)
    expect(document.body.textContent?.toUpperCase()).not.toContain(answer)
  })

  it('a wrong word (400021): the message on the CAPTCHA, a new image, the word cleared, everything else kept', async () => {
    const user = userEvent.setup()
    const { calls, challenges } = await renderCaptchaSite()
    await typeRegistration(user)
    await screen.findByRole('img', { name: /^CAPTCHA image/ })
    const firstImage = captchaImage().getAttribute('src')
    await user.type(captchaInput(), 'WRONG')
    await user.click(submit())

    await waitFor(() => expect(captchaInput()).toHaveAccessibleDescription(/^Please confirm you are not a robot/))
    expect(captchaInput()).toHaveAttribute('aria-invalid', 'true')
    expect(captchaWrapper()).toHaveAttribute('data-invalid')
    expect(callsOf(calls, 'accounts.register')).toHaveLength(1)
    await waitFor(() => expect(challenges.tokens).toHaveLength(2))
    await waitFor(() => expect(captchaImage().getAttribute('src')).not.toBe(firstImage))
    expect(captchaInput()).toHaveValue('')
    expect(screen.getByLabelText(/^Email/)).toHaveValue('ada@example.com')
    expect(passwordInput()).toHaveValue(PASSWORD)
    expect(screen.getByLabelText(/^ZIP code/)).toHaveValue('10001')

    await user.type(captchaInput(), await challenges.answer())
    expect(captchaWrapper()).not.toHaveAttribute('data-invalid')
    await user.click(submit())
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(calls, 'accounts.register')[1]?.params).toMatchObject({ captchaToken: challenges.tokens[1] })
  })

  it('refuses a submit without the word, on the CAPTCHA, and sends nothing', async () => {
    const user = userEvent.setup()
    const { calls } = await renderCaptchaSite()
    await typeRegistration(user)
    await screen.findByRole('img', { name: /^CAPTCHA image/ })
    await user.click(submit())

    await waitFor(() => expect(captchaInput()).toHaveAccessibleDescription(/^Please solve the CAPTCHA/))
    expect(captchaInput()).toHaveFocus()
    expect(callsOf(calls, 'accounts.register')).toHaveLength(0)
  })

  it('gives a new challenge from the keyboard', async () => {
    const user = userEvent.setup()
    const { challenges } = await renderCaptchaSite()
    await screen.findByRole('img', { name: /^CAPTCHA image/ })
    await user.type(captchaInput(), 'ABC')
    await user.tab({ shift: true })
    const button = screen.getByRole('button', { name: 'New challenge' })
    expect(button).toHaveFocus()
    expect(button).toHaveAttribute('type', 'button')

    await user.keyboard('{Enter}')
    await waitFor(() => expect(challenges.tokens).toHaveLength(2))
    expect(captchaInput()).toHaveValue('')
    await user.keyboard(' ')
    await waitFor(() => expect(challenges.tokens).toHaveLength(3))
    await screen.findByRole('img', { name: /^CAPTCHA image/ })
  })

  it('a 400009 naming captchaText is a wrong word too: its message on the CAPTCHA, a new challenge', async () => {
    const user = userEvent.setup()
    const { override, challenges } = await renderCaptchaSite()
    await typeRegistration(user)
    await screen.findByRole('img', { name: /^CAPTCHA image/ })
    await user.type(captchaInput(), 'WRONG')
    override('accounts.register', () => ({
      errorCode: 400009,
      errorMessage: 'Validation error',
      statusCode: 400,
      validationErrors: [
        {
          errorCode: 400027,
          message: "The characters you entered didn't match the word verification. Please try again",
          fieldName: 'captchaText',
        },
      ],
    }))
    await user.click(submit())
    await waitFor(() => expect(captchaInput()).toHaveAccessibleDescription(/^Please confirm you are not a robot/))
    await waitFor(() => expect(challenges.tokens).toHaveLength(2))
    expect(screen.getByLabelText(/^First name/)).toHaveValue('Ada')
  })

  it('shows the CAPTCHA with its message when the server asks for one the page did not know of (400021)', async () => {
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(
      <RegistrationScreenSet />,
      { sites: [captchaSite()] },
      {
        // Policies read before the site started to require a CAPTCHA.
        'accounts.getPolicies': () => ({ errorCode: 0, ...siteWithPolicies({}).policies }),
      },
    )
    await typeRegistration(user)
    expect(captchaWrapper()).toBeNull()
    await user.click(submit())

    await waitFor(() => expect(captchaInput()).toHaveAccessibleDescription(/^Please confirm you are not a robot/))
    expect(await screen.findByRole('img', { name: /^CAPTCHA image/ })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(callsOf(calls, 'accounts.register')).toHaveLength(1)
    expect(screen.getByLabelText(/^Email/)).toHaveValue('ada@example.com')
  })
})

describe('a login that needs a CAPTCHA after failed attempts', () => {
  it('401020 shows the CAPTCHA and keeps the inputs; 401021 says so with a new challenge; the right word logs in', async () => {
    const user = userEvent.setup()
    const harness = await renderWithEmulator(<RegistrationScreenSet startScreen="login" />, {
      sites: [loginCaptchaSite()],
    })
    const { client, calls } = harness
    const challenges = watchChallenges(harness)
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
    await expect(client.login({ loginID: 'lin@example.com', password: 'Wrong-123' })).rejects.toMatchObject({
      errorCode: 403042,
    })

    const loginID = await screen.findByLabelText(/^Email/)
    expect(captchaWrapper()).toBeNull()
    await user.type(loginID, 'lin@example.com')
    await user.type(passwordInput(), PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Log in' }))

    const input = await screen.findByLabelText('Type the characters in the image')
    await waitFor(() => expect(input).toHaveAccessibleDescription(/^Please solve the CAPTCHA/))
    await waitFor(() => expect(input).toHaveFocus())
    expect(loginID).toHaveValue('lin@example.com')
    expect(passwordInput()).toHaveValue(PASSWORD)
    expect(callsOf(calls, 'accounts.login').at(-1)?.params).not.toHaveProperty('captchaToken')

    await screen.findByRole('img', { name: /^CAPTCHA image/ })
    await user.type(input, 'WRONG')
    await user.click(screen.getByRole('button', { name: 'Log in' }))
    await waitFor(() => expect(captchaInput()).toHaveAccessibleDescription(/^The CAPTCHA was not solved/))
    await waitFor(() => expect(challenges.tokens).toHaveLength(2))
    expect(passwordInput()).toHaveValue(PASSWORD)

    await screen.findByRole('img', { name: /^CAPTCHA image/ })
    await user.type(captchaInput(), await challenges.answer())
    await user.click(screen.getByRole('button', { name: 'Log in' }))
    await screen.findByRole('heading', { name: 'You are registered' })
    expect(callsOf(calls, 'accounts.login').at(-1)?.params).toMatchObject({
      loginID: 'lin@example.com',
      captchaToken: challenges.tokens[1],
      captchaText: await challenges.answer(),
    })
  })
})

describe('a text CAPTCHA that cannot get a challenge (SAP without a configured provider)', () => {
  it('says so on the control and tells the developer to pass a provider', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const transport = createMockTransport({
      'accounts.getSchema': { errorCode: 0, profileSchema: { fields: {} } },
      'accounts.getPolicies': { errorCode: 0, registration: { requireCaptcha: true } },
    })
    const user = userEvent.setup()
    render(
      <AccountsProvider
        client={createAccountsClient({ transport })}
        queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
      >
        <RegistrationScreenSet />
      </AccountsProvider>,
    )
    const input = await screen.findByLabelText('Type the characters in the image')
    await waitFor(() => expect(input).toHaveAccessibleDescription(/^The CAPTCHA could not be loaded/))
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/pass a CAPTCHA provider/))

    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com')
    await user.type(passwordInput(), PASSWORD)
    await user.type(screen.getByLabelText(/^Confirm password/), PASSWORD)
    await user.type(input, 'ABC')
    await user.click(submit())
    await waitFor(() => expect(input).toHaveAccessibleDescription(/^The CAPTCHA could not be loaded/))
    expect(transport.calls.map((call) => call.method)).not.toContain('accounts.register')
    expect(within(captchaWrapper()).queryByRole('img')).toBeNull()
  })
})
