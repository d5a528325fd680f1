import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { registrationEntries } from '../scripts/defaultSiteForm.mjs'
import { isAccountsError, RegistrationScreenSet, type AccountsClient } from '../src'
import { DEFAULT_SITE, type SiteConfig } from '../src/testing'
import { emulatorLoader, withEmulator } from './emulatorStory'

const PASSWORD = 'Secret-123'
const EMAIL = 'ada@example.com'

/** The default site with both emulated TFA providers on: every login and registration asks for one. */
function tfaSite(): SiteConfig {
  const site = structuredClone(DEFAULT_SITE)
  const policies = site.policies as Record<string, unknown>
  policies.twoFactorAuth = {
    providers: [
      { name: 'gigyaTotp', enabled: true },
      { name: 'gigyaEmail', enabled: true },
    ],
  }
  return site
}

/** A development call with the site's server credentials (what the user's app or inbox would show). */
const admin = async (client: AccountsClient, method: string, params: Record<string, unknown> = {}) =>
  (await client.call(
    method as never,
    { ...params, userKey: DEFAULT_SITE.userKey, secret: DEFAULT_SITE.secret } as never,
  )) as Record<string, unknown>

const appCode = async (client: AccountsClient, UID: string) =>
  String((await admin(client, 'emulator.getAuthenticatorCode', { UID })).code)

async function mailedCode(client: AccountsClient): Promise<string> {
  const { messages } = (await admin(client, 'emulator.getOutbox')) as { messages: { kind: string; code?: string }[] }
  return messages.findLast((message) => message.kind === 'tfa-code')?.code ?? ''
}

/** Ada's account, registered with `provider` as her second factor, straight through the client. */
async function registerWithTfa(client: AccountsClient, provider: 'gigyaTotp' | 'gigyaEmail') {
  const { regToken: first } = await client.initRegistration()
  const answer = await client
    .register({
      regToken: first,
      email: EMAIL,
      password: PASSWORD,
      profile: { firstName: 'Ada', zip: '10001' },
      data: { terms: true },
      preferences: { terms: { tos: { isConsentGranted: true } } },
      finalizeRegistration: true,
    })
    .catch((error: unknown) => error)
  if (!isAccountsError(answer) || answer.regToken === undefined) throw new Error('expected 403102')
  const { regToken } = answer
  const UID = String(answer.response?.UID)
  const { gigyaAssertion } = await client.tfa.initTFA({ regToken, provider, mode: 'register' })
  let providerAssertion: string
  if (provider === 'gigyaTotp') {
    const { sctToken } = await client.tfa.totp.register({ gigyaAssertion })
    const code = await appCode(client, UID)
    ;({ providerAssertion } = await client.tfa.totp.verify({ gigyaAssertion, code, sctToken, regToken }))
  } else {
    const { emails } = await client.tfa.email.getEmails({ gigyaAssertion })
    const emailID = emails[0]?.id ?? ''
    const { phvToken } = await client.tfa.email.sendVerificationCode({ gigyaAssertion, emailID, regToken })
    const code = await mailedCode(client)
    ;({ providerAssertion } = await client.tfa.email.completeVerification({ gigyaAssertion, phvToken, code, regToken }))
  }
  await client.tfa.finalizeTFA({ gigyaAssertion, providerAssertion, regToken })
  await client.finalizeRegistration({ regToken })
  return UID
}

type Loaded = Awaited<ReturnType<typeof emulatorLoader>> & { UID?: string }

/** The emulator with the TFA site; `parameters.provider` registers Ada with that provider first. */
async function tfaLoader(context: Parameters<typeof emulatorLoader>[0]): Promise<Loaded> {
  const loaded = await emulatorLoader({ ...context, parameters: { site: tfaSite(), ...context.parameters } })
  const provider = context.parameters.provider as 'gigyaTotp' | 'gigyaEmail' | undefined
  return provider ? { ...loaded, UID: await registerWithTfa(loaded.client, provider) } : loaded
}

/**
 * Two-factor authentication (FLOWS.md §8): a site that requires it answers a registration with
 * 403102 (tfa-registration) and a login with 403101 (tfa-verification). Their code loads on demand.
 */
const meta = {
  title: 'Components/RegistrationScreenSet/TFA screens',
  component: RegistrationScreenSet,
  decorators: [withEmulator],
  loaders: [tfaLoader],
} satisfies Meta<typeof RegistrationScreenSet>

export default meta
type Story = StoryObj<typeof meta>

