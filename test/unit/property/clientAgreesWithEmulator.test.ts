// @vitest-environment node
/**
 * The agreement property of DESIGN.md §5: for random schemas, policies and inputs, the client's zod
 * verdict and the emulator's verdict agree, in both directions (client accepts ⇔ emulator accepts).
 * The client and the emulator implement the rules of REFERENCE.md independently; every disagreement
 * this finds is a bug in one of them.
 *
 * The emulator is driven as the screen-set drives it: schema and policies read through our client,
 * fields derived with every generated field named, then `initRegistration` and a finalizing `register`
 * with what `toApiValues` makes of the form's values. Three client verdicts are compared with it: the
 * zod schema's, the form's resolver over it, and that of the schema `siteZodSchema` (the prefetch
 * entry) builds from the same answers, on the values as a server receives them (JSON).
 */
import fc from 'fast-check'
import type { FieldValues, ResolverOptions } from 'react-hook-form'
import { describe, expect, it } from 'vitest'
import { AccountsError, createAccountsClient, type RegisterParams } from '../../../src/accounts'
import {
  parseFormat as emulatorParseFormat,
  passesFormat,
  translateDotnetRegex as emulatorTranslateDotnetRegex,
} from '../../../src/emulator/dotnetRegex'
import {
  defaultValidationMessages,
  deriveFields,
  parseFormat,
  toApiValues,
  toZod,
  translateDotnetRegex,
} from '../../../src/schema'
import { siteZodSchema } from '../../../src/prefetch'
import { schemaResolver } from '../../../src/react/schemaResolver'
import { testPattern } from '../../../src/schema/parseFormat'
import { createEmulatorTransport } from '../../../src/testing'
import { PATTERN_CORPUS } from './patternCorpus'

const NUM_RUNS = 1000
/** Patterns are checked on their own too: cheap, so many more of them. */
const PATTERN_RUNS = 3000
const API_KEY = '3_property'

// ---------------------------------------------------------------------------------------------
// Pools
// ---------------------------------------------------------------------------------------------

/** A .NET pattern both sides can translate, with values on either side of it. */
interface PatternCase {
  pattern: string
  matching: readonly string[]
  failing: readonly string[]
}

const PATTERNS: readonly PatternCase[] = [
  { pattern: '^[0-9]{5}$', matching: ['12345', '00123', '99999'], failing: ['1234', '123456', '12a45'] },
  { pattern: '^[A-Z][a-z]+$', matching: ['Ada', 'Zurich'], failing: ['ada', 'ADA', 'A'] },
  { pattern: '(?i)^[a-z]+$', matching: ['abc', 'ABC', 'aBc'], failing: ['ab1', 'a b', 'é'] },
  { pattern: '^\\d{3}-\\d{4}$', matching: ['555-1234'], failing: ['5551234', '555-123', '555–1234'] },
  { pattern: '^(?<area>\\d{3})$', matching: ['030', '123'], failing: ['12', '1234', 'abc'] },
  { pattern: '^\\d+$', matching: ['7', '42', '007', '1990'], failing: ['-7', '1.5', 'x'] },
  { pattern: '^-?\\d{1,3}$', matching: ['-7', '12', '999'], failing: ['1000', '+1', '1.0'] },
  { pattern: '^\\d*\\.\\d+$', matching: ['1.5', '.5', '5.0', '1.50'], failing: ['5', '5.', 'a.b'] },
  { pattern: '^[fmu]{1}$', matching: ['f', 'm', 'u'], failing: ['x', 'fm', 'F'] },
  { pattern: '\\A\\d{2,4}\\z', matching: ['12', '2024'], failing: ['1', '12345', '12a'] },
  { pattern: '^\\p{Lu}\\p{Ll}+$', matching: ['Ärger', 'Ada', 'Ωmega'], failing: ['ärger', 'ADA', 'A'] },
  { pattern: '^\\p{Lu}\\-\\d{2}$', matching: ['A-12', 'Ä-07'], failing: ['a-12', 'A12', 'A-1'] },
  { pattern: '^[\\w.-]+$', matching: ['a.b-c_d', 'x1'], failing: ['a b', 'a@b'] },
  { pattern: '^(true|false)$', matching: ['true', 'false'], failing: ['yes', 'True'] },
  { pattern: '^\\d{4}-\\d{2}-\\d{2}$', matching: ['2024-02-29', '2000-01-01'], failing: ['2024-1-1', '24-01-01'] },
  { pattern: '^(19|20)\\d{2}$', matching: ['1990', '2024'], failing: ['1890', '990', '20245'] },
  { pattern: '^.{2,5}$', matching: ['ab', 'abcde', 'Zoë'], failing: ['a', 'abcdef'] },
  { pattern: '^[^<>]*$', matching: ['plain', 'a b'], failing: ['<b>', 'a>b'] },
  { pattern: 'x', matching: ['box', 'x'], failing: ['abc', 'X'] },
  { pattern: '^ab]$', matching: ['ab]'], failing: ['ab', 'a]'] },
  { pattern: '^[]a]+$', matching: [']a', 'a'], failing: ['b', '[a'] },
  { pattern: '(?m)\\A\\d+\\z', matching: ['12', '007'], failing: ['12\n34', 'a1'] },
  { pattern: "^(?'d'\\d)\\k'd'$", matching: ['11', '22'], failing: ['12', '1'] },
]

