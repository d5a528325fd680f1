/**
 * Issue 8: an unexpected render error (here a host's part override that throws) becomes the
 * screen-set's error screen — DOM contract kept, `data-screen="error"`, a translated alert, the
 * host's `onError` told — and "Try again" renders the screen anew with everything typed still there.
 */
import { render, screen, waitFor } from '@testing-library/react'
import type { ReactElement } from 'react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  LiteSubscribe,
  RegistrationScreenSet,
  type CheckboxProps,
  type FormErrorProps,
  type ScreenHeadingProps,
} from '../../../src'
import { renderWithEmulator } from '../../support/renderScreenSet'

const root = (screenset: string) => document.querySelector(`[data-screenset="${screenset}"]`) as HTMLElement

/**
 * A part that throws while `broken` is set, and otherwise renders. (A part that throws only once
 * proves nothing: React renders again once by itself before it looks for a boundary.)
 */
function breakable<P>(render: (props: P) => ReactElement) {
  const state = { broken: true }
  function BreakablePart(props: P) {
    if (state.broken) throw new Error('part broke')
    return render(props)
  }
  return Object.assign(BreakablePart, { state })
}

beforeEach(() => {
  // React reports every caught render error on the console; the assertions below look at onError.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

describe('the screen-sets’ error boundary', () => {
  it('shows the error screen for a part that throws, tells onError, and recovers on "Try again"', async () => {
    const user = userEvent.setup()
    const onError = vi.fn()
    const ScreenHeading = breakable(({ id, children }: ScreenHeadingProps) => <h2 id={id}>{children}</h2>)
    await renderWithEmulator(<RegistrationScreenSet components={{ ScreenHeading }} onError={onError} />)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('An error has occurred. Please try again later.')
    expect(root('registration')).toHaveAttribute('data-screen', 'error')
    expect(root('registration')).toHaveAttribute('lang', 'en')
    expect(screen.queryByLabelText(/^Email/)).toBeNull()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith({
      screen: 'register',
      errorCode: 500001,
      errorMessage: 'Render error',
      errorDetails: 'part broke',
      error: expect.objectContaining({ message: 'part broke' }),
    })

    ScreenHeading.state.broken = false
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByLabelText(/^Email/)).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Create your account' })).toBeInTheDocument()
    expect(root('registration')).toHaveAttribute('data-screen', 'register')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('keeps what the user typed, and the form message, across the error and the retry', async () => {
    const user = userEvent.setup()
    const FormError = breakable(({ message }: FormErrorProps) => (
      <div role="alert" data-form-error="">
        {message}
      </div>
    ))
    await renderWithEmulator(<RegistrationScreenSet components={{ FormError }} />)
    await user.type(await screen.findByLabelText(/^Email/), 'ada@example.com')
    await user.type(screen.getByLabelText(/^First name/), 'Ada')
    // An incomplete form: the submit shows the form's message, and that part throws.
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(root('registration')).toHaveAttribute('data-screen', 'error'))
    expect(screen.getByRole('alert')).toHaveTextContent('An error has occurred')

    FormError.state.broken = false
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByLabelText(/^Email/)).toHaveValue('ada@example.com')
    expect(screen.getByLabelText(/^First name/)).toHaveValue('Ada')
    expect(screen.getByRole('alert')).toHaveTextContent('There are errors in your form')
  })

  it('shows the error screen again, without the broken part, while the part keeps throwing', async () => {
    const user = userEvent.setup()
    const onError = vi.fn()
    const FormError = breakable(() => <div />)
    await renderWithEmulator(<RegistrationScreenSet components={{ FormError }} onError={onError} />)
    await user.click(await screen.findByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(root('registration')).toHaveAttribute('data-screen', 'error'))
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(2))
    expect(root('registration')).toHaveAttribute('data-screen', 'error')
    expect(screen.getByRole('alert')).toHaveTextContent('An error has occurred')
  })

  it('guards <LiteSubscribe> the same way, in its language', async () => {
    const user = userEvent.setup()
    const onError = vi.fn()
    const Checkbox = breakable(({ inputProps }: CheckboxProps) => <input {...inputProps} type="checkbox" />)
    await renderWithEmulator(<LiteSubscribe components={{ Checkbox }} onError={onError} lang="de" />)

    await waitFor(() => expect(root('lite')).toHaveAttribute('data-screen', 'error'))
    expect(root('lite')).toHaveAttribute('lang', 'de')
    expect(root('lite')).toHaveAttribute('data-layout', 'stacked')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ screen: 'subscribe', errorCode: 500001 }))
    expect(screen.getByRole('alert')).toHaveTextContent('Ein Fehler ist aufgetreten.')
    Checkbox.state.broken = false
    await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }))
    expect(await screen.findByRole('button', { name: /abonnieren/i })).toBeInTheDocument()
    expect(root('lite')).toHaveAttribute('data-screen', 'subscribe')
  })

  it.each([
    ['registration', 'register', RegistrationScreenSet, /^Email/],
    ['lite', 'subscribe', LiteSubscribe, /^Email/],
  ] as const)(
    '<%s>: a host handler that throws from inside the hook shows the error screen, not a blank page',
    async (screenset, firstScreen, ScreenSet, emailLabel) => {
      const user = userEvent.setup()
      const onError = vi.fn()
      const handler = { broken: true }
      const onAfterScreenLoad = () => {
        if (handler.broken) throw new Error('host handler broke')
      }
      await renderWithEmulator(
        <>
          <ScreenSet onAfterScreenLoad={onAfterScreenLoad} onError={onError} />
          <p>The rest of the page</p>
        </>,
      )
      await waitFor(() => expect(root(screenset)).toHaveAttribute('data-screen', 'error'))
      expect(screen.getByRole('alert')).toHaveTextContent('An error has occurred. Please try again later.')
      expect(screen.getByText('The rest of the page')).toBeInTheDocument()
      expect(onError).toHaveBeenCalledWith(
        expect.objectContaining({ screen: firstScreen, errorCode: 500001, errorDetails: 'host handler broke' }),
      )

      handler.broken = false
      await user.click(screen.getByRole('button', { name: 'Try again' }))
      expect(await screen.findByLabelText(emailLabel)).toBeInTheDocument()
      expect(root(screenset)).toHaveAttribute('data-screen', firstScreen)
    },
  )

  it('stands aside outside a provider, so the developer sees what is missing', () => {
    expect(() => render(<RegistrationScreenSet />)).toThrow('must be used within `AccountsProvider`')
    expect(() => render(<LiteSubscribe />)).toThrow('must be used within `AccountsProvider`')
  })
})
