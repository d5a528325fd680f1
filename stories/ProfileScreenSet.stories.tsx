import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { ProfileScreenSet } from '../src/components'
import { emulatorLoader, withEmulator } from './emulatorStory'

const PASSWORD = 'Secret-123'

/** The emulator of `emulatorLoader`, with Ada registered: the registration leaves the client signed in. */
async function signedInLoader(context: Parameters<typeof emulatorLoader>[0]) {
  const loaded = await emulatorLoader(context)
  const { client } = loaded
  const { regToken } = await client.initRegistration()
  await client.register({
    regToken,
    email: 'ada@example.com',
    password: PASSWORD,
    profile: { firstName: 'Ada', zip: '10001' },
    data: { terms: true },
    preferences: { terms: { tos: { isConsentGranted: true } } },
    finalizeRegistration: true,
  })
  return loaded
}

/** SAP's `Default-ProfileUpdate` for the signed-in user: five screens behind one navigation. */
const meta = {
  title: 'Components/ProfileScreenSet',
  component: ProfileScreenSet,
  decorators: [withEmulator],
  loaders: [signedInLoader],
} satisfies Meta<typeof ProfileScreenSet>

export default meta
type Story = StoryObj<typeof meta>

/** The fields the user may change, filled from the account; a save says so. */
export const UpdateProfile: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const firstName = await canvas.findByRole('textbox', { name: /^First name/ })
    await expect(firstName).toHaveValue('Ada')
    await userEvent.type(canvas.getByRole('textbox', { name: /^Last name/ }), 'Lovelace')
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }))
    await expect(await canvas.findByText('Your changes have been saved.')).toBeInTheDocument()
  },
}

/** A wrong current password (403042): the message is on that field. */
export const ChangePasswordWrongCurrent: Story = {
  args: { startScreen: 'change-password' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const current = await canvas.findByLabelText(/^Current password/, { selector: 'input' })
    await userEvent.type(current, 'Wrong-123')
    await userEvent.type(canvas.getByLabelText(/^New password/, { selector: 'input' }), 'Newer-Secret-456')
    await userEvent.type(canvas.getByLabelText(/^Confirm new password/, { selector: 'input' }), 'Newer-Secret-456')
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }))
    await expect(await canvas.findByText('The password is incorrect')).toBeInTheDocument()
    await expect(current).toHaveAttribute('aria-invalid', 'true')
  },
}

/** The subscriptions, from the account; a double opt-in one says it waits for its confirmation once saved. */
export const Communication: Story = { args: { startScreen: 'communication' } }

/** The consents with the date of their version; a required one stays checked. */
export const Privacy: Story = { args: { startScreen: 'privacy' } }

/** A new login email: a code goes to it, and the code input takes focus. */
export const ChangeEmail: Story = {
  args: { startScreen: 'change-email' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByRole('textbox', { name: /^New email address/ }), 'grace@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Send the code' }))
    await expect(await canvas.findByRole('textbox', { name: /^Verification code/ })).toHaveFocus()
  },
}

/** Nobody signed in: the screen-set says so instead of a form. */
export const SignedOut: Story = {
  loaders: [emulatorLoader],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveTextContent('You are not signed in.')
  },
}
