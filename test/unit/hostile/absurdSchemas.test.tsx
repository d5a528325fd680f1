import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RegistrationScreenSet } from '../../../src'
import { defaultValidationMessages, deriveFields, toApiValues, toZod, type FieldSpec } from '../../../src/schema'
import { callsOf, renderWithEmulator } from '../../support/renderScreenSet'

const PASSWORD = 'Secret-123'
const field = (extra: Record<string, unknown> = {}) => ({
  type: 'string',
  writeAccess: 'clientModify' as const,
  ...extra,
})
const input = (name: string) => document.querySelector(`[name="${CSS.escape(name)}"]`) as HTMLInputElement
const fieldError = (name: string) =>
  document.querySelector(`[data-field="${CSS.escape(name)}"] [data-field-error]`)?.textContent

/** A getSchema answer (as the wire delivers it: parsed JSON, so `__proto__` is a plain key). */
const schemaAnswer = (json: string) => {
  const body = JSON.parse(json) as object
  return { 'accounts.getSchema': () => ({ errorCode: 0, statusCode: 200, ...structuredClone(body) }) }
}

afterEach(() => {
  vi.restoreAllMocks()
})

/** A RegExp that counts its tests, to show each field's pattern runs once per validation. */
function countingPatterns(fields: FieldSpec[]) {
  const counter = { calls: 0 }
  const counted = fields.map((spec) => {
    if (!spec.pattern) return spec
    const original = spec.pattern
    const pattern = Object.assign(new RegExp(original.source, original.flags), {
      test: (text: string) => {
        counter.calls += 1
        return original.test(text)
      },
    })
    return { ...spec, pattern }
  })
  return { counted, counter }
}

describe('a schema of 3 000 fields', () => {
  const COUNT = 3000
  const fields = Object.fromEntries(
    Array.from({ length: COUNT }, (_, i) => [`f${i}`, field({ required: false, format: "regex('^[0-9]*$')" })]),
  )
  const names = Object.keys(fields).map((key) => `data.${key}`)

  it('is derived and validated field by field: each pattern runs exactly once per validation', () => {
    const specs = deriveFields({ dataSchema: { fields } }, undefined, { fields: names })
    expect(specs).toHaveLength(COUNT)
    const { counted, counter } = countingPatterns(specs)
    const values = { data: Object.fromEntries(Object.keys(fields).map((key) => [key, '123'])) }
    const result = toZod(counted, undefined, defaultValidationMessages).safeParse(values)
    expect(result.success).toBe(true)
    expect(counter.calls).toBe(COUNT)
    expect(Object.keys(toApiValues(counted, values).data ?? {})).toHaveLength(COUNT)
  })

  // Queried with selectors: Testing Library's label and role queries are themselves superlinear in the
  // size of the page (a findByLabelText over 400 fields took 27 s), while the form is not.
  it('renders every field, and a keystroke and a submit still work', async () => {
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(
      <RegistrationScreenSet fields={['email', 'password', ...names]} />,
      {},
      schemaAnswer(JSON.stringify({ dataSchema: { fields } })),
    )
    await waitFor(() => expect(input('email')).not.toBeNull())
    expect(document.querySelectorAll('input[name^="data.f"]')).toHaveLength(COUNT)
    await user.type(input('data.f2999'), 'x')
    expect(input('data.f2999')).toHaveValue('x')
    await user.click(document.querySelector('button[type="submit"]') as HTMLButtonElement)
    await waitFor(() => expect(fieldError('data.f2999')).toMatch(/^Invalid/))
    expect(document.querySelectorAll('[data-field-error]')).toHaveLength(3) // email, password, f2999
    expect(callsOf(calls, 'accounts.register')).toHaveLength(0)
  }, 60_000)
})

describe('deep and hostile field names', () => {
  const deepKey = Array.from({ length: 200 }, (_, i) => `l${i}`).join('.')

  it('a name dotted 200 levels deep renders, and is sent nested 200 levels deep', async () => {
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(
      <RegistrationScreenSet fields={['email', 'password', `data.${deepKey}`]} />,
      {},
      schemaAnswer(JSON.stringify({ dataSchema: { fields: { [deepKey]: field() } } })),
    )
    await user.type(await screen.findByLabelText(/^Email/), 'deep@example.com')
    await user.type(input('password'), PASSWORD)
    await user.type(input(`data.${deepKey}`), 'bottom')
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(callsOf(calls, 'accounts.register')).toHaveLength(1))
    let node: unknown = callsOf(calls, 'accounts.register')[0]?.params.data
    for (const segment of deepKey.split('.')) node = (node as Record<string, unknown>)[segment]
    expect(node).toBe('bottom')
  })

  it.each([
    'data.__proto__.polluted',
    'data.a.__proto__.polluted',
    'data.constructor.prototype.polluted',
    'data.prototype',
    'profile.__proto__',
    'preferences.__proto__.polluted.isConsentGranted',
  ])('%s is never a field, and building values through it pollutes nothing', (name) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const key = name.slice(name.indexOf('.') + 1)
    const schema = JSON.parse(
      JSON.stringify({
        profileSchema: { fields: { [key]: field() } },
        dataSchema: { fields: { [key]: field() } },
        preferencesSchema: { fields: { [key.replace(/\.isConsentGranted$/, '')]: field({ type: 'consent' }) } },
      }),
    ) as object
    expect(deriveFields(schema, undefined, { fields: [name] })).toEqual([])
    // A hand-made spec is not protected by deriveFields; toApiValues drops the path itself.
    const spec: FieldSpec = {
      name,
      section: name.startsWith('profile') ? 'profile' : name.startsWith('data') ? 'data' : 'preferences',
      kind: 'text',
      schemaType: 'string',
      label: 'x',
      labelKey: name,
      required: false,
      mustBeTrue: false,
    }
    const values = JSON.parse(
      '{"profile": {"__proto__": {"polluted": "yes"}}, "data": {"__proto__": {"polluted": "yes"}, "a": {"__proto__": {"polluted": "yes"}}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": "yes"}}',
    ) as object
    toApiValues([spec], values)
    toZod([spec], undefined, defaultValidationMessages).safeParse(values)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })
})