/** The corpus's translatable patterns, with the values it gives on either side of each. */
const CORPUS_PATTERNS: readonly PatternCase[] = PATTERN_CORPUS.flatMap((entry) =>
  entry.translatable ? [{ pattern: entry.pattern, matching: entry.passes, failing: entry.fails }] : [],
)

const PASSWORD_PATTERNS = [
  '^\\S+$',
  '(?i)^[a-z0-9]+$',
  '\\d',
  '^\\p{L}+\\d+$',
  '^.{10,}$',
  '[^A-Za-z0-9]',
  '^[\\p{L}\\d\\-]+$',
  '^[^]\\s]+$',
]

const PASSWORDS = [
  '',
  ' ',
  'a',
  'abc',
  'password',
  'Password1',
  'Secret-123',
  'Ärger123',
  'пароль12',
  '密码密码1234',
  '😀😀😀😀😀😀😀😀',
  '12345678',
  'ABCDEFGH',
  'aB3$',
  '        ',
  'Pa ss 12',
  'ÄÖÜäöü12',
  '٣٣٣٣aaaa',
  'xxxxxxxxxxxxY1!',
]

type SchemaType = 'string' | 'basic-string' | 'text' | 'long' | 'integer' | 'float' | 'boolean' | 'date' | 'blob'

const STRING_TYPES: ReadonlySet<SchemaType> = new Set(['string', 'basic-string', 'text', 'blob'])

const TYPICAL: Readonly<Record<Exclude<SchemaType, 'boolean'>, readonly string[]>> = {
  string: ['Ada', 'Zoë Müller', '12345', 'x', 'hello world', '東京'],
  'basic-string': ['Ada', 'Zoë Müller', '12345', 'x', 'hello world', '東京'],
  text: ['Ada', 'Line one\nLine two', '12345', 'x', 'hello world'],
  blob: ['Ada', '12345', 'x'],
  long: ['12', '-7', '0', '1990', '2147483648', '99999999999', '007', '+5'],
  integer: ['12', '-7', '0', '1990', '2147483647', '-2147483648'],
  float: ['1.5', '-7', '1e3', '.5', '5.', '0.25', '12', '-0'],
  date: ['2024-02-29', '2000-01-01', '1999-12-31', '2024-12-31'],
}

const TRICKY_TEXT = ['\t', ' Ada ', 'a\nb', '<b>', '😀', 'null', 'true']
const TRICKY_NUMBERS = [
  '1.5',
  '1e3',
  ' 12',
  '12 ',
  '99999999999',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '1,5',
  'abc',
  'Infinity',
  'NaN',
  '1e309',
  '0x1A',
  '٣',
  '1_000',
]
const TRICKY_DATES = [
  '2023-02-29',
  '2024-13-01',
  '2024-02-30',
  '2024-04-31',
  '2024-00-10',
  '2024-01-00',
  'not a date',
  '2024-1-1',
]

