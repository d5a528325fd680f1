import { QueryClient } from '@tanstack/react-query'
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { AccountsProvider, LiteSubscribe, createAccountsClient, type AccountsClient } from '../src'
import { createEmulatorTransport } from '../src/testing'

interface Loaded {
  client: AccountsClient
  queryClient: QueryClient
}

/** Every story gets a fresh emulator in the browser (memory store, default site). */
const withEmulator: Decorator = (Story, { loaded }) => {
  const { client, queryClient } = loaded as Loaded
  return (
    <AccountsProvider client={client} queryClient={queryClient}>
      <Story />
    </AccountsProvider>
  )
}

const meta = {
  title: 'Components/LiteSubscribe',
  component: LiteSubscribe,
  decorators: [withEmulator],
  loaders: [
    async ({ parameters }): Promise<Loaded> => {
      const transport = parameters.offline
        ? () => Promise.reject(new TypeError('Failed to fetch'))
        : await createEmulatorTransport({ passwordHashIterations: 1000 })
      return {
        client: createAccountsClient({ transport }),
        queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
      }
    },
  ],
} satisfies Meta<typeof LiteSubscribe>

export default meta
type Story = StoryObj<typeof meta>

/** Every subscription of the schema, as checkboxes labelled by their descriptions. */
export const Stacked: Story = {}

/** Email and button on one line, for footers and banners. */
export const Inline: Story = { args: { layout: 'inline', subscriptions: ['offers'], showHeading: false } }

/** A double opt-in subscription: the thank-you asks to confirm by email. */
export const DoubleOptIn: Story = {
  args: { subscriptions: ['newsletter'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText(/^Email/), 'reader@example.com')
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms of service' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe' }))
    await expect(await canvas.findByText('Please check your inbox to confirm your subscription')).toBeInTheDocument()
  },
}

/** Without double opt-in: a plain thank-you. */
export const Subscribed: Story = {
  args: { subscriptions: ['offers'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText(/^Email/), 'reader@example.com')
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms of service' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe' }))
    await expect(await canvas.findByText('Thank you for subscribing!')).toBeInTheDocument()
  },
}

/** An invalid email, shown on the field. */
export const InvalidEmail: Story = {
  args: { subscriptions: ['offers'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText(/^Email/), 'not-an-email')
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe' }))
    await expect(await canvas.findByText('Email address is invalid')).toBeInTheDocument()
  },
}

/** No network at all: the schema cannot load, with a retry. */
export const Offline: Story = { parameters: { offline: true } }

/** With an extra optional field. */
export const WithFirstName: Story = { args: { fields: ['profile.firstName'], subscriptions: ['newsletter'] } }
