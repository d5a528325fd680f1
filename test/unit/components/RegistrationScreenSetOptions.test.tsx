import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { RegistrationScreenSet, type TextInputProps } from '../../../src'
import { callsOf, renderWithEmulator } from '../../support/renderScreenSet'

const PASSWORD = 'Secret-123'
const COMPLETE = {
  profile: { firstName: 'Ada', zip: '10001' },
  data: { terms: true },
  preferences: { terms: { tos: { isConsentGranted: true } } },
}

describe('<RegistrationScreenSet> options', () => {
  it('says a taken email at once on blur when checkLoginIdAvailability is on, asking once per address', async () => {
    const user = userEvent.setup()
    const { client, calls } = await renderWithEmulator(<RegistrationScreenSet checkLoginIdAvailability />)
    const { regToken } = await client.initRegistration()
    await client.register({
      regToken,
      email: 'taken@example.com',
      password: PASSWORD,
      ...COMPLETE,
      finalizeRegistration: true,
    })
    const email = await screen.findByLabelText(/^Email/)
    await user.type(email, 'taken@example.com')
    await user.tab()
    await waitFor(() => expect(email).toHaveAccessibleDescription('This email is already registered'))
    await user.click(email)
    await user.tab()
    expect(callsOf(calls, 'accounts.isAvailableLoginID')).toHaveLength(1)
    await user.clear(email)
    await user.type(email, 'free@example.com')
    await user.tab()
    await waitFor(() => expect(callsOf(calls, 'accounts.isAvailableLoginID')).toHaveLength(2))
    expect(email).not.toHaveAttribute('aria-invalid')
  })

  it('never asks about availability unless enabled', async () => {
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(<RegistrationScreenSet />)
    await user.type(await screen.findByLabelText(/^Email/), 'someone@example.com')
    await user.tab()
    expect(callsOf(calls, 'accounts.isAvailableLoginID')).toHaveLength(0)
  })

  it('takes a login that finds the registration pending to complete-registration', async () => {
    const user = userEvent.setup()
    const { client } = await renderWithEmulator(<RegistrationScreenSet startScreen="login" />)
    const { regToken } = await client.initRegistration()
    await client
      .register({
        regToken,
        email: 'half@example.com',
        password: PASSWORD,
        profile: { firstName: 'Half' },
        finalizeRegistration: true,
      })
      .catch(() => undefined)
    await user.type(await screen.findByRole('textbox', { name: /Email|Login/ }), 'half@example.com')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Log in' }))
    await screen.findByRole('heading', { name: 'Almost done' })
    expect(screen.getByLabelText(/^ZIP code/)).toBeInTheDocument()
    expect(screen.queryByLabelText(/^First name/)).toBeNull()
  })

  it('reports field changes through onFieldChanged, never with the password', async () => {
    const user = userEvent.setup()
    const onFieldChanged = vi.fn()
    await renderWithEmulator(<RegistrationScreenSet onFieldChanged={onFieldChanged} />)
    await user.type(await screen.findByLabelText(/^ZIP code/), '1')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
    expect(onFieldChanged).toHaveBeenCalledWith(
      expect.objectContaining({ screen: 'register', field: 'profile.zip', value: '1' }),
    )
    expect(JSON.stringify(onFieldChanged.mock.calls)).not.toContain('Secret')
  })

  it('takes labels, customLang, classNames, unstyled and replacement parts', async () => {
    function BrandInput({ inputProps, invalid }: TextInputProps) {
      return <input {...inputProps} data-brand="" data-brand-invalid={invalid ? '' : undefined} />
    }
    const user = userEvent.setup()
    await renderWithEmulator(
      <RegistrationScreenSet
        labels={{ 'profile.firstName': 'Given name' }}
        customLang={{ 'profile.zip': 'Postcode', submit_register: 'Join', this_field_is_required: 'Needed' }}
        className="host"
        classNames={{ field: 'host-field', submit: 'host-submit' }}
        unstyled
        components={{ TextInput: BrandInput }}
      />,
    )
    const given = await screen.findByLabelText(/^Given name/)
    expect(given).toHaveAttribute('data-brand')
    expect(screen.getByLabelText(/^Postcode/)).toHaveAttribute('name', 'profile.zip')
    const root = document.querySelector('[data-screenset]') as HTMLElement
    expect(root).toHaveClass('host')
    expect(root).toHaveAttribute('data-unstyled')
    expect(document.querySelector('[data-field="profile.firstName"]')).toHaveClass('host-field')
    await user.click(screen.getByRole('button', { name: 'Join' }))
    await waitFor(() => expect(given).toHaveAccessibleDescription('Needed'))
    expect(given).toHaveAttribute('data-brand-invalid')
  })

  it('toggles the password between hidden and shown, keeping what was typed', async () => {
    const user = userEvent.setup()
    await renderWithEmulator(<RegistrationScreenSet />)
    const password = await screen.findByLabelText(/^Password/, { selector: 'input' })
    await user.type(password, PASSWORD)
    const [toggle] = screen.getAllByRole('button', { name: 'Show password' })
    await user.click(toggle as HTMLElement)
    expect(password).toHaveAttribute('type', 'text')
    expect(toggle).toHaveAttribute('aria-pressed', 'true')
    expect(password).toHaveValue(PASSWORD)
  })
})

describe('labels per language', () => {
  it('takes a language table over plain labels, and the catalog for the rest', async () => {
    await renderWithEmulator(
      <RegistrationScreenSet
        lang="de"
        labels={{ de: { 'profile.zip': 'PLZ' }, fr: { 'profile.zip': 'Code postal' }, 'profile.firstName': 'Rufname' }}
      />,
    )
    expect(await screen.findByLabelText(/^PLZ/)).toHaveAttribute('name', 'profile.zip')
    expect(screen.getByLabelText(/^Rufname/)).toHaveAttribute('name', 'profile.firstName')
    expect(screen.getByRole('button', { name: 'Konto erstellen' })).toBeInTheDocument()
    expect(document.querySelector('[data-screenset]')).toHaveAttribute('lang', 'de')
  })
})
