import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { RegistrationScreenSet } from '../src'
import { emulatorLoader, withEmulator } from './emulatorStory'
import { envelope, fixture } from './fixtures'

/**
 * Forgot / reset password and the password change a login may require (FLOWS.md §3, §4). Their code
 * loads on demand: each story passes through the "Loading the next step…" status once.
 */
const meta = {
  title: 'Components/RegistrationScreenSet/Password screens',
  component: RegistrationScreenSet,
  decorators: [withEmulator],
  loaders: [emulatorLoader],
} satisfies Meta<typeof RegistrationScreenSet>

export default meta
type Story = StoryObj<typeof meta>

const NEW_PASSWORD = 'Newer-Secret-456'

/** From the login screen, with the email typed, to forgot-password. */
async function openForgotPassword(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText(/^Email/), 'ada@example.com')
  await userEvent.click(canvas.getByRole('button', { name: 'Forgot password?' }))
  await canvas.findByRole('heading', { name: 'Forgot your password?' })
  return canvas
}

async function chooseNewPassword(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText(/^New password/, { selector: 'input' }), NEW_PASSWORD)
  await userEvent.type(canvas.getByLabelText(/^Confirm new password/, { selector: 'input' }), NEW_PASSWORD)
  await userEvent.click(canvas.getByRole('button', { name: 'Save the new password' }))
  return canvas
}

/** "Forgot password?" on the login screen opens forgot-password, with the email already typed. */
export const ForgotPassword: Story = {
  args: { startScreen: 'login' },
  play: async ({ canvasElement }) => {
    const canvas = await openForgotPassword(canvasElement)
    await expect(canvas.getByRole('heading', { name: 'Forgot your password?' })).toHaveFocus()
    await expect(canvas.getByRole('textbox', { name: /Email/ })).toHaveValue('ada@example.com')
    await expect(canvasElement.querySelector('[data-screen]')).toHaveAttribute('data-screen', 'forgot-password')
  },
}