function tricky(type: Exclude<SchemaType, 'boolean'>): readonly string[] {
  if (type === 'long' || type === 'integer' || type === 'float') return TRICKY_NUMBERS
  if (type === 'date') return TRICKY_DATES
  return TRICKY_TEXT
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

type Format = { text: string | null | undefined; pattern?: PatternCase }

interface GeneratedField {
  section: 'profile' | 'data'
  key: string
  type: SchemaType
  required: boolean
  writeAccess: 'clientCreate' | 'clientModify'
  format: Format
  value: unknown
}

interface GeneratedConsent {
  key: string
  required: boolean
  writeAccess: 'clientCreate' | 'clientModify'
  format: 'true' | undefined
  granted: boolean
}

const segment = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,5}$/)
/** Reserved profile fields (the client knows their labels and input types) and site-defined ones; `email` is the login id. */
const profileKey = fc.oneof(
  fc.constantFrom('firstName', 'lastName', 'zip', 'gender', 'birthYear', 'city'),
  segment.filter((key) => key !== 'email'),
)
const dataKey = fc.oneof(
  { weight: 3, arbitrary: segment },
  { weight: 1, arbitrary: fc.tuple(segment, segment).map(([a, b]) => `${a}.${b}`) },
)

const schemaType = fc.oneof(
  {
    weight: 24,
    arbitrary: fc.constantFrom<SchemaType>(
      'string',
      'basic-string',
      'text',
      'long',
      'integer',
      'float',
      'boolean',
      'date',
    ),
  },
  // SAP's console refuses unknown types, yet a client must survive meeting one; both read it as a string.
  { weight: 1, arbitrary: fc.constant<SchemaType>('blob') },
)

/**
 * Most runs mix values on both sides of every rule; the others (`aimed`) draw only values meant to
 * pass, so that acceptance, which needs every field, the email and the password to pass at once, is
 * seen often enough too.
 */
type Aim = 'mixed' | 'aimed'

function formatFor(type: SchemaType, aim: Aim): fc.Arbitrary<Format> {
  const patterns = fc
    .oneof(fc.constantFrom(...PATTERNS), fc.constantFrom(...CORPUS_PATTERNS))
    .map((pattern): Format => ({ text: `regex('${pattern.pattern}')`, pattern }))
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<Format>({ text: undefined }, { text: null }, { text: "regex('')" }) },
    ...(type === 'boolean' ? [{ weight: 3, arbitrary: fc.constant<Format>({ text: 'true' }) }] : []),
    // Few patterns of the pool fit a number or a date; aimed runs keep them for text.
    ...(aim === 'mixed' || STRING_TYPES.has(type) ? [{ weight: 5, arbitrary: patterns }] : []),
  )
}

/**
 * Values as react-hook-form holds them, aimed at both sides of each rule: mostly ones the type (and
 * pattern) should accept, then tricky ones, empty and whitespace, and arbitrary text.
 */
function valueFor(
  section: 'profile' | 'data',
  key: string,
  type: SchemaType,
  format: Format,
  aim: Aim,
): fc.Arbitrary<unknown> {
  if (type === 'boolean') return aim === 'aimed' && format.text === 'true' ? fc.constant(true) : fc.boolean()
  // The client renders a string-typed profile.gender as a select of f/m/u (plus the empty choice); a
  // select cannot send anything else, so nothing else is generated for it.
  if (section === 'profile' && key === 'gender' && STRING_TYPES.has(type)) return fc.constantFrom('', 'f', 'm', 'u')
  const typical = TYPICAL[type]
  const likely = format.pattern
    ? STRING_TYPES.has(type)
      ? format.pattern.matching
      : [...format.pattern.matching, ...typical]
    : typical
  if (aim === 'aimed') return fc.constantFrom(...likely)
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...likely) },
    { weight: 3, arbitrary: fc.constantFrom(...tricky(type), ...(format.pattern?.failing ?? [])) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  )
}

const generatedField = (aim: Aim): fc.Arbitrary<GeneratedField> =>
  fc
    .record({
      section: fc.constantFrom<GeneratedField['section']>('profile', 'data'),
      profileKey,
      dataKey,
      type: schemaType,
      required: fc.boolean(),
      writeAccess: fc.constantFrom<GeneratedField['writeAccess']>('clientModify', 'clientCreate'),
    })
    .chain(({ section, profileKey: pKey, dataKey: dKey, type, required, writeAccess }) => {
      const key = section === 'profile' ? pKey : dKey
      return formatFor(type, aim).chain((format) =>
        valueFor(section, key, type, format, aim).map((value) => ({
          section,
          key,
          type,
          required,
          writeAccess,
          format,
          value,
        })),
      )
    })

