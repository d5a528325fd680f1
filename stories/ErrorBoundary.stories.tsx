import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { LiteSubscribe, RegistrationScreenSet, type ScreenHeadingProps } from '../src'
import { emulatorLoader, withEmulator } from './emulatorStory'

/** Whether the heading part below throws; each story starts broken, and its play function mends it. */
const breakage = { on: true }

/** A host's heading part with a bug: it throws while `breakage.on` is set. */
function BrokenHeading({ id, className, children }: ScreenHeadingProps) {
  if (breakage.on) throw new Error('The host’s heading component failed')
  return (
    <h2 id={id} tabIndex={-1} className={className}>
      {children}
    </h2>
  )
}

/**
 * An unexpected render error (here a part override that throws) shows the error screen:
 * `data-screen="error"`, a translated alert and "Try again", which renders the screen anew once the
 * cause is gone; the host's `onError` gets the error.
 */
const meta = {
  title: 'Components/Error screen',
  component: RegistrationScreenSet,
  decorators: [withEmulator],
  loaders: [
    emulatorLoader,
    () => {
      breakage.on = true
      return {}
    },
  ],
  args: { components: { ScreenHeading: BrokenHeading } },
} satisfies Meta<typeof RegistrationScreenSet>

export default meta
type Story = StoryObj<typeof meta>

/** The registration form with a broken part: the error screen, then "Try again" once it is mended. */
export const Registration: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveTextContent('An error has occurred')
    await expect(canvasElement.querySelector('[data-screenset="registration"]')).toHaveAttribute('data-screen', 'error')
    breakage.on = false
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    await expect(await canvas.findByLabelText(/^Email/)).toBeInTheDocument()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** The newsletter widget, in German, with the same broken part. */
export const Newsletter: Story = {
  render: (args) => <LiteSubscribe components={args.components} lang="de" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Ein Fehler ist aufgetreten')
    breakage.on = false
    await userEvent.click(canvas.getByRole('button', { name: 'Erneut versuchen' }))
    await expect(await canvas.findByRole('button', { name: 'Abonnieren' })).toBeInTheDocument()
  },
}
