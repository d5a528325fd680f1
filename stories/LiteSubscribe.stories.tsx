import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { LiteSubscribe } from '../src'
import { emulatorLoader, withEmulator } from './emulatorStory'

const meta = {
  title: 'Components/LiteSubscribe',
  component: LiteSubscribe,
  decorators: [withEmulator],
  loaders: [emulatorLoader],
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
export const Offline: Story = { parameters: { transport: () => Promise.reject(new TypeError('Failed to fetch')) } }

/** With an extra optional field. */
export const WithFirstName: Story = { args: { fields: ['profile.firstName'], subscriptions: ['newsletter'] } }

/** An email that already has a lite account: its subscriptions are updated, not duplicated. */
export const AlreadySubscribed: Story = {
  args: { subscriptions: ['offers'] },
  parameters: { answers: { 'accounts.setAccountInfo': { errorCode: 0, UID: 'u1', newUser: false } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText(/^Email/), 'again@example.com')
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms of service' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe' }))
    await expect(await canvas.findByText('Your subscriptions have been updated.')).toBeInTheDocument()
  },
}

/** The API's rate limit: a form error, the email kept. */
export const RateLimited: Story = {
  args: { subscriptions: ['offers'] },
  parameters: {
    answers: { 'accounts.setAccountInfo': { errorCode: 403048, errorMessage: 'Api rate limit exceeded' } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText(/^Email/), 'busy@example.com')
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms of service' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe' }))
    await expect(await canvas.findByText(/Too many attempts/)).toBeInTheDocument()
  },
}

/** The inline layout in the dark palette, as in a dark footer. */
export const InlineDark: Story = {
  args: { layout: 'inline', subscriptions: ['offers'], showHeading: false, colorScheme: 'dark' },
  decorators: [(Story) => <div style={{ background: '#121316', padding: 24 }}>{Story()}</div>],
}

/** In Japanese. */
export const Japanese: Story = { args: { lang: 'ja', subscriptions: ['newsletter'] } }

/** In Arabic, right to left, inline. */
export const ArabicInline: Story = {
  args: { lang: 'ar', layout: 'inline', subscriptions: ['offers'], showHeading: false },
}

/** While the schema loads. */
export const Loading: Story = { parameters: { answers: { 'accounts.getSchema': () => new Promise(() => {}) } } }

/**
 * A hero and a footer widget on one page: two forms, two landmarks, so the second is named
 * "Stay in touch (2)" (or what its `formLabel` says).
 */
export const TwoOnOnePage: Story = {
  render: (args) => (
    <>
      <LiteSubscribe {...args} subscriptions={['newsletter']} />
      <LiteSubscribe {...args} subscriptions={['offers']} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const [hero, footer] = await canvas.findAllByRole('form')
    await expect(hero).toBe(canvas.getByRole('form', { name: 'Stay in touch' }))
    await expect(footer).toBe(canvas.getByRole('form', { name: 'Stay in touch (2)' }))
  },
}
