import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { LiteSubscribe, RegistrationScreenSet } from '../../../src'
import { loadFixture } from '../../support/fixtures'
import { callsOf, renderWithEmulator } from '../../support/renderScreenSet'

const root = () => document.querySelector('[data-screenset="lite"]') as HTMLElement
const API_KEY = '3_screensets_dev'

describe('<LiteSubscribe> against the in-process emulator', () => {
  it('offers every subscription as a checkbox labelled by its description, and subscribes (double opt-in pending)', async () => {
    const user = userEvent.setup()
    const { transport, calls } = await renderWithEmulator(<LiteSubscribe />)
    const email = await screen.findByLabelText(/^Email/)
    expect(root().dataset.screen).toBe('subscribe')
    expect(root().dataset.layout).toBe('stacked')
    expect(email).toHaveAttribute('name', 'profile.email')
    expect(email).toHaveAttribute('autocomplete', 'email')
    expect(screen.getByRole('checkbox', { name: 'Weekly newsletter' })).toHaveAttribute(
      'name',
      'subscriptions.newsletter.email.isSubscribed',
    )
    expect(screen.getByRole('checkbox', { name: 'Partner offers' })).toBeInTheDocument()
    expect(callsOf(calls, 'accounts.initRegistration')).toHaveLength(0)

    await user.type(email, 'reader@example.com')
    await waitFor(() => expect(callsOf(calls, 'accounts.initRegistration')).toHaveLength(1))
    expect(callsOf(calls, 'accounts.initRegistration')[0]?.params).toEqual({ isLite: true })
    await user.click(screen.getByRole('checkbox', { name: 'Weekly newsletter' }))
    await user.click(screen.getByRole('checkbox', { name: 'Terms of service' }))
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))

    await screen.findByRole('heading', { name: 'Thank you' })
    expect(root().dataset.screen).toBe('thank-you')
    expect(screen.getByRole('status')).toHaveTextContent('Please check your inbox to confirm your subscription')
    const [account] = await transport.emulator.store.listAccounts(API_KEY)
    expect(account).toMatchObject({
      kind: 'lite',
      profile: { email: 'reader@example.com' },
      subscriptions: { newsletter: { email: { isSubscribed: true, doubleOptIn: { status: 'Pending' } } } },
    })
    expect(account?.subscriptions).not.toHaveProperty('offers')
    expect(await transport.emulator.store.listOutbox(API_KEY)).toEqual([
      expect.objectContaining({ kind: 'double-opt-in', to: 'reader@example.com' }),
    ])
  })

  it('inline layout: email and button, subscribing to the listed subscriptions with their tags', async () => {
    const user = userEvent.setup()
    const { transport, calls } = await renderWithEmulator(
      <LiteSubscribe
        layout="inline"
        subscriptions={['offers']}
        tags={{ offers: ['footer'] }}
        fields={[]}
        showHeading={false}
      />,
    )
    await user.type(await screen.findByLabelText(/^Email/), 'footer@example.com')
    expect(screen.queryByRole('checkbox', { name: 'Partner offers' })).toBeNull()
    expect(screen.getByText('Subscribe to Partner offers')).toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: 'Terms of service' }))
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await screen.findByText('Thank you for subscribing!')
    expect(callsOf(calls, 'accounts.setAccountInfo')[0]?.params).toMatchObject({
      subscriptions: { offers: { email: { isSubscribed: true, tags: ['footer'] } } },
    })
    const [account] = await transport.emulator.store.listAccounts(API_KEY)
    expect(account?.subscriptions.offers?.email.doubleOptIn?.status).toBe('NotConfirmed')
  })

  it('updates the lite account an email already has, and says so', async () => {
    const user = userEvent.setup()
    const { client, transport } = await renderWithEmulator(<LiteSubscribe subscriptions={['offers']} />)
    const { regToken } = await client.initRegistration({ isLite: true })
    await client.setAccountInfo({ regToken, profile: { email: 'again@example.com' } })
    await user.type(await screen.findByLabelText(/^Email/), 'again@example.com')
    await user.click(screen.getByRole('checkbox', { name: 'Terms of service' }))
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await screen.findByText('Your subscriptions have been updated.')
    expect(await transport.emulator.store.listAccounts(API_KEY)).toHaveLength(1)
  })

  it('asks for at least one newsletter when several are offered', async () => {
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(<LiteSubscribe />)
    await user.type(await screen.findByLabelText(/^Email/), 'x@example.com')
    await user.click(screen.getByRole('checkbox', { name: 'Terms of service' }))
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Please choose at least one newsletter'))
    expect(callsOf(calls, 'accounts.setAccountInfo')).toHaveLength(0)
  })

  it('refuses an invalid email on the field, focused, without a request', async () => {
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(<LiteSubscribe subscriptions={['offers']} />)
    const email = await screen.findByLabelText(/^Email/)
    await user.type(email, 'not-an-email')
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await waitFor(() => expect(email).toHaveAccessibleDescription('Email address is invalid'))
    expect(email).toHaveFocus()
    expect(callsOf(calls, 'accounts.setAccountInfo')).toHaveLength(0)
  })

  it('puts server validation errors on their fields', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(<LiteSubscribe subscriptions={['offers']} />)
    override('accounts.setAccountInfo', () => ({
      errorCode: 400009,
      validationErrors: [{ errorCode: 400026, message: 'Email address is invalid', fieldName: 'profile.email' }],
    }))
    await user.type(await screen.findByLabelText(/^Email/), 'odd@example.com')
    await user.click(screen.getByRole('checkbox', { name: 'Terms of service' }))
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await waitFor(() => expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription('Email address is invalid'))
  })

  it.each([
    ['rate-limit', 'Too many attempts'],
    ['general-server-error', 'An error has occurred'],
  ])('shows %s on the form and keeps the input', async (fixture, text) => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(<LiteSubscribe subscriptions={['offers']} />)
    override('accounts.setAccountInfo', () => loadFixture(fixture))
    await user.type(await screen.findByLabelText(/^Email/), 'busy@example.com')
    await user.click(screen.getByRole('checkbox', { name: 'Terms of service' }))
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(text))
    expect(screen.getByLabelText(/^Email/)).toHaveValue('busy@example.com')
  })

  it('recovers from a network failure on retry, and sends once per submit', async () => {
    const user = userEvent.setup()
    const { override, calls, transport } = await renderWithEmulator(<LiteSubscribe subscriptions={['offers']} />)
    await user.type(await screen.findByLabelText(/^Email/), 'flaky@example.com')
    await user.click(screen.getByRole('checkbox', { name: 'Terms of service' }))
    override('accounts.setAccountInfo', () => Promise.reject(new TypeError('Failed to fetch')))
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('We could not reach the server'))
    let release: () => void = () => {}
    override(
      'accounts.setAccountInfo',
      (request) => new Promise((resolve) => (release = () => resolve(transport(request)))),
    )
    const button = screen.getByRole('button', { name: 'Subscribe' })
    await user.click(button)
    await waitFor(() => expect(button).toHaveAttribute('aria-busy', 'true'))
    await user.click(button)
    release()
    await screen.findByText('Thank you for subscribing!')
    expect(callsOf(calls, 'accounts.setAccountInfo')).toHaveLength(2)
  })

  it('asks for extra fields as optional, and sends them', async () => {
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(
      <LiteSubscribe subscriptions={['offers']} fields={['profile.firstName']} />,
    )
    const firstName = await screen.findByLabelText(/^First name/)
    expect(firstName).not.toHaveAttribute('aria-required')
    await user.type(screen.getByLabelText(/^Email/), 'named@example.com')
    await user.type(firstName, 'Nia')
    await user.click(screen.getByRole('checkbox', { name: 'Terms of service' }))
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await screen.findByRole('heading', { name: 'Thank you' })
    expect(callsOf(calls, 'accounts.setAccountInfo')[0]?.params).toMatchObject({
      profile: { email: 'named@example.com', firstName: 'Nia' },
    })
  })

  it('renews an expired lite token once, and never uses it for a full registration', async () => {
    const user = userEvent.setup()
    const onAfterSubmit = vi.fn()
    const { calls, clock } = await renderWithEmulator(
      <>
        <LiteSubscribe subscriptions={['offers']} onAfterSubmit={onAfterSubmit} />
        <RegistrationScreenSet />
      </>,
    )
    const [liteEmail, registrationEmail] = await screen.findAllByLabelText(/^Email/)
    await user.click(liteEmail as HTMLElement)
    await user.click(registrationEmail as HTMLElement)
    await waitFor(() => expect(callsOf(calls, 'accounts.initRegistration')).toHaveLength(2))
    expect(
      callsOf(calls, 'accounts.initRegistration')
        .map((call) => call.params.isLite ?? false)
        .sort(),
    ).toEqual([false, true])
    expect(callsOf(calls, 'accounts.getSchema')).toHaveLength(1)
    expect(callsOf(calls, 'accounts.getPolicies')).toHaveLength(1)

    await user.type(liteEmail as HTMLElement, 'late@example.com')
    const consents = screen.getAllByRole('checkbox', { name: 'Terms of service' })
    await user.click(consents[0] as HTMLElement)
    clock.now += 61 * 60 * 1000
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await screen.findByRole('heading', { name: 'Thank you' })
    expect(callsOf(calls, 'accounts.setAccountInfo')).toHaveLength(2)
    expect(String(callsOf(calls, 'accounts.setAccountInfo')[1]?.params.regToken)).toContain('_LTE_')
    expect(onAfterSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ screen: 'subscribe', response: expect.objectContaining({ errorCode: 0 }) }),
    )
  })

  it('translates subscription labels through labels and customLang', async () => {
    await renderWithEmulator(
      <LiteSubscribe
        labels={{ 'subscriptions.offers.email.isSubscribed': 'Angebote' }}
        customLang={{ 'subscriptions.newsletter': 'Wochenbrief', submit_subscribe: 'Abonnieren' }}
      />,
    )
    expect(await screen.findByRole('checkbox', { name: 'Angebote' })).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'Wochenbrief' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Abonnieren' })).toBeInTheDocument()
  })
})

describe('<LiteSubscribe> token reuse', () => {
  it('reuses one lite token for several subscriptions within its hour', async () => {
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(<LiteSubscribe subscriptions={['offers']} />)
    for (const address of ['one@example.com', 'two@example.com']) {
      await user.type(await screen.findByLabelText(/^Email/), address)
      await user.click(screen.getByRole('checkbox', { name: 'Terms of service' }))
      await user.click(screen.getByRole('button', { name: 'Subscribe' }))
      await screen.findByRole('heading', { name: 'Thank you' })
      await user.click(screen.getByRole('button', { name: 'Subscribe another address' }))
    }
    expect(callsOf(calls, 'accounts.setAccountInfo')).toHaveLength(2)
    expect(callsOf(calls, 'accounts.initRegistration')).toHaveLength(1)
  })
})