describe('malformed schema and policies', () => {
  const weird = JSON.stringify({
    preferencesSchema: { fields: {} },
    dataSchema: {
      fields: {
        typeNumber: { type: 42, required: true, writeAccess: 'clientModify' },
        typeNull: { type: null, required: true, writeAccess: 'clientModify' },
        typeMissing: { required: true, writeAccess: 'clientModify' },
        requiredYes: { type: 'string', required: 'yes', writeAccess: 'clientModify' },
        formatNumber: { type: 'string', format: 123, required: true, writeAccess: 'clientModify' },
        formatObject: { type: 'string', format: { regex: '.*' }, writeAccess: 'clientModify' },
        typeObject: { type: { name: 'string' }, writeAccess: 'clientModify' },
      },
    },
  })
  /** Sections and entries of the wrong JSON type: the client refuses the answer as malformed. */
  const broken = JSON.stringify({
    profileSchema: null,
    subscriptionsSchema: 'subscriptions',
    dataSchema: { fields: { anArray: [1, 2, 3], aNull: null, aString: 'string' } },
  })
  const policies = {
    'accounts.getPolicies': () => ({
      errorCode: 0,
      statusCode: 200,
      registration: { requireCaptcha: 'yes', requireSecurityQuestion: 1 },
      passwordComplexity: { minLength: -5, minCharGroups: 0.5, regExp: '(a|a)*$' },
      accountOptions: { loginIdentifiers: ',,nonsense,' },
    }),
  }

  it('derives what it can, warns about the rest, never throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const schema = JSON.parse(weird) as Parameters<typeof deriveFields>[0]
    expect(deriveFields(JSON.parse(broken) as never, undefined, { fields: ['data.anArray', 'email'] })).toHaveLength(1)
    const specs = deriveFields(schema, undefined)
    expect(specs.map((spec) => spec.name)).toEqual([
      'email',
      'password',
      'passwordRetype',
      'data.typeNumber',
      'data.typeNull',
      'data.typeMissing',
      'data.formatNumber',
    ])
    expect(specs.find((spec) => spec.name === 'data.formatNumber')).toMatchObject({ format: '123' })
    expect(specs.find((spec) => spec.name === 'data.formatNumber')).not.toHaveProperty('pattern')
    expect(deriveFields(schema, undefined, { fields: ['data.requiredYes'] })).toMatchObject([{ required: false }])
    const policies = [
      null,
      42,
      'x',
      [],
      { registration: [], passwordComplexity: 'x', accountOptions: { loginIdentifiers: 7 } },
    ]
    for (const nonsense of [null, undefined, 42, 'schema', [], { dataSchema: [] }, { dataSchema: { fields: 'x' } }])
      for (const policy of policies)
        expect(deriveFields(nonsense as never, policy as never, { fields: ['data.x', 'email'] })).toHaveLength(1)
    expect(warn).toHaveBeenCalled()
  })

  it('renders and submits with malformed schema sections, field types and policies', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(<RegistrationScreenSet />, {}, { ...schemaAnswer(weird), ...policies })
    await user.type(await screen.findByLabelText(/^Email/), 'weird@example.com')
    expect(input('data.typeNumber')).toHaveAttribute('type', 'text')
    await user.type(input('password'), PASSWORD)
    await user.type(input('passwordRetype'), PASSWORD)
    for (const name of ['data.typeNumber', 'data.typeNull', 'data.typeMissing', 'data.formatNumber'])
      await user.type(input(name), 'x')
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(callsOf(calls, 'accounts.register')).toHaveLength(1))
    // The emulator's real schema does not know these fields; the form shows its answer and stays usable.
    await waitFor(() => expect(screen.getByRole('alert')).toBeInTheDocument())
    expect(screen.getByRole('button', { name: 'Create account' })).toBeEnabled()
  })

  it('shows the load error, with a retry, for an answer of the wrong shape', async () => {
    await renderWithEmulator(<RegistrationScreenSet />, {}, schemaAnswer(broken))
    await waitFor(() => expect(document.querySelector('[data-screenset]')).toHaveAttribute('data-screen', 'error'))
    expect(screen.getByRole('alert')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /try again|retry/i })).toBeEnabled()
  })
})

describe('catastrophic patterns in a full render', () => {
  it.each([
    ['(a|aa)+$', `${'a'.repeat(45)}!`],
    ['(a|a)*$', `${'a'.repeat(30)}!`],
    ['^(a+)+$', `${'a'.repeat(30)}!`],
    ['(.*a){20}', `a${'b'.repeat(200)}`.repeat(19)],
  ])('%s: a submit with an adversarial value returns and is sent for the server to judge', async (pattern, value) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const user = userEvent.setup()
    const { calls } = await renderWithEmulator(
      <RegistrationScreenSet fields={['email', 'password', 'data.code']} />,
      {},
      schemaAnswer(JSON.stringify({ dataSchema: { fields: { code: field({ format: `regex('${pattern}')` }) } } })),
    )
    await user.type(await screen.findByLabelText(/^Email/), 'redos@example.com')
    await user.type(input('password'), PASSWORD)
    await user.click(input('data.code'))
    await user.paste(value)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await waitFor(() => expect(callsOf(calls, 'accounts.register')).toHaveLength(1))
    expect(callsOf(calls, 'accounts.register')[0]?.params).toMatchObject({ data: { code: value } })
  })
})
