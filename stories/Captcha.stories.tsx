import { QueryClient } from '@tanstack/react-query'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import {
  createAccountsClient,
  RegistrationScreenSet,
  type AccountsTransport,
  type CaptchaRenderOptions,
  type CaptchaType,
  type WidgetCaptchaProvider,
} from '../src'
import { createEmulatorTransport, DEFAULT_SITE, type SiteConfig } from '../src/testing'
import { withEmulator } from './emulatorStory'

/** The default site, asking for a CAPTCHA on registration. */
function captchaSite(): SiteConfig {
  const site = structuredClone(DEFAULT_SITE)
  site.policies.registration = { ...site.policies.registration, requireCaptcha: true }
  return site
}

interface Loaded {
  client: ReturnType<typeof createAccountsClient>
  queryClient: QueryClient
  /** The emulator's word for the challenge on screen, read as a test must: with the site's credentials. */
  answer(): Promise<string>
  challenges: string[]
}

/**
 * A fresh emulator in the browser with a CAPTCHA site, which also records the text challenges it
 * hands out so a play function can solve them.
 */
async function captchaLoader(): Promise<Loaded> {
  const site = captchaSite()
  const emulator = await createEmulatorTransport({ sites: [site], passwordHashIterations: 1000 })
  const challenges: string[] = []
  const transport: AccountsTransport = async (request) => {
    const body = await emulator(request)
    if (request.method === 'accounts.getCaptcha') challenges.push((body as { captchaToken: string }).captchaToken)
    return body
  }
  return {
    client: createAccountsClient({ transport }),
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    challenges,
    async answer() {
      const body = await emulator({
        method: 'emulator.getCaptchaAnswer',
        params: { userKey: site.userKey, secret: site.secret, captchaToken: challenges.at(-1) },
        signal: new AbortController().signal,
      })
      return (body as { captchaText: string }).captchaText
    },
  }
}

/**
 * Stand-ins for the vendors' widgets, drawn by the story itself (no script, no network), each
 * behaving as its kind does: a checkbox gives a token when ticked and takes it back when it expires;
 * an invisible widget asks a question on submit; a score gives a token on submit without a word.
 */
function storyWidget(
  type: CaptchaType,
  mode: WidgetCaptchaProvider['mode'],
  { expireAfterMs }: { expireAfterMs?: number } = {},
): WidgetCaptchaProvider {
  return {
    family: 'widget',
    type,
    mode,
    async render(container, options: CaptchaRenderOptions) {
      const box = document.createElement('div')
      box.dataset.storyWidget = type
      box.dataset.theme = options.theme
      container.append(box)
      let round = 0
      let timer: ReturnType<typeof setTimeout> | undefined
      const tick = () => `${type}-story-token-${++round}`

      if (mode === 'checkbox') {
        const checkbox = document.createElement('input')
        checkbox.type = 'checkbox'
        checkbox.id = `${container.id}-story`
        const label = document.createElement('label')
        label.htmlFor = checkbox.id
        label.textContent = type === 'FunCaptcha' ? 'Verify: the picture is upright' : "I'm not a robot"
        checkbox.addEventListener('change', () => {
          if (!checkbox.checked) return
          options.onToken(tick())
          if (expireAfterMs !== undefined)
            timer = setTimeout(() => {
              checkbox.checked = false
              options.onExpire()
            }, expireAfterMs)
        })
        box.append(checkbox, label)
        return {
          reset() {
            clearTimeout(timer)
            checkbox.checked = false
          },
          destroy() {
            clearTimeout(timer)
            box.remove()
          },
        }
      }

      if (mode === 'score') box.textContent = 'Protected by a score CAPTCHA (story stand-in)'
      return {
        reset() {},
        destroy: () => box.remove(),
        execute: () =>
          mode === 'score'
            ? Promise.resolve(tick())
            : new Promise<string>((resolve) => {
                box.replaceChildren()
                const button = document.createElement('button')
                button.type = 'button'
                button.textContent = 'I am a person'
                button.addEventListener('click', () => {
                  box.replaceChildren()
                  resolve(tick())
                })
                box.append(button)
              }),
      }
    },
  }
}

const meta = {
  title: 'Components/RegistrationScreenSet/CAPTCHA',
  component: RegistrationScreenSet,
  decorators: [withEmulator],
  loaders: [captchaLoader],
} satisfies Meta<typeof RegistrationScreenSet>

export default meta
type Story = StoryObj<typeof meta>

const PASSWORD = 'Secret-123'

