import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LiteSubscribe, RegistrationScreenSet } from '../../../src'
import { DEFAULT_SITE, type SiteConfig } from '../../../src/testing'
import { renderWithEmulator } from '../../support/renderScreenSet'

declare global {
  interface Window {
    __pwned?: unknown
  }
}

const IMG = '<img src=x onerror="window.__pwned=1">'
const SCRIPT = '<script>window.__pwned=1</script>'
const JS_URL = 'javascript:window.__pwned=1'
const TEMPLATE = "{{constructor.constructor('window.__pwned=1')()}}"
const PLACEHOLDERS = '%fieldname %num %email %list'
const RTL = '\u202Egnp.exe\u202C \u2067isolate\u2069'
const LONG = `${'A'.repeat(10_000)}<svg onload="window.__pwned=1">`
const PAYLOADS = { IMG, SCRIPT, JS_URL, TEMPLATE, PLACEHOLDERS, RTL, LONG }

const PASSWORD = 'Secret-123'

afterEach(() => {
  delete window.__pwned
  vi.restoreAllMocks()
})

/** Nothing the payloads could have created: no element of theirs, no handler, no script URL, no side effect. */
function expectInert(root: Element = document.body) {
  expect(root.querySelectorAll('img, script, svg, iframe, object, embed')).toHaveLength(0)
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(false)
      expect(attribute.value.trim().toLowerCase().startsWith('javascript:'), `${attribute.name}`).toBe(false)
    }
  }
  expect(window.__pwned).toBeUndefined()
}

const input = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement
/** The label's own text, without the required marker. */
const labelText = (name: string) => input(name).labels?.[0]?.firstChild?.textContent
const fieldError = (name: string) => document.querySelector(`[data-field="${name}"] [data-field-error]`)?.textContent
const root = () => document.querySelector('[data-screenset]') as HTMLElement

/** DEFAULT_SITE with hostile texts where the site's console lets an administrator type them. */
function hostileSite(): SiteConfig {
  const site = structuredClone(DEFAULT_SITE) as SiteConfig & {
    schema: Record<string, { fields: Record<string, Record<string, unknown>> }>
  }
  const subscriptions = site.schema.subscriptionsSchema?.fields ?? {}
  ;(subscriptions.newsletter as { email: Record<string, unknown> }).email.description = IMG
  ;(subscriptions.offers as { email: Record<string, unknown> }).email.description = SCRIPT
  subscriptions.rtl = { email: { type: 'subscription', required: false, doubleOptIn: false, description: RTL } }
  subscriptions.long = { email: { type: 'subscription', required: false, doubleOptIn: false, description: LONG } }
  const consents = site.schema.preferencesSchema?.fields ?? {}
  ;(consents['terms.tos'] as Record<string, unknown>).description = TEMPLATE
  return site
}