/** No account has that login ID (403047): the message is on the field. */
export const ForgotPasswordUnknownLoginId403047: Story = {
  args: { startScreen: 'login' },
  parameters: { answers: { 'accounts.resetPassword': fixture('resetPassword-unknown-login-id') } },
  play: async ({ canvasElement }) => {
    const canvas = await openForgotPassword(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Send the link' }))
    const loginID = canvas.getByRole('textbox', { name: /Email/ })
    await expect(await canvas.findByText('There is no user with that username or email')).toBeInTheDocument()
    await expect(loginID).toHaveAttribute('aria-invalid', 'true')
    await expect(loginID).toHaveAccessibleDescription('There is no user with that username or email')
  },
}

/** The link is on its way: "check your inbox", and the way back to login. */
export const ForgotPasswordSuccess: Story = {
  args: { startScreen: 'login' },
  parameters: { answers: { 'accounts.resetPassword': fixture('resetPassword-email-sent') } },
  play: async ({ canvasElement }) => {
    const canvas = await openForgotPassword(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Send the link' }))
    await expect(await canvas.findByRole('heading', { name: 'Check your inbox' })).toHaveFocus()
    await userEvent.click(canvas.getByRole('button', { name: 'Back to log in' }))
    await expect(await canvas.findByRole('heading', { name: 'Log in' })).toBeInTheDocument()
  },
}

const QUESTION = 'What was the name of your first pet?'

/**
 * A site that asks the security question (`passwordReset.requireSecurityCheck`): the first request
 * answers 400050 with the question, a wrong answer 400050 again, the right one (`Rex`) `{ UID }`.
 */
function securityCheckAnswer({ params }: { params: Readonly<Record<string, unknown>> }) {
  if (params.secretAnswer === 'Rex')
    return Promise.resolve({ ...fixture('resetPassword-email-sent'), UID: 'story-uid' })
  return Promise.resolve(envelope(400050, 'Security verification failed', { secretQuestion: QUESTION }))
}

/** The account must answer its security question (400050): a wrong answer, then the right one changes the password. */
export const ForgotPasswordSecurityQuestion400050: Story = {
  args: { startScreen: 'login' },
  parameters: { answers: { 'accounts.resetPassword': securityCheckAnswer } },
  play: async ({ canvasElement }) => {
    const canvas = await openForgotPassword(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Send the link' }))
    // A step, not an error: the question labels its answer, which takes focus; no message yet.
    const answer = await canvas.findByRole('textbox', { name: QUESTION })
    await expect(answer).toHaveFocus()
    await expect(canvas.getByText('Answer your security question and choose a new password.')).toBeInTheDocument()
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expect(canvas.getByRole('textbox', { name: /Email/ })).toHaveValue('ada@example.com')

    await userEvent.type(answer, 'Felix')
    await userEvent.type(canvas.getByLabelText(/^New password/, { selector: 'input' }), NEW_PASSWORD)
    await userEvent.type(canvas.getByLabelText(/^Confirm new password/, { selector: 'input' }), NEW_PASSWORD)
    await userEvent.click(canvas.getByRole('button', { name: 'Save the new password' }))
    const message = 'The answer to the security question is not right.'
    await expect(await canvas.findByText(message)).toBeInTheDocument()
    await expect(answer).toHaveAttribute('aria-invalid', 'true')
    await expect(answer).toHaveAccessibleDescription(message)

    await userEvent.clear(answer)
    await userEvent.type(answer, 'Rex')
    await userEvent.click(canvas.getByRole('button', { name: 'Save the new password' }))
    await expect(await canvas.findByRole('heading', { name: 'Your password has been changed' })).toHaveFocus()
  },
}

/** Opened by the emailed link (`pwrt`, here the `passwordResetToken` prop): the live checklist under the new password. */
export const ResetPassword: Story = {
  args: { passwordResetToken: 'PRT1_from-the-emailed-link' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const newPassword = await canvas.findByLabelText(/^New password/, { selector: 'input' })
    await userEvent.type(newPassword, 'short')
    const checklist = canvasElement.querySelector('[data-field="newPassword"] [data-password-strength]')
    await expect(checklist).not.toBeNull()
    await expect(checklist).toHaveAttribute('data-level')
  },
}

/** An expired, used or unknown link (here one the emulator never issued): no form, a way to a new link. */
export const ResetPasswordInvalidLink: Story = {
  args: { passwordResetToken: 'PRT1_never-issued' },
  play: async ({ canvasElement }) => {
    const canvas = await chooseNewPassword(canvasElement)
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Uh-oh, your link is not valid.')
    await expect(canvas.queryByRole('form')).toBeNull()
    await userEvent.click(within(alert).getByRole('button', { name: 'Send a new link' }))
    await expect(await canvas.findByRole('heading', { name: 'Forgot your password?' })).toBeInTheDocument()
  },
}

/** A password the account used before (401030): the message is on the new password. */
export const ResetPasswordReused401030: Story = {
  args: { passwordResetToken: 'PRT1_from-the-emailed-link' },
  parameters: { answers: { 'accounts.resetPassword': fixture('resetPassword-reused-password') } },
  play: async ({ canvasElement }) => {
    const canvas = await chooseNewPassword(canvasElement)
    const message = 'Old password cannot be the same as new password'
    await expect(await canvas.findByText(message)).toBeInTheDocument()
    await expect(canvas.getByLabelText(/^New password/, { selector: 'input' })).toHaveAccessibleDescription(
      expect.stringContaining(message),
    )
  },
}

/** The new password is set: a button to log in with it. */
export const ResetPasswordSuccess: Story = {
  args: { passwordResetToken: 'PRT1_from-the-emailed-link' },
  parameters: { answers: { 'accounts.resetPassword': { ...fixture('resetPassword-email-sent'), UID: 'story-uid' } } },
  play: async ({ canvasElement }) => {
    const canvas = await chooseNewPassword(canvasElement)
    await expect(await canvas.findByRole('heading', { name: 'Your password has been changed' })).toHaveFocus()
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }))
    await expect(await canvas.findByRole('heading', { name: 'Log in' })).toBeInTheDocument()
  },
}

/** The login answered 403100; the current password given on this screen is wrong (403042). */
export const PasswordChangeRequiredWrongPassword: Story = {
  args: { startScreen: 'login' },
  parameters: {
    answers: {
      'accounts.login': fixture('login-password-change-required'),
      'accounts.setAccountInfo': envelope(403042, 'Invalid LoginID', { errorDetails: 'invalid password' }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText(/^Email/), 'ada@example.com')
    await userEvent.type(canvas.getByLabelText(/^Password/, { selector: 'input' }), 'Secret-123')
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }))
    await expect(await canvas.findByRole('heading', { name: 'Mandatory password change' })).toHaveFocus()
    await userEvent.type(canvas.getByLabelText(/^Current password/, { selector: 'input' }), 'Not-my-password-1')
    await userEvent.type(canvas.getByLabelText(/^New password/, { selector: 'input' }), NEW_PASSWORD)
    await userEvent.type(canvas.getByLabelText(/^Confirm new password/, { selector: 'input' }), NEW_PASSWORD)
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }))
    await expect(await canvas.findByText('The password is incorrect')).toBeInTheDocument()
    await expect(canvas.getByLabelText(/^Current password/, { selector: 'input' })).toHaveAttribute(
      'aria-invalid',
      'true',
    )
  },
}