/**
 * A schema cannot hold both `a` and `a.b` (one would be a value and an object at once), so of such a
 * pair only the deeper key is kept.
 */
function withoutPrefixClashes<T extends { key: string }>(items: readonly T[], sameSection: (a: T, b: T) => boolean) {
  return items.filter(
    (item) => !items.some((other) => sameSection(item, other) && other.key.startsWith(`${item.key}.`)),
  )
}

const generatedFields = (aim: Aim) =>
  fc
    .uniqueArray(generatedField(aim), {
      minLength: 1,
      maxLength: 8,
      selector: (field) => `${field.section}.${field.key}`,
    })
    .map((fields) => withoutPrefixClashes(fields, (a, b) => a.section === b.section))

const generatedConsents = (aim: Aim) =>
  fc.uniqueArray(
    fc.record({
      key: fc.constantFrom('terms.tos', 'privacy', 'marketing.email', 'cookies'),
      required: fc.boolean(),
      writeAccess: fc.constantFrom<GeneratedConsent['writeAccess']>('clientModify', 'clientCreate'),
      format: fc.constantFrom<GeneratedConsent['format']>(undefined, 'true'),
      granted: aim === 'aimed' ? fc.constant(true) : fc.boolean(),
    }),
    { maxLength: 3, selector: (consent) => consent.key },
  )

const passwordComplexity = fc.record(
  {
    minLength: fc.integer({ min: 0, max: 12 }),
    minCharGroups: fc.integer({ min: 0, max: 4 }),
    regExp: fc.constantFrom(...PASSWORD_PATTERNS),
  },
  { requiredKeys: ['minLength', 'minCharGroups'] },
)

/**
 * Email shapes, filled with the run's number. None has surrounding spaces: the email input
 * (`type="email"`) strips them before the form ever holds the value.
 */
const EMAIL_SHAPES = {
  valid: (id: string) => `u${id}@example.com`,
  tagged: (id: string) => `u${id}+news@mail.example.co.uk`,
  capitals: (id: string) => `U${id}@Example.COM`,
  maxLength: (id: string) => `${`u${id}`.padEnd(64, 'x')}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`,
  tooLong: (id: string) => `${`u${id}`.padEnd(64, 'x')}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`,
  oneLabelDomain: (id: string) => `u${id}@b`,
  space: (id: string) => `u ${id}@example.com`,
  unicodeLocalPart: (id: string) => `jürgen${id}@example.com`,
  trailingDot: (id: string) => `u${id}@example.com.`,
  leadingDot: (id: string) => `.u${id}@example.com`,
  empty: () => '',
} satisfies Record<string, (id: string) => string>
type EmailShape = keyof typeof EMAIL_SHAPES

const validEmailShape = fc.constantFrom<EmailShape>('valid', 'tagged', 'capitals', 'maxLength')
const emailShape = fc.oneof(
  { weight: 4, arbitrary: validEmailShape },
  {
    weight: 1,
    arbitrary: fc.constantFrom<EmailShape>(
      'tooLong',
      'oneLabelDomain',
      'space',
      'unicodeLocalPart',
      'trailingDot',
      'leadingDot',
      'empty',
    ),
  },
)

/** Passwords of all four groups, 13 code points or more: they pass any length and group count generated. */
const STRONG_PASSWORDS = ['Secret-123456', 'Ärger-Übung-2024', 'Пароль-12345678', '密码密码Aa1!密码密码']

const password = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PASSWORDS, ...STRONG_PASSWORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 14 }) },
)

const scenario = fc.constantFrom<Aim>('mixed', 'mixed', 'aimed').chain((aim) =>
  fc.record({
    aim: fc.constant(aim),
    fields: generatedFields(aim),
    consents: generatedConsents(aim),
    passwordComplexity,
    emailShape: aim === 'aimed' ? validEmailShape : emailShape,
    password: aim === 'aimed' ? fc.constantFrom(...STRONG_PASSWORDS) : password,
  }),
)

// ---------------------------------------------------------------------------------------------
// Patterns alone
// ---------------------------------------------------------------------------------------------

