import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import {
  AccountsProvider,
  LiteSubscribe,
  RegistrationScreenSet,
  createAccountsClient,
  type TextInputProps,
} from '../../src'
import '../../src/theme/styles.css'
import { createEmulatorTransport } from '../../src/testing'

/** A host's brand: tokens set on its own wrapper, and a rule of ordinary weight over ours. */
const HOST_CSS = `
  .brand { --rss-color-primary: #7b1fa2; --rss-radius: 0; --rss-font-family: Georgia, serif; }
  .brand label { letter-spacing: 0.05em; }
`

async function renderForm(ui: React.ReactElement) {
  const client = createAccountsClient({ transport: await createEmulatorTransport({ passwordHashIterations: 1000 }) })
  render(
    <AccountsProvider client={client}>
      <div data-shot="" style={{ padding: 24, width: 480, background: '#f6f7f9' }}>
        {ui}
      </div>
    </AccountsProvider>,
  )
  await screen.findAllByLabelText(/^Email/)
}

const style = (element: Element) => getComputedStyle(element)
const submit = (name = 'Create account') => screen.getByRole('button', { name })

afterEach(() => {
  cleanup()
  document.head.querySelectorAll('style[data-host]').forEach((element) => element.remove())
})

describe('theming in Chromium', () => {
  it('paints the default theme from the tokens', async () => {
    await renderForm(<RegistrationScreenSet />)
    expect(style(submit()).backgroundColor).toBe('rgb(10, 92, 194)')
    expect(style(document.querySelector('[data-screenset]') as Element).backgroundColor).toBe('rgb(255, 255, 255)')
    expect(Number.parseFloat(style(submit()).minHeight)).toBeGreaterThanOrEqual(24)
    await page.screenshot({
      path: '../../docs/screenshots/default.png',
      element: document.querySelector('[data-shot]') as Element,
    })
  })

  it('lets a host stylesheet override tokens and rules without !important', async () => {
    const host = document.createElement('style')
    host.dataset.host = ''
    host.textContent = HOST_CSS
    document.head.append(host)
    await renderForm(
      <div className="brand">
        <RegistrationScreenSet />
      </div>,
    )
    expect(style(submit()).backgroundColor).toBe('rgb(123, 31, 162)')
    expect(style(submit()).borderRadius).toBe('0px')
    expect(style(screen.getByText('First name', { selector: 'label' })).letterSpacing).not.toBe('normal')
    expect(style(submit()).fontFamily).toContain('Georgia')
    await page.screenshot({
      path: '../../docs/screenshots/custom-brand.png',
      element: document.querySelector('[data-shot]') as Element,
    })
  })

  it('has a dark scheme, chosen explicitly or by prefers-color-scheme', async () => {
    await renderForm(
      <>
        <RegistrationScreenSet colorScheme="dark" />
        <LiteSubscribe colorScheme="auto" subscriptions={['offers']} />
      </>,
    )
    const [registration, lite] = [...document.querySelectorAll('[data-screenset]')] as HTMLElement[]
    expect(style(registration as Element).backgroundColor).toBe('rgb(31, 32, 35)')
    expect(style(registration as Element).color).toBe('rgb(232, 234, 237)')
    const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches
    expect(style(lite as Element).backgroundColor).toBe(prefersDark ? 'rgb(31, 32, 35)' : 'rgb(255, 255, 255)')
    await page.screenshot({
      path: '../../docs/screenshots/dark.png',
      element: document.querySelector('[data-shot]') as Element,
    })
  })

  it('leaves everything to the host when unstyled', async () => {
    await renderForm(<RegistrationScreenSet unstyled />)
    expect(style(submit()).backgroundColor).not.toBe('rgb(10, 92, 194)')
  })

  it('keeps focus and error wiring on a replaced input part', async () => {
    function BrandInput({ inputProps, invalid }: TextInputProps) {
      return <input {...inputProps} className="brand-input" data-brand-invalid={invalid ? '' : undefined} />
    }
    await renderForm(<RegistrationScreenSet components={{ TextInput: BrandInput }} />)
    await userEvent.click(submit())
    const email = screen.getByLabelText(/^Email/) as HTMLInputElement
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
    expect(email).toHaveClass('brand-input')
    expect(email).toHaveAttribute('data-brand-invalid')
    expect(document.activeElement).toBe(email)
    const describedBy = document.getElementById(email.getAttribute('aria-describedby') ?? '')
    expect(describedBy?.textContent).toBe('This field is required')
  })
})