async function logIn(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  await userEvent.type(await canvas.findByLabelText(/^Email/), EMAIL)
  await userEvent.type(canvas.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
  await userEvent.click(canvas.getByRole('button', { name: 'Log in' }))
  return canvas
}

async function register(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  await canvas.findByLabelText(/^Email/)
  for (const [name, value] of registrationEntries({ email: EMAIL, password: PASSWORD })) {
    if (value === true) await userEvent.click(canvas.getByRole('checkbox', { name }))
    else await userEvent.type(canvas.getByLabelText(new RegExp(`^${name}`), { selector: 'input' }), value)
  }
  await userEvent.click(canvas.getByRole('button', { name: 'Create account' }))
  await expect(await canvas.findByRole('heading', { name: 'Set up two-step verification' })).toHaveFocus()
  return canvas
}

/** A registration offers both providers as a radio group the keyboard moves through. */
export const ProviderChoice: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await register(canvasElement)
    const group = canvas.getByRole('group', { name: 'How do you want to get your code?' })
    const app = within(group).getByRole('radio', { name: 'Authenticator app' })
    await expect(app).toBeChecked()
    await userEvent.tab()
    await expect(app).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    await expect(within(group).getByRole('radio', { name: 'Email' })).toBeChecked()
  },
}

/** "Use another method" from the QR code: back to the choice, the app still chosen, the heading focused. */
export const AnotherMethod: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await register(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await canvas.findByRole('img', { name: 'QR code to scan with your authenticator app' })
    canvas.getByRole('button', { name: 'Use another method' }).focus()
    await userEvent.keyboard('{Enter}')
    const group = await canvas.findByRole('group', { name: 'How do you want to get your code?' })
    await expect(canvas.getByRole('heading', { name: 'Set up two-step verification' })).toHaveFocus()
    await expect(within(group).getByRole('radio', { name: 'Authenticator app' })).toBeChecked()
    await expect(canvas.queryByRole('img')).toBeNull()
  },
}

/** A registration sets up an authenticator app: the QR code, a wrong code on its field, the right one. */
export const TotpRegistration: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { client } = loaded as Loaded
    const canvas = await register(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    const qrCode = await canvas.findByRole('img', { name: 'QR code to scan with your authenticator app' })
    await expect(qrCode.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    const { accounts } = (await admin(client, 'emulator.listAccounts')) as { accounts: { UID: string }[] }
    const right = await appCode(client, accounts[0]?.UID ?? '')
    const code = canvas.getByLabelText(/^Verification code/)
    await userEvent.type(code, right === '000000' ? '111111' : '000000')
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }))
    await expect(await canvas.findByText('Please enter a valid code')).toBeInTheDocument()
    await expect(code).toHaveAttribute('aria-invalid', 'true')
    await userEvent.clear(code)
    await userEvent.type(code, right)
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }))
    await expect(await canvas.findByRole('heading', { name: 'You are registered' })).toBeInTheDocument()
  },
}

/** A login with an authenticator app: a wrong code is named on its field (axe scans this state). */
export const TotpVerificationWrongCode: Story = {
  args: { startScreen: 'login' },
  parameters: { provider: 'gigyaTotp' },
  play: async ({ canvasElement, loaded }) => {
    const { client, UID } = loaded as Loaded
    const canvas = await logIn(canvasElement)
    await expect(await canvas.findByRole('heading', { name: 'Confirm it is you' })).toHaveFocus()
    const code = await canvas.findByLabelText(/^Verification code/)
    await userEvent.type(code, (await appCode(client, UID ?? '')) === '000000' ? '111111' : '000000')
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }))
    await expect(await canvas.findByText('Please enter a valid code')).toBeInTheDocument()
    await expect(code).toHaveAttribute('aria-invalid', 'true')
  },
}

/** A login with the email provider: the code goes to the account's address, "send a new code" waits. */
export const EmailVerification: Story = {
  args: { startScreen: 'login' },
  parameters: { provider: 'gigyaEmail' },
  play: async ({ canvasElement, loaded }) => {
    const { client } = loaded as Loaded
    const canvas = await logIn(canvasElement)
    await expect(await canvas.findByText('We sent a code to a***@example.com. Enter it below.')).toBeInTheDocument()
    await expect(canvas.getByRole('button', { name: 'Send a new code' })).toBeDisabled()
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Remember this device' }))
    await userEvent.type(canvas.getByLabelText(/^Verification code/), await mailedCode(client))
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }))
    await expect(await canvas.findByRole('heading', { name: 'You are registered' })).toBeInTheDocument()
  },
}

/** The account's only provider is one these screens do not implement: a form-level message. */
export const NoUsableProvider: Story = {
  args: { startScreen: 'login' },
  parameters: {
    provider: 'gigyaTotp',
    answers: {
      'accounts.tfa.getProviders': { errorCode: 0, activeProviders: [{ name: 'gigyaPush' }], inactiveProviders: [] },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = await logIn(canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'None of the verification methods of your account can be used here.',
    )
    await expect(canvas.queryByRole('form')).toBeNull()
  },
}