/**
 * Pieces whose meaning depends on their neighbours (brackets, dashes and carets, escapes of each,
 * quantifiers), and the openings of the constructs JavaScript lacks: side by side they make real
 * constructs, look-alikes (`}-[`, `\\-[`, `[(?>]`) and invalid patterns.
 */
const PATTERN_PIECES = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('[', ']', '-', '^', '[^', '\\-', '\\[', '\\]', '\\^', '\\\\') },
  { weight: 3, arbitrary: fc.constantFrom('a', 'z', 'A', 'Z', '0', '9', '#', ' ', "'", '.', '$', '|') },
  { weight: 2, arbitrary: fc.constantFrom('{2}', '{1,3}', '{,2}', '+', '*', '?', '(', ')', '(?:', '\\(', '\\)') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '(?>',
      '(?(',
      '(?<n>',
      "(?'n'",
      '(?<a-n>',
      '(?i)',
      '(?i:',
      '(?x)',
      '(?#',
      '\\A',
      '\\z',
      '\\G',
      '\\k<n>',
      '\\d',
      '\\w',
      '\\p{L}',
      '\\p{IsGreek}',
      '\\x41',
      '\\e',
    ),
  },
)

const pieceSoup = fc.array(PATTERN_PIECES, { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join(''))

/** A class among neighbours, its members drawn from what .NET's class scanner treats specially. */
const classShaped = fc
  .tuple(
    fc.constantFrom('', '^', 'a', '-', '\\-', '[A-Z]{2}', '\\d'),
    fc.constantFrom('[', '[^'),
    fc
      .array(
        fc.constantFrom('a', 'z', 'A', '0', '-', '[', ']', '^', '\\-', '\\]', '\\d', '\\p{L}', 'a-z', '-[a]', '-[^a]'),
        { maxLength: 6 },
      )
      .map((members) => members.join('')),
    fc.constantFrom(']', ']]', ']-', ''),
    fc.constantFrom('', '+', '{2}', '-[0-9]', '-[x]', '$'),
  )
  .map((parts) => parts.join(''))

/** Values over the pattern's own characters (and a few others), so that its members are met often. */
function valuesOver(pattern: string): fc.Arbitrary<string[]> {
  const alphabet = [...new Set([...pattern, 'a', 'b', '-', '0', ']', 'Ä', '\n'])]
  return fc.array(
    fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((chars) => chars.join('')),
    { minLength: 1, maxLength: 6 },
  )
}

const patternWithValues = fc
  .oneof(
    { weight: 2, arbitrary: pieceSoup },
    { weight: 2, arbitrary: classShaped },
    { weight: 1, arbitrary: fc.constantFrom(...PATTERN_CORPUS.map((entry) => entry.pattern)) },
  )
  .chain((pattern) => fc.record({ pattern: fc.constant(pattern), values: valuesOver(pattern) }))

const patternTally = { translated: 0, refused: 0 }

function checkPattern({ pattern, values }: { pattern: string; values: readonly string[] }): void {
  const client = translateDotnetRegex(pattern)
  const emulator = emulatorTranslateDotnetRegex(pattern)
  const shown = (reading: { kind: string; reason?: string }) =>
    reading.kind === 'untranslatable' ? `untranslatable (${reading.reason})` : reading.kind
  expect(client.kind, `client: ${shown(client)}; emulator: ${shown(emulator)}`).toBe(emulator.kind)
  patternTally[client.kind === 'regex' ? 'translated' : 'refused'] += 1
  if (client.kind !== 'regex' || emulator.kind !== 'regex') return
  expect(client.maxInputLength).toBe(emulator.maxInputLength)
  // A value too long to test safely is left to the server: it passes the format on either side.
  expect(values.map((value) => [value, passesFormat(emulator, value)])).toEqual(
    values.map((value) => [value, testPattern(client, value) ?? true]),
  )
}

// ---------------------------------------------------------------------------------------------
// Running one scenario
// ---------------------------------------------------------------------------------------------

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target
  for (const part of path.slice(0, -1)) {
    const child = node[part]
    node = (node[part] = typeof child === 'object' && child !== null ? child : {}) as Record<string, unknown>
  }
  node[path[path.length - 1] as string] = value
}

