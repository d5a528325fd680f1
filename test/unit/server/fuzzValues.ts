/** Values for any parameter: text, JSON (whole and broken), numbers, huge strings, schema-shaped objects. */
import fc from 'fast-check'

const SCHEMA_KEYS = ['email', 'firstName', 'lastName', 'zip', 'birthYear', 'gender', 'photoURL', 'terms', 'tos']
const SCHEMA_KEYS_EXTRA = ['favoriteTeam', 'householdSize', 'loyalty', 'loyalty.points', 'terms.tos', 'newsletter']

export const tricky = fc.constantFrom(
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'true',
  'false',
  '0',
  '1',
  '-1',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '{}',
  '[]',
  '""',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '%',
  '%00',
  '\u0000',
  '\uD800',
  '\u202E',
  '😀',
  'a@b.co',
  'RT1_x.y',
  'RT1_LTE_.',
)
const unicode = fc.string({ unit: 'binary', maxLength: 40 })
const numbers = fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String)
const jsonText = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
)
const brokenJson = fc
  .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', '}', ',', '"', '{', ']', '\\'))
  .map(([text, cut, tail]) => text.slice(0, cut % (text.length + 1)) + tail)
/** Around and past the 64 KiB cap on a single parameter. */
const huge = fc
  .tuple(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
    fc.oneof(fc.integer({ min: 1_000, max: 80_000 }), fc.constantFrom(65_535, 65_536, 65_537, 70_000)),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length))

const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('10001', 'Ada', 'f', true, 'true', null, 1990),
  fc.boolean().map((isConsentGranted) => ({ isConsentGranted })),
  fc.boolean().map((isSubscribed) => ({ email: { isSubscribed } })),
  fc.record({ tos: fc.record({ isConsentGranted: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })) }) }),
)
/** Objects keyed like the schema (plus junk and `__proto__`), JSON-encoded as the wire wants them. */
export const shapedObject = fc
  .dictionary(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SCHEMA_KEYS, ...SCHEMA_KEYS_EXTRA) },
      fc.constantFrom('__proto__', 'constructor', 'a.b', ''),
      fc.string({ maxLength: 6 }),
    ),
    leaf,
    { maxKeys: 5 },
  )
  .map((value) => JSON.stringify(value))

export const anyValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: unicode },
  { weight: 3, arbitrary: tricky },
  { weight: 2, arbitrary: jsonText },
  { weight: 2, arbitrary: shapedObject },
  { weight: 2, arbitrary: brokenJson },
  { weight: 2, arbitrary: numbers },
  { weight: 1, arbitrary: huge },
)

export const boolish = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('true', 'false', '1', '0') }, anyValue)
export const commaList = (names: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.subarray([...names]).map((items) => items.join(',')) },
    fc
      .array(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 5 })), { maxLength: 4 })
      .map((items) => items.join(' , ')),
    anyValue,
  )
export const biased = (common: fc.Arbitrary<string>) => fc.oneof({ weight: 3, arbitrary: common }, anyValue)

export const randomKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '',
    'apikey',
    'APIKEY',
    'a[b]',
    'profile.firstName',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
)
