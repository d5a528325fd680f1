import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { RegistrationScreenSet } from '../src'
import { emulatorLoader, withEmulator } from './emulatorStory'

/**
 * One story per error the Accounts API can answer a registration with (REFERENCE.md §3): the
 * emulator serves the form, and `accounts.register` answers with the recorded envelope. Each play
 * function fills the form, submits, and checks the message where the user must see it.
 */
const meta = {
  title: 'Components/RegistrationScreenSet/Server errors',
  component: RegistrationScreenSet,
  decorators: [withEmulator],
  loaders: [emulatorLoader],
} satisfies Meta<typeof RegistrationScreenSet>

export default meta
type Story = StoryObj<typeof meta>

async function submitFilled(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText(/^Email/), 'ada@example.com')
  await userEvent.type(canvas.getByLabelText(/^Password/, { selector: 'input' }), 'Secret-123')
  await userEvent.type(canvas.getByLabelText(/^Confirm password/), 'Secret-123')
  await userEvent.type(canvas.getByLabelText(/^First name/), 'Ada')
  await userEvent.type(canvas.getByLabelText(/^ZIP code/), '10001')
  await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms' }))
  await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms of service' }))
  await userEvent.click(canvas.getByRole('button', { name: 'Create account' }))
  return canvas
}

const envelope = (errorCode: number, errorMessage: string, extra: Record<string, unknown> = {}) => ({
  errorCode,
  errorMessage,
  errorDetails: errorMessage,
  statusCode: Math.floor(errorCode / 1000),
  callId: '00000000000000000000000000000000',
  ...extra,
})

/** A story whose register call answers `body`, and whose play checks that `text` shows up. */
function answering(body: Record<string, unknown>, text: string | RegExp): Story {
  return {
    parameters: { answers: { 'accounts.register': body } },
    play: async ({ canvasElement }) => {
      const canvas = await submitFilled(canvasElement)
      await expect(await canvas.findByText(text)).toBeInTheDocument()
    },
  }
}

export const ValidationErrors400009 = answering(
  envelope(400009, 'Validation error', {
    validationErrors: [
      { errorCode: 400003, message: 'email already exists', fieldName: 'email' },
      { errorCode: 400026, message: 'Invalid zip', fieldName: 'profile.zip' },
    ],
  }),
  'This email is already registered',
)
export const MissingParameter400002 = answering(
  envelope(400002, 'Missing required parameter: regToken'),
  'Missing required parameter: regToken',
)
export const InvalidValue400006 = answering(
  envelope(400006, 'Invalid parameter value', { errorDetails: 'Invalid siteUID' }),
  'Invalid siteUID',
)
export const SchemaValidation400020 = answering(
  envelope(400020, 'Schema validation failed', { errorDetails: 'Field data.shoe is not in the schema' }),
  /not in the schema/,
)
export const CaptchaFailed400021 = answering(
  envelope(400021, 'CAPTCHA verification failed'),
  'Please confirm you are not a robot',
)
export const WriteAccess400025 = answering(
  envelope(400025, 'Write access validation error', {
    errorDetails: 'Field profile.photoURL cannot be written by a client',
  }),
  /cannot be written/,
)
export const InvalidApiKey400093 = answering(envelope(400093, 'Invalid ApiKey parameter'), /site configuration error/)
/**
 * A taken email is a field error like any other (400009 with a 400003 entry, never 403043): its message
 * on the email field, and "Log in instead" opens the login screen with the email filled in.
 */
export const EmailTaken400003: Story = {
  parameters: {
    answers: {
      'accounts.register': envelope(400009, 'Validation error', {
        errorDetails: 'Validation failed',
        validationErrors: [{ errorCode: 400003, message: 'email already exists', fieldName: 'email' }],
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = await submitFilled(canvasElement)
    await expect(await canvas.findByText('This email is already registered')).toBeInTheDocument()
    const conflict = canvasElement.querySelector<HTMLElement>('[data-conflict]')
    await expect(conflict).not.toBeNull()
    await userEvent.click(within(conflict as HTMLElement).getByRole('button', { name: 'Log in instead' }))
    await expect(await canvas.findByRole('heading', { name: 'Log in' })).toBeInTheDocument()
    await expect(canvas.getByRole('textbox', { name: /Email/ })).toHaveValue('ada@example.com')
  },
}
export const UnderAge403044 = answering(envelope(403044, 'Under age user'), /cannot register at this time/)
export const RateLimited403048 = answering(envelope(403048, 'Api rate limit exceeded'), /Too many attempts/)
export const ConcurrentRequests409030 = answering(
  envelope(409030, 'Too many concurrent requests'),
  'Too many concurrent requests',
)
export const ServerError500001 = answering(envelope(500001, 'General Server Error'), /An error has occurred/)
export const Timeout504002 = answering(envelope(504002, 'Request timeout'), /took too long to answer/)
/** The network is gone when the user submits: a form error, and everything typed is kept. */
export const NetworkError500026 = answering({}, /We could not reach the server/)
NetworkError500026.parameters = {
  answers: { 'accounts.register': () => Promise.reject(new TypeError('Failed to fetch')) },
}