function siteOf(scenario: Scenario, typeOf: (field: GeneratedField) => string) {
  const fieldsOf = (section: GeneratedField['section']) =>
    Object.fromEntries(
      scenario.fields
        .filter((field) => field.section === section)
        .map((field) => [
          field.key,
          {
            type: typeOf(field),
            required: field.required,
            writeAccess: field.writeAccess,
            ...(field.format.text === undefined ? {} : { format: field.format.text }),
          },
        ]),
    )
  return {
    apiKey: API_KEY,
    userKey: 'property-user',
    secret: 'property-secret',
    schema: {
      profileSchema: { fields: fieldsOf('profile') },
      dataSchema: { fields: fieldsOf('data') },
      subscriptionsSchema: { fields: {} },
      preferencesSchema: {
        fields: Object.fromEntries(
          scenario.consents.map((consent) => [
            consent.key,
            {
              type: 'consent',
              required: consent.required,
              writeAccess: consent.writeAccess,
              ...(consent.format === undefined ? {} : { format: consent.format }),
            },
          ]),
        ),
      },
    },
    policies: { passwordComplexity: scenario.passwordComplexity },
  }
}

type ServerVerdict = { accepts: true } | { accepts: false; error: AccountsError }

/** Whether the emulator accepted; anything but acceptance or a rejection of the input is outside the property's domain. */
function serverRejection(error: unknown): ServerVerdict {
  if (!(error instanceof AccountsError)) throw error
  const onInput =
    error.errorCode === 400009 ||
    error.errorCode === 400026 ||
    error.errorCode === 400027 ||
    (error.errorCode === 400006 && error.validationErrors.length > 0) ||
    (error.errorCode === 206001 && (error.errorDetails ?? '').startsWith('Missing required fields'))
  if (!onInput) throw error
  return { accepts: false, error }
}

const RESOLVER_OPTIONS: ResolverOptions<FieldValues> = { fields: {}, shouldUseNativeValidation: false }

/** The fields a verdict refuses, by dotted name. */
function issuePaths(verdict: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[] }[] } }) {
  return [...new Set((verdict.error?.issues ?? []).map((issue) => issue.path.join('.')))].sort()
}

/** The fields that hold an error in react-hook-form's nested errors object, by dotted name. */
function errorPaths(errors: object, prefix = ''): string[] {
  return Object.entries(errors)
    .flatMap(([key, error]: [string, unknown]) =>
      typeof error === 'object' && error !== null && !('message' in error)
        ? errorPaths(error, `${prefix}${key}.`)
        : [`${prefix}${key}`],
    )
    .sort()
}

let runs = 0
const tally = { accepted: 0, rejected: 0 }

