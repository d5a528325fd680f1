import type { Meta, StoryObj } from '@storybook/react-vite'
import type { AccountsTransport } from '../src'
import { createMockTransport } from '../src/testing'
import { ResponseExplorer } from './ResponseExplorer'

const fixtures = import.meta.glob<Record<string, unknown>>('../../shared/accounts-api/fixtures/register-*.json', {
  eager: true,
  import: 'default',
})
const byName = Object.fromEntries(
  Object.entries(fixtures).map(([path, body]) => [path.replace(/^.*\/(.*)\.json$/, '$1'), body]),
)

const fixture = (name: string): AccountsTransport => createMockTransport({ 'accounts.register': byName[name] })

/**
 * How the Accounts client reports each answer of `accounts.register`: the shared fixtures, and the
 * failures no server answers (network loss, timeout, garbage). The registration components build on
 * exactly these fields.
 */
const meta = {
  title: 'Accounts client/register responses',
  component: ResponseExplorer,
} satisfies Meta<typeof ResponseExplorer>

export default meta
type Story = StoryObj<typeof meta>

export const Success: Story = { args: { transport: fixture('register-success') } }
export const ValidationError: Story = { args: { transport: fixture('register-validation-error') } }
export const PendingRegistration: Story = { args: { transport: fixture('register-pending-registration') } }
export const PendingVerification: Story = { args: { transport: fixture('register-pending-verification') } }
export const EmailExists: Story = { args: { transport: fixture('register-email-exists') } }
export const ExpiredRegToken: Story = { args: { transport: fixture('register-expired-regtoken') } }
export const InvalidRegToken: Story = { args: { transport: fixture('register-invalid-regtoken') } }
export const CaptchaFailed: Story = { args: { transport: fixture('register-captcha-failed') } }
export const NetworkError: Story = {
  args: { transport: () => Promise.reject(new TypeError('Failed to fetch')) },
}
export const Timeout: Story = { args: { transport: () => new Promise(() => {}), timeoutMs: 1500 } }
export const GarbageResponse: Story = { args: { transport: async () => '<html>Bad Gateway</html>' } }
