import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderScreens, root } from './fakeRegistrationApi'

const verification = { verification: { emails: ['ada@example.com'] } }

afterEach(() => {
  vi.useRealTimers()
})

describe('the verification screens', () => {
  it('verification-pending keeps its markup: heading, the email, resend and its status', async () => {
    const user = userEvent.setup()
    const view = renderScreens({ screen: 'verification-pending', state: verification })
    const heading = await screen.findByRole('heading', { name: 'Check your inbox' })
    expect(root().firstElementChild).toBe(heading)
    expect(screen.getByText(/We sent a verification link to ada@example.com/)).toBeInTheDocument()
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
    await user.click(screen.getByRole('button', { name: 'Resend the email' }))
    expect(view.resendVerification).toHaveBeenCalledTimes(1)
    view.show({
      screen: 'verification-pending',
      state: verification,
      resendState: { status: 'sending' },
    })
    expect(screen.getByRole('button', { name: 'Resend the email' })).toBeDisabled()
  })

  it('verification-sent: the new link went to the email; resend says how it went', async () => {
    const view = renderScreens({ screen: 'verification-sent', state: verification })
    await screen.findByRole('heading', { name: 'We sent you an email' })
    expect(screen.getByText(/We sent a new verification link to ada@example.com/)).toBeInTheDocument()
    view.show({
      screen: 'verification-sent',
      state: verification,
      resendState: { status: 'sent', message: 'We sent the email again.' },
    })
    expect(screen.getByRole('status')).toHaveTextContent('We sent the email again.')
  })

  it('email-code-verification: the email, the code input, its submit, the resend status', async () => {
    const user = userEvent.setup()
    const view = renderScreens({ screen: 'email-code-verification', state: verification })
    const verify = await screen.findByRole('form', { name: 'Verify your email' })
    expect(within(verify).getByText(/We sent a code to ada@example.com/)).toBeInTheDocument()
    const code = within(verify).getByLabelText(/^Verification code/)
    expect(code).toHaveAttribute('name', 'code')
    expect(code).toHaveAttribute('autocomplete', 'one-time-code')
    expect(code).toHaveAttribute('inputmode', 'numeric')
    await user.click(within(verify).getByRole('button', { name: 'Verify' }))
    expect(view.onSubmit).toHaveBeenCalledTimes(1)
    // No cool-down known: the button may be pressed.
    await user.click(within(verify).getByRole('button', { name: 'Send a new code' }))
    expect(view.resendVerification).toHaveBeenCalledTimes(1)
    view.show({
      screen: 'email-code-verification',
      state: verification,
      resendState: { status: 'failed', message: 'You have requested too many codes.' },
    })
    expect(screen.getByRole('status')).toHaveTextContent('You have requested too many codes.')
  })

  it('waits out the cool-down: seconds left as plain text each second, one polite word when it is over', async () => {
    const view = renderScreens({ screen: 'email-code-verification', state: verification })
    await screen.findByRole('heading', { name: 'Verify your email' })
    // The screen's code is loaded; now the clock is ours.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const sentAt = Date.now()
    act(() =>
      view.show({
        screen: 'email-code-verification',
        state: verification,
        resendState: { status: 'idle', availableAt: sentAt + 3_000 },
      }),
    )
    act(() => vi.advanceTimersByTime(0))
    const resend = screen.getByRole('button', { name: 'Send a new code' })
    const status = screen.getByRole('status')
    expect(resend).toBeDisabled()
    expect(screen.getByText('You can ask for a new code in 3 seconds')).toBeInTheDocument()
    expect(resend).toHaveAccessibleDescription('You can ask for a new code in 3 seconds')
    // The countdown is in no live region: a screen reader would read it out every second.
    expect(screen.getByText(/You can ask for a new code in/).closest('[role="status"], [aria-live]')).toBeNull()
    expect(status).toBeEmptyDOMElement()

    act(() => vi.advanceTimersByTime(1_000))
    expect(screen.getByText('You can ask for a new code in 2 seconds')).toBeInTheDocument()
    expect(status).toBeEmptyDOMElement()
    act(() => vi.advanceTimersByTime(1_000))
    expect(screen.getByText('You can ask for a new code in 1 seconds')).toBeInTheDocument()
    act(() => vi.advanceTimersByTime(1_000))
    expect(resend).toBeEnabled()
    expect(screen.queryByText(/You can ask for a new code in/)).toBeNull()
    expect(status).toHaveTextContent('Send a new code')

    // A resend starts a new wait; its outcome is what the status says then.
    act(() =>
      view.show({
        screen: 'email-code-verification',
        state: verification,
        resendState: { status: 'sent', message: 'We sent a new code.', availableAt: Date.now() + 30_000 },
      }),
    )
    act(() => vi.advanceTimersByTime(0))
    expect(resend).toBeDisabled()
    expect(status).toHaveTextContent('We sent a new code.')
    expect(screen.getByText('You can ask for a new code in 30 seconds')).toBeInTheDocument()
  })

  it('says nothing when the wait was over before the screen showed', async () => {
    const view = renderScreens({ screen: 'email-code-verification', state: verification })
    await screen.findByRole('heading', { name: 'Verify your email' })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    act(() =>
      view.show({
        screen: 'email-code-verification',
        state: verification,
        resendState: { status: 'idle', availableAt: Date.now() - 1 },
      }),
    )
    act(() => vi.advanceTimersByTime(5_000))
    expect(screen.getByRole('button', { name: 'Send a new code' })).toBeEnabled()
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })
})

describe('lite-progression', () => {
  it('greets the subscriber by the email they gave, over the register fields, with the checklist', async () => {
    renderScreens({ screen: 'lite-progression', state: { prefill: { email: 'lite@example.com' } } })
    const progression = screen.getByRole('form', { name: 'Complete your account' })
    expect(root().dataset.screen).toBe('lite-progression')
    expect(within(progression).getByText(/You already receive our emails at lite@example.com/)).toBeInTheDocument()
    const password = within(progression).getByLabelText(/^Password/, { selector: 'input' })
    expect(password.closest('[data-field]')?.querySelector('[data-password-strength]')).not.toBeNull()
    expect(within(progression).getByLabelText(/^First name/)).toHaveAttribute('name', 'profile.firstName')
    expect(within(progression).getByRole('button', { name: 'Create account' })).toHaveAttribute('type', 'submit')
  })
})