describe('hostile text renders as inert text', () => {
  it.each(Object.entries(PAYLOADS))('labels and messages given by the host (%s)', async (_, payload) => {
    const user = userEvent.setup()
    await renderWithEmulator(
      <RegistrationScreenSet
        fields={['email', 'password', 'profile.firstName', 'profile.zip']}
        labels={{ 'profile.firstName': payload }}
        customLang={{ 'profile.zip': `${payload}!`, this_field_is_required: payload, submit_register: payload }}
      />,
    )
    await screen.findByRole('button', { name: payload })
    expect(labelText('profile.firstName')).toBe(payload)
    expect(labelText('profile.zip')).toBe(`${payload}!`)
    expectInert()

    await user.click(screen.getByRole('button', { name: payload }))
    await waitFor(() => expect(fieldError('profile.firstName')).toBe(payload))
    expect(input('profile.firstName')).toHaveAccessibleDescription(payload.replace(/\s+/g, ' ').trim())
    expectInert()

    // The form keeps working.
    await user.type(input('email'), 'hostile@example.com')
    await user.type(input('password'), PASSWORD)
    await user.type(input('profile.firstName'), 'Eve')
    await user.type(input('profile.zip'), '10001')
    await user.click(screen.getByRole('button', { name: payload }))
    await waitFor(() => expect(root().dataset.screen).not.toBe('register'))
    expectInert()
  })

  it('does not expand placeholders inside substituted text (no %fieldname recursion)', async () => {
    const user = userEvent.setup()
    await renderWithEmulator(
      <RegistrationScreenSet
        fields={['email', 'profile.zip']}
        labels={{ 'profile.zip': '%fieldname %fieldname %fieldname' }}
        customLang={{ invalid_fieldname: '%fieldname / %fieldname' }}
      />,
    )
    await user.type(await screen.findByRole('textbox', { name: /^%fieldname/ }), '123')
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() =>
      expect(fieldError('profile.zip')).toBe('%fieldname %fieldname %fieldname / %fieldname %fieldname %fieldname'),
    )
  })

  it('schema descriptions of subscriptions and consents (LiteSubscribe)', async () => {
    const user = userEvent.setup()
    await renderWithEmulator(<LiteSubscribe />, { sites: [hostileSite()] })
    const newsletter = await screen.findByRole('checkbox', { name: IMG })
    expect(labelText('subscriptions.newsletter.email.isSubscribed')).toBe(IMG)
    expect(labelText('subscriptions.offers.email.isSubscribed')).toBe(SCRIPT)
    expect(labelText('subscriptions.rtl.email.isSubscribed')).toBe(RTL)
    expect(labelText('subscriptions.long.email.isSubscribed')).toBe(LONG)
    expect(labelText('preferences.terms.tos.isConsentGranted')).toBe('Terms of service')
    expectInert()

    await user.type(input('profile.email'), 'reader@example.com')
    await user.click(newsletter)
    await user.click(input('preferences.terms.tos.isConsentGranted'))
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    await screen.findByRole('heading', { name: 'Thank you' })
    expectInert()
  })

  it('subscription descriptions as the widget name when there is no heading', async () => {
    await renderWithEmulator(<LiteSubscribe showHeading={false} subscriptions={['newsletter']} />, {
      sites: [hostileSite()],
    })
    await screen.findByRole('button', { name: 'Subscribe' })
    expect(document.querySelector('form')?.getAttribute('aria-label')).toBe(`Subscribe to ${IMG}`)
    expect(document.querySelector('[data-lists]')?.textContent).toBe(`Subscribe to ${IMG}`)
    expectInert()
  })

  it('server errorMessage, errorDetails and validationErrors[].message', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(
      <RegistrationScreenSet fields={['email', 'password', 'profile.firstName']} />,
    )
    await screen.findByLabelText(/^First name/)
    await user.type(input('email'), 'hostile@example.com')
    await user.type(input('password'), PASSWORD)
    await user.type(input('profile.firstName'), 'Eve')

    // A field the form does not render: the server's message becomes the form's.
    override('accounts.register', () => ({
      errorCode: 400009,
      errorMessage: SCRIPT,
      errorDetails: IMG,
      validationErrors: [{ fieldName: 'data.notRendered', errorCode: 400999, message: IMG }],
    }))
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(IMG))
    expectInert()

    // A code without a message of ours: the server's details, however long, as text.
    override('accounts.register', () => ({ errorCode: 400999, errorMessage: JS_URL, errorDetails: LONG }))
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(LONG))
    expectInert()

    override('accounts.register', () => ({ errorCode: 400999, errorMessage: TEMPLATE }))
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(TEMPLATE))
    expectInert()

    // Still working: the emulator answers again, and the user gets through.
    override('accounts.register', undefined)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(root().dataset.screen).not.toBe('register'))
    expectInert()
  })

  it('"log in instead" is a button: server data cannot turn it into a javascript: link', async () => {
    const user = userEvent.setup()
    const { override } = await renderWithEmulator(<RegistrationScreenSet fields={['email', 'password']} />)
    await user.type(await screen.findByLabelText(/^Email/), 'taken@example.com')
    await user.type(input('password'), PASSWORD)
    override('accounts.register', () => ({
      errorCode: 400009,
      errorMessage: JS_URL,
      errorDetails: `<a href="${JS_URL}">log in</a>`,
      validationErrors: [{ fieldName: 'email', errorCode: 400003, message: `<a href="${JS_URL}">x</a>` }],
    }))
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    const conflict = await waitFor(() => document.querySelector('[data-conflict]') as HTMLElement)
    expect(conflict.querySelectorAll('a')).toHaveLength(0)
    expect(conflict.querySelector('button')).toHaveAttribute('type', 'button')
    expect(document.querySelectorAll('a[href]')).toHaveLength(0)
    expectInert()
  })

  it('a schema field named __proto__ or constructor is skipped, not a crash, and pollutes nothing', async () => {
    // As JSON delivers it: an own property called "__proto__", not a prototype. (The emulator refuses
    // such a schema, so the answer is canned.) Before the fix, react-hook-form's register() threw on
    // it and took the whole form down.
    const schema = JSON.parse(
      `{"errorCode": 0, "statusCode": 200, "dataSchema": {"fields": {
        "__proto__": {"type": "string", "required": true, "writeAccess": "clientModify"},
        "constructor": {"type": "string", "required": true, "writeAccess": "clientModify"},
        "a.prototype.polluted": {"type": "string", "required": true, "writeAccess": "clientModify"},
        "nick": {"type": "string", "required": true, "writeAccess": "clientModify"}}}}`,
    ) as object
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(
      <RegistrationScreenSet
        fields={['email', 'password', 'data.__proto__', 'data.constructor', 'data.a.prototype.polluted', 'data.nick']}
      />,
      {},
      {
        'accounts.getSchema': () => structuredClone(schema),
      },
    )
    await user.type(await screen.findByLabelText(/^Email/), 'proto@example.com')
    expect(input('data.__proto__')).toBeNull()
    expect(input('data.constructor')).toBeNull()
    expect(input('data.a.prototype.polluted')).toBeNull()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Field "data.__proto__" is not rendered'))
    await user.type(input('password'), PASSWORD)
    await user.type(input('data.nick'), 'Eve')
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(calls.some((call) => call.method === 'accounts.register')).toBe(true))
    expect(calls.find((call) => call.method === 'accounts.register')?.params).toMatchObject({ data: { nick: 'Eve' } })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expectInert()
  })
})

describe('no path renders HTML', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry)
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(entry) ? [path] : []
    })

  it('the library never sets HTML from strings, nor evaluates them', () => {
    const sinks =
      /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|new Function\(|\beval\(/
    const offenders = files(join(process.cwd(), 'src')).filter((file) => sinks.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })
})
