import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ScreenSetComponents } from '../../../src'
import { createTranslator } from '../../../src/i18n'
import { registrationFields } from '../../../src/react/registrationFields'
import type { SitePolicies, SiteSchema } from '../../../src/schema'
import { DEFAULT_SITE } from '../../../src/testing'
import { renderScreens, root } from './fakeRegistrationApi'

const form = (name: string) => screen.getByRole('form', { name })
const strengthOf = (input: HTMLElement) =>
  input.closest('[data-field]')?.querySelector('[data-password-strength]') as HTMLElement | null

describe('the password screens', () => {
  it('forgot-password: the description, loginID, its submit and the way back to login', async () => {
    const user = userEvent.setup()
    const { goTo, onSubmit } = renderScreens({ screen: 'forgot-password' })
    await screen.findByRole('heading', { name: 'Forgot your password?' })
    const forgot = form('Forgot your password?')
    expect(within(forgot).getByText(/we will send you a link to choose a new password/)).toBeInTheDocument()
    const loginID = within(forgot).getByLabelText(/^Email/)
    expect(loginID).toHaveAttribute('name', 'loginID')
    expect(loginID).toHaveAttribute('autocomplete', 'username')
    await user.click(within(forgot).getByRole('button', { name: 'Send the link' }))
    expect(onSubmit).toHaveBeenCalledTimes(1)
    await user.click(within(forgot).getByRole('button', { name: 'Back to log in' }))
    expect(goTo).toHaveBeenCalledWith('login')
    expect(root().dataset.screen).toBe('forgot-password')
  })

  it('forgot-password with a security question: the question labels the answer, then the new password', async () => {
    const user = userEvent.setup()
    // Server text: shown as the words it is, never as markup.
    const question = 'Your <b>first</b> pet? <img src=x onerror="alert(1)">'
    const security = { question }
    const site = { schema: DEFAULT_SITE.schema as SiteSchema, policies: DEFAULT_SITE.policies as SitePolicies }
    const fields = registrationFields(site, { screen: 'forgot-password', missing: [], security }, [], {
      t: createTranslator('en'),
    })
    const { onSubmit } = renderScreens({ screen: 'forgot-password', state: { security }, fields })
    const forgot = await screen.findByRole('form', { name: 'Forgot your password?' })
    expect(within(forgot).getByText('Answer your security question and choose a new password.')).toBeInTheDocument()

    const answer = within(forgot).getByRole('textbox', { name: question })
    expect(answer).toHaveAttribute('name', 'secretAnswer')
    expect(answer).toHaveAttribute('aria-required', 'true')
    expect((answer as HTMLInputElement).labels?.[0]?.textContent).toBe(`${question} *`)
    expect(forgot.querySelector('b, img')).toBeNull()
    // The screen stays, so focus goes to the input its question names.
    expect(answer).toHaveFocus()

    const inputs = [...forgot.querySelectorAll('input')].map((input) => input.name)
    expect(inputs).toEqual(['loginID', 'secretAnswer', 'newPassword', 'passwordRetype'])
    const newPassword = within(forgot).getByLabelText(/^New password/, { selector: 'input' })
    expect(strengthOf(newPassword)).not.toBeNull()
    expect(within(forgot).getByLabelText(/^Confirm new password/, { selector: 'input' })).toHaveAttribute(
      'name',
      'passwordRetype',
    )
    expect(within(forgot).queryByText(/we will send you a link/)).toBeNull()
    await user.click(within(forgot).getByRole('button', { name: 'Save the new password' }))
    expect(onSubmit).toHaveBeenCalledTimes(1)
  })

  it('forgot-password-success: the text and the way back to login, no form', async () => {
    const user = userEvent.setup()
    const { goTo } = renderScreens({ screen: 'forgot-password-success' })
    await screen.findByRole('heading', { name: 'Check your inbox' })
    expect(screen.getByText(/It is valid for one hour/)).toBeInTheDocument()
    expect(screen.queryByRole('form')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Back to log in' }))
    expect(goTo).toHaveBeenCalledWith('login')
  })

  it('reset-password: the new password with the live checklist, its retype and the submit', async () => {
    const user = userEvent.setup()
    renderScreens({
      screen: 'reset-password',
      state: { reset: { token: 'T', invalid: false } },
      policies: { passwordComplexity: { minLength: 12, minCharGroups: 2 } },
    })
    const reset = await screen.findByRole('form', { name: 'Choose a new password' })
    const newPassword = within(reset).getByLabelText(/^New password/, { selector: 'input' })
    expect(newPassword).toHaveAttribute('name', 'newPassword')
    expect(newPassword).toHaveAttribute('autocomplete', 'new-password')
    const retype = within(reset).getByLabelText(/^Confirm new password/, { selector: 'input' })
    expect(retype).toHaveAttribute('name', 'passwordRetype')
    expect(strengthOf(retype)).toBeNull()

    // The checklist judges what is typed in newPassword, the field it sits under.
    const checklist = strengthOf(newPassword) as HTMLElement
    expect(newPassword.getAttribute('aria-describedby')).toContain(checklist.id)
    const lengthRule = within(checklist).getByText(/12/).closest('li') as HTMLElement
    expect(lengthRule).not.toHaveAttribute('data-met')
    await user.type(newPassword, 'correct-horse-battery')
    expect(lengthRule).toHaveAttribute('data-met')
    expect(within(reset).getByRole('button', { name: 'Save the new password' })).toHaveAttribute('type', 'submit')
  })

  it('reset-password with an expired, used or unknown link: no form, the message and "send a new link"', async () => {
    const user = userEvent.setup()
    const view = renderScreens({ screen: 'reset-password', state: { reset: { token: 'T', invalid: false } } })
    await screen.findByRole('form', { name: 'Choose a new password' })
    view.show({ screen: 'reset-password', state: { reset: { token: 'T', invalid: true } } })
    const alert = screen.getByRole('alert')
    expect(alert).toHaveAttribute('data-form-error')
    expect(alert).toHaveTextContent('Uh-oh, your link is not valid.')
    expect(screen.queryByRole('form')).toBeNull()
    expect(screen.queryByLabelText(/New password/)).toBeNull()
    // The form that had focus is gone: focus goes to the heading, as on a new screen.
    expect(screen.getByRole('heading', { name: 'Choose a new password' })).toHaveFocus()
    await user.click(within(alert).getByRole('button', { name: 'Send a new link' }))
    expect(view.goTo).toHaveBeenCalledWith('forgot-password')
    expect(root().dataset.screen).toBe('reset-password')
  })

  it('reset-password-success: the text and a button to log in', async () => {
    const user = userEvent.setup()
    const { goTo } = renderScreens({ screen: 'reset-password-success' })
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(screen.getByText('You can now log in with your new password.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Log in' }))
    expect(goTo).toHaveBeenCalledWith('login')
  })

  it('password-change-required: why, the current and new passwords, the checklist under the new one', async () => {
    renderScreens({ screen: 'password-change-required' })
    const change = await screen.findByRole('form', { name: 'Mandatory password change' })
    expect(within(change).getByText('For security reasons your password needs to be changed')).toBeInTheDocument()
    const current = within(change).getByLabelText(/^Current password/, { selector: 'input' })
    const newPassword = within(change).getByLabelText(/^New password/, { selector: 'input' })
    const retype = within(change).getByLabelText(/^Confirm new password/, { selector: 'input' })
    expect([current, newPassword, retype].map((input) => input.getAttribute('name'))).toEqual([
      'password',
      'newPassword',
      'passwordRetype',
    ])
    expect(current).toHaveAttribute('autocomplete', 'current-password')
    expect(strengthOf(current)).toBeNull()
    expect(strengthOf(newPassword)).not.toBeNull()
    expect(within(change).getByRole('button', { name: 'Change password' })).toHaveAttribute('type', 'submit')
  })

  it('passes every part through the `components` overrides and `classNames`', async () => {
    const components: Partial<ScreenSetComponents> = {
      ScreenHeading: ({ id, children }) => (
        <h3 id={id} tabIndex={-1} data-own-heading="">
          {children}
        </h3>
      ),
      FormError: ({ message, children }) => (
        <div role="alert" data-form-error="" data-own-error="">
          {message}
          {children}
        </div>
      ),
      SubmitButton: ({ pending, children, ...props }) => (
        <button {...props} type="submit" data-own-submit="" data-pending={pending ? '' : undefined}>
          {children}
        </button>
      ),
    }
    const classNames = { heading: 'h', description: 'd', link: 'l', formError: 'e', submit: 's', form: 'f' }
    const view = renderScreens({ screen: 'forgot-password', components, classNames })
    const heading = await screen.findByRole('heading', { level: 3, name: 'Forgot your password?' })
    expect(heading).toHaveAttribute('data-own-heading')
    expect(screen.getByRole('button', { name: 'Send the link' })).toHaveAttribute('data-own-submit')
    expect(screen.getByRole('form')).toHaveClass('f')
    expect(screen.getByText(/we will send you a link/)).toHaveClass('d')
    expect(screen.getByRole('button', { name: 'Back to log in' })).toHaveClass('l')

    view.show({ screen: 'reset-password', state: { reset: { token: 'T', invalid: true } }, components, classNames })
    expect(screen.getByRole('alert')).toHaveAttribute('data-own-error')
    expect(screen.getByRole('heading', { level: 3 })).toHaveFocus()
  })
})