async function check(scenario: Scenario): Promise<void> {
  runs += 1
  const emulatorWarnings: string[] = []
  // An emulator of its own per run: no account of an earlier run (or an earlier shrink) is in the way.
  const transport = await createEmulatorTransport({
    sites: [siteOf(scenario, (field) => (field.type === 'blob' ? 'string' : field.type))],
    passwordHashIterations: 1,
    rateLimit: false,
    warn: (message) => emulatorWarnings.push(message),
  })
  if (scenario.fields.some((field) => field.type === 'blob')) {
    // The emulator's site loader refuses unknown types as SAP's console does, so such a schema is
    // stored past it: the field check itself reads an unknown type as a string.
    const stored = await transport.emulator.store.getSite(API_KEY)
    const site = siteOf(scenario, (field) => field.type)
    await transport.emulator.store.putSite({ ...(stored as NonNullable<typeof stored>), schema: site.schema })
  }
  const client = createAccountsClient({ transport })
  const [schema, policies] = await Promise.all([
    client.getSchema({ include: ['profileSchema', 'dataSchema', 'subscriptionsSchema', 'preferencesSchema'] }),
    client.getPolicies({}),
  ])

  const names = [
    'email',
    'password',
    'passwordRetype',
    ...scenario.fields.map((field) => `${field.section}.${field.key}`),
    ...scenario.consents.map((consent) => `preferences.${consent.key}.isConsentGranted`),
  ]
  const fields = deriveFields(schema, policies, { screen: 'register', fields: names })
  expect(
    fields.map((field) => field.name),
    'every generated field is rendered',
  ).toEqual(names)

  const values: Record<string, unknown> = {
    email: EMAIL_SHAPES[scenario.emailShape](String(runs)),
    password: scenario.password,
    // The retype is the client's alone; a mismatch is refused before any request, so it always matches.
    passwordRetype: scenario.password,
  }
  for (const field of scenario.fields) setIn(values, [field.section, ...field.key.split('.')], field.value)
  for (const consent of scenario.consents) {
    setIn(values, ['preferences', ...consent.key.split('.'), 'isConsentGranted'], consent.granted)
  }

  const formSchema = toZod(fields, policies, defaultValidationMessages)
  const clientVerdict = formSchema.safeParse(values)
  const resolved = await schemaResolver<FieldValues>(formSchema)(values, undefined, RESOLVER_OPTIONS)
  const serverSchema = siteZodSchema({ schema, policies, screen: 'register', fields: names })
  const serverSideVerdict = serverSchema.safeParse(JSON.parse(JSON.stringify(values)))
  const params = toApiValues(fields, values)
  const { regToken } = await client.initRegistration()
  const server = await client
    .register({ regToken, ...params, finalizeRegistration: true } as RegisterParams)
    .then((): ServerVerdict => ({ accepts: true }), serverRejection)

  expect(emulatorWarnings, 'the emulator checks every pattern the client checks').toEqual([])
  const explanation = {
    client: clientVerdict.success
      ? 'accepts'
      : clientVerdict.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    emulator: server.accepts
      ? 'accepts'
      : {
          errorCode: server.error.errorCode,
          errorDetails: server.error.errorDetails,
          validationErrors: server.error.validationErrors,
        },
    sent: params,
  }
  expect(clientVerdict.success, JSON.stringify(explanation, null, 2)).toBe(server.accepts)
  expect(errorPaths(resolved.errors), 'the form shows an error on each field the schema refuses').toEqual(
    issuePaths(clientVerdict),
  )
  expect(issuePaths(serverSideVerdict), 'the server-side schema refuses the same fields').toEqual(
    issuePaths(clientVerdict),
  )
  tally[server.accepts ? 'accepted' : 'rejected'] += 1
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('the client agrees with the emulator', () => {
  it.each(PATTERNS.map((entry) => [entry.pattern, entry] as const))(
    'pool pattern %s is translated by both sides and judges its examples alike',
    (_, { pattern, matching, failing }) => {
      const client = parseFormat(`regex('${pattern}')`)
      const emulator = emulatorParseFormat(`regex('${pattern}')`)
      expect(client.kind).toBe('regex')
      expect(emulator.kind).toBe('regex')
      if (client.kind !== 'regex' || emulator.kind !== 'regex') return
      for (const value of matching)
        expect([value, client.regex.test(value), emulator.regex.test(value)]).toEqual([value, true, true])
      for (const value of failing)
        expect([value, client.regex.test(value), emulator.regex.test(value)]).toEqual([value, false, false])
    },
  )

  it.each(PASSWORD_PATTERNS)('password pattern %s is translated by both sides', (pattern) => {
    expect(translateDotnetRegex(pattern).kind).toBe('regex')
    expect(emulatorParseFormat(`regex('${pattern}')`).kind).toBe('regex')
  })

  it('on what a pattern means, for generated patterns and the corpus, on values over their characters', () => {
    fc.assert(fc.property(patternWithValues, checkPattern), { numRuns: PATTERN_RUNS })
    // Both verdicts must be seen often for the agreement on each to mean something.
    expect(patternTally.translated, JSON.stringify(patternTally)).toBeGreaterThan(PATTERN_RUNS * 0.2)
    expect(patternTally.refused, JSON.stringify(patternTally)).toBeGreaterThan(PATTERN_RUNS * 0.2)
  })

  it('on whether a registration is accepted, for random schemas, policies and inputs', async () => {
    await fc.assert(fc.asyncProperty(scenario, check), { numRuns: NUM_RUNS })
    // A property that only ever saw one verdict would prove little.
    expect(tally.accepted, JSON.stringify(tally)).toBeGreaterThan(NUM_RUNS * 0.1)
    expect(tally.rejected, JSON.stringify(tally)).toBeGreaterThan(NUM_RUNS * 0.1)
  }, 60_000)
})
