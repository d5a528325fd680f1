import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { RegistrationScreenSet } from '../src'
import { DEFAULT_SITE, type SiteConfig } from '../src/testing'
import { emulatorLoader, withEmulator } from './emulatorStory'

/**
 * Email verification by link (206002) and by code (206006), FLOWS.md §5, against the emulator: the
 * site's `accountOptions` decide which. Their code loads on demand.
 */
const meta = {
  title: 'Components/RegistrationScreenSet/Verification screens',
  component: RegistrationScreenSet,
  decorators: [withEmulator],
  loaders: [emulatorLoader],
} satisfies Meta<typeof RegistrationScreenSet>

export default meta
type Story = StoryObj<typeof meta>

function verifyingSite(accountOptions: Record<string, unknown>): SiteConfig {
  const config = structuredClone(DEFAULT_SITE)
  const policies = config.policies as Record<string, Record<string, unknown>>
  policies.accountOptions = { ...policies.accountOptions, verifyEmail: true, ...accountOptions }
  return config
}

const PASSWORD = 'Secret-123'

async function register(canvasElement: HTMLElement, email: string) {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText(/^Email/), email)
  await userEvent.type(canvas.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
  await userEvent.type(canvas.getByLabelText(/^Confirm password/), PASSWORD)
  await userEvent.type(canvas.getByLabelText(/^First name/), 'Ada')
  await userEvent.type(canvas.getByLabelText(/^ZIP code/), '10001')
  await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms' }))
  await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms of service' }))
  await userEvent.click(canvas.getByRole('button', { name: 'Create account' }))
  return canvas
}

/** verification-pending, then "resend": verification-sent says where the new link went. */
export const VerificationSent: Story = {
  parameters: { site: verifyingSite({}) },
  play: async ({ canvasElement }) => {
    const canvas = await register(canvasElement, 'sent@example.com')
    await canvas.findByRole('heading', { name: 'Check your inbox' })
    await userEvent.click(canvas.getByRole('button', { name: 'Resend the email' }))
    await expect(await canvas.findByRole('heading', { name: 'We sent you an email' })).toHaveFocus()
    await expect(canvas.getByText(/We sent a new verification link to sent@example.com/)).toBeInTheDocument()
    await expect(canvas.getByRole('status')).toHaveTextContent('We sent the email again.')
  },
}

/**
 * The site verifies by code: the screen asks for one as it opens, "send a new code" waits out its
 * cool-down, and a wrong code gets its message on the field.
 */
export const EmailCodeVerificationWrongCode: Story = {
  parameters: { site: verifyingSite({ useCodeVerification: true }) },
  play: async ({ canvasElement }) => {
    const canvas = await register(canvasElement, 'code@example.com')
    await expect(await canvas.findByRole('heading', { name: 'Verify your email' })).toHaveFocus()
    await expect(canvas.getByText(/We sent a code to code@example.com/)).toBeInTheDocument()
    const resend = canvas.getByRole('button', { name: 'Send a new code' })
    await expect(await canvas.findByText(/You can ask for a new code in \d+ seconds/)).toBeInTheDocument()
    await expect(resend).toBeDisabled()
    const code = canvas.getByLabelText(/^Verification code/)
    await userEvent.type(code, '000000')
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }))
    await expect(await canvas.findByText('Please enter a valid code')).toBeInTheDocument()
    await expect(code).toHaveAttribute('aria-invalid', 'true')
  },
}