async function fillAll(canvas: ReturnType<typeof within>) {
  await userEvent.type(await canvas.findByLabelText(/^Email/), 'ada@example.com')
  await userEvent.type(canvas.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
  await userEvent.type(canvas.getByLabelText(/^Confirm password/), PASSWORD)
  await userEvent.type(canvas.getByLabelText(/^First name/), 'Ada')
  await userEvent.type(canvas.getByLabelText(/^ZIP code/), '10001')
  await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms' }))
  await userEvent.click(canvas.getByRole('checkbox', { name: 'Terms of service' }))
}

const createAccount = (canvas: ReturnType<typeof within>) =>
  userEvent.click(canvas.getByRole('button', { name: 'Create account' }))
const registered = async (canvas: ReturnType<typeof within>) =>
  expect(await canvas.findByRole('heading', { name: 'You are registered' })).toBeInTheDocument()

/** SAP's text CAPTCHA as the emulator serves it: an image, "New challenge", and the word to type. */
export const TextCaptcha: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement)
    const { answer } = loaded as Loaded
    await fillAll(canvas)
    await canvas.findByRole('img', { name: 'CAPTCHA image: type the characters you see' })
    await userEvent.type(canvas.getByLabelText('Type the characters in the image'), await answer())
    await createAccount(canvas)
    await registered(canvas)
  },
}

/** A wrong word: the message on the CAPTCHA, a new image, the rest of the form as it was. */
export const TextCaptchaWrongAnswer: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement)
    const { challenges } = loaded as Loaded
    await fillAll(canvas)
    const image = await canvas.findByRole('img', { name: /^CAPTCHA image/ })
    const first = image.getAttribute('src')
    await userEvent.type(canvas.getByLabelText('Type the characters in the image'), 'WRONG')
    await createAccount(canvas)
    const input = canvas.getByLabelText('Type the characters in the image')
    await waitFor(() => expect(input).toHaveAccessibleDescription('Please confirm you are not a robot'))
    await waitFor(() => expect(challenges).toHaveLength(2))
    await waitFor(async () =>
      expect((await canvas.findByRole('img', { name: /^CAPTCHA image/ })).getAttribute('src')).not.toBe(first),
    )
    await expect(input).toHaveValue('')
    await expect(canvas.getByLabelText(/^Email/)).toHaveValue('ada@example.com')
  },
}

/** reCAPTCHA v2's checkbox (a stand-in): its token goes with the registration. */
export const Checkbox: Story = {
  args: { captcha: storyWidget('reCaptchaV2', 'checkbox') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await fillAll(canvas)
    await userEvent.click(await canvas.findByRole('checkbox', { name: "I'm not a robot" }))
    await createAccount(canvas)
    await registered(canvas)
  },
}

/** A checkbox token expires unused: the submit asks for it again, and sends nothing. */
export const CheckboxExpired: Story = {
  args: { captcha: storyWidget('reCaptchaV2', 'checkbox', { expireAfterMs: 200 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await fillAll(canvas)
    const checkbox = await canvas.findByRole('checkbox', { name: "I'm not a robot" })
    await userEvent.click(checkbox)
    await waitFor(() => expect(checkbox).not.toBeChecked())
    await createAccount(canvas)
    await waitFor(() =>
      expect(canvas.getByRole('group', { name: 'CAPTCHA' })).toHaveAccessibleDescription('Please solve the CAPTCHA'),
    )
  },
}

/** FunCaptcha (a stand-in of Arkose's puzzle): solved before the submit, sent as `FunCaptcha`. */
export const FunCaptchaLike: Story = {
  args: { captcha: storyWidget('FunCaptcha', 'checkbox') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await fillAll(canvas)
    await userEvent.click(await canvas.findByRole('checkbox', { name: 'Verify: the picture is upright' }))
    await createAccount(canvas)
    await registered(canvas)
  },
}

/** Invisible reCAPTCHA (a stand-in): nothing until the submit, which may ask the person a question. */
export const Invisible: Story = {
  args: { captcha: storyWidget('invisible', 'invisible') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await fillAll(canvas)
    await createAccount(canvas)
    await userEvent.click(await canvas.findByRole('button', { name: 'I am a person' }))
    await registered(canvas)
  },
}

/** A score (reCAPTCHA v3 / Enterprise, a stand-in): a token on submit, nothing to solve. */
export const Score: Story = {
  args: { captcha: storyWidget('reCaptchaEnterpriseScore', 'score') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await fillAll(canvas)
    await createAccount(canvas)
    await registered(canvas)
  },
}

/** The widget follows the screen-set's colour scheme and language. */
export const CheckboxDark: Story = {
  args: { captcha: storyWidget('reCaptchaV2', 'checkbox'), colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('checkbox', { name: "I'm not a robot" })
    await expect(canvasElement.querySelector('[data-story-widget]')).toHaveAttribute('data-theme', 'dark')
  },
}
