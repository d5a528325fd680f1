import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { RegistrationScreenSet } from '../src'
import { DEFAULT_SITE, type SiteConfig } from '../src/testing'
import { emulatorLoader, withEmulator } from './emulatorStory'

/** DEFAULT_SITE with policy sections merged in, for one story's own site. */
function site(policies: Record<string, Record<string, unknown>> = {}): SiteConfig {
  const config = structuredClone(DEFAULT_SITE)
  const sections = config.policies as Record<string, Record<string, unknown>>
  for (const [section, values] of Object.entries(policies)) sections[section] = { ...sections[section], ...values }
  return config
}

const meta = {
  title: 'Components/RegistrationScreenSet',
  component: RegistrationScreenSet,
  decorators: [withEmulator],
  loaders: [emulatorLoader],
} satisfies Meta<typeof RegistrationScreenSet>

export default meta
type Story = StoryObj<typeof meta>

const PASSWORD = 'Secret-123'

async function fillAll(canvas: ReturnType<typeof within>, email: string) {
  await userEvent.type(await canvas.findByLabelText(/^Email/), email)
  await userEvent.type(canvas.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
  await userEvent.type(canvas.getByLabelText(/^Confirm password/), PASSWORD)
  await userEvent.type(canvas.getByLabelText(/^First name/), 'Ada')
  await userEvent.type(canvas.getByLabelText(/^ZIP code/), '10001')
  await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms' }))
  await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms of service' }))
}

/** The fields the default site requires, as the schema says. */
export const Register: Story = {}

/** A full registration, driven as a user would. */
export const RegisterToSuccess: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await fillAll(canvas, 'ada@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }))
    await expect(await canvas.findByRole('heading', { name: 'You are registered' })).toBeInTheDocument()
  },
}

/** Client-side validation: messages on the fields, focus on the first. */
export const FieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText(/^Email/), 'not-an-email')
    await userEvent.type(canvas.getByLabelText(/^ZIP code/), '12')
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }))
    await expect(await canvas.findByText('Email address is invalid')).toBeInTheDocument()
    await expect(canvas.getByLabelText(/^ZIP code/)).toHaveAccessibleDescription('Invalid ZIP code')
  },
}

/** Fewer fields than the schema requires: the server's 206001 leads to complete-registration. */
export const CompleteRegistration: Story = {
  args: { fields: ['email', 'password', 'profile.firstName'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText(/^Email/), 'grace@example.com')
    await userEvent.type(canvas.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
    await userEvent.type(canvas.getByLabelText(/^First name/), 'Grace')
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }))
    await expect(await canvas.findByRole('heading', { name: 'Almost done' })).toBeInTheDocument()
  },
}

/** The site verifies emails: registration ends on verification-pending. */
export const VerificationPending: Story = {
  parameters: { site: site({ accountOptions: { verifyEmail: true } }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await fillAll(canvas, 'verify@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }))
    await expect(await canvas.findByRole('heading', { name: 'Check your inbox' })).toBeInTheDocument()
  },
}

export const Login: Story = { args: { startScreen: 'login' } }

/**
 * A newsletter subscriber completes a full account (`progressionEmail`, or the page's `gig_email`):
 * the register fields under a greeting by the email they gave, which the form already holds.
 */
export const LiteProgression: Story = {
  args: { progressionEmail: 'lite@example.com' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('heading', { name: 'Complete your account' })).toBeInTheDocument()
    await expect(canvas.getByText(/You already receive our emails at lite@example.com/)).toBeInTheDocument()
    await expect(canvas.getByLabelText(/^Email/)).toHaveValue('lite@example.com')
    await expect(canvas.getByRole('button', { name: 'Create account' })).toHaveAttribute('type', 'submit')
  },
}

/** The schema cannot be loaded: an error screen with a retry. */
export const SchemaLoadError: Story = { parameters: { transport: async () => '<html>Bad Gateway</html>' } }

/** With the password policy's live checklist and a stricter policy. */
export const StrictPasswordPolicy: Story = {
  parameters: { site: site({ passwordComplexity: { minLength: 12, minCharGroups: 3 } }) },
}

/** Labels and messages from the host (`labels`, `customLang`). */
export const CustomLabels: Story = {
  args: {
    labels: { 'profile.firstName': 'Vorname' },
    customLang: {
      'profile.zip': 'Postleitzahl',
      submit_register: 'Konto anlegen',
      this_field_is_required: 'Pflichtfeld',
    },
  },
}

/** `unstyled`: our CSS steps aside; the host's own styles apply. */
export const Unstyled: Story = { args: { unstyled: true } }

/** While the schema loads. */
export const Loading: Story = { parameters: { answers: { 'accounts.getSchema': () => new Promise(() => {}) } } }

/** Every field type, a .NET regex with an inline option, an untranslatable one, a date and a select. */
export const EveryFieldType: Story = {
  args: {
    fields: [
      'email',
      'password',
      'profile.firstName',
      'profile.lastName',
      'profile.gender',
      'profile.birthYear',
      'profile.bio',
      'data.shoeSize',
      'data.householdSize',
      'data.memberSince',
      'data.code',
      'data.terms',
      'subscriptions.newsletter',
      'preferences.terms.tos',
    ],
  },
  parameters: {
    site: (() => {
      const config = site()
      const data = config.schema.dataSchema as { fields: Record<string, unknown> }
      data.fields.code = { type: 'string', format: "regex('(?i)^ab[0-9]+$')", writeAccess: 'clientModify' }
      return config
    })(),
  },
}

/** The dark palette (`colorScheme="dark"`). */
export const Dark: Story = {
  args: { colorScheme: 'dark' },
  decorators: [(Story) => <div style={{ background: '#121316', padding: 24 }}>{Story()}</div>],
}

/** A host's brand: tokens set on the host's own wrapper. */
export const CustomBrand: Story = {
  decorators: [
    (Story) => (
      <div
        style={{
          ['--rss-color-primary' as string]: '#7b1fa2',
          ['--rss-radius' as string]: '0',
          ['--rss-font-family' as string]: 'Georgia, serif',
        }}
      >
        {Story()}
      </div>
    ),
  ],
}

/** `unstyled` with the host's own input part (behaviour and ARIA wiring stay ours). */
export const UnstyledWithOwnInputs: Story = {
  args: {
    unstyled: true,
    components: {
      TextInput: ({ inputProps }) => (
        <input
          {...inputProps}
          style={{ display: 'block', border: '2px solid #333', padding: 6, margin: '4px 0 12px' }}
        />
      ),
    },
  },
}

/** In German, from the built-in catalog (loaded on demand). */
export const German: Story = { args: { lang: 'de' } }

/** In Arabic: right to left (`dir="rtl"`), from the built-in catalog. */
export const ArabicRtl: Story = { args: { lang: 'ar' } }

/** In Hebrew, with the field errors shown. */
export const HebrewErrors: Story = {
  args: { lang: 'he' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findAllByRole('textbox')
    await userEvent.click(canvas.getByRole('button', { name: 'יצירת חשבון' }))
    await expect(canvasElement.querySelector('[data-screenset]')).toHaveAttribute('dir', 'rtl')
  },
}
