import type { AccountProfile, JsonObject, JsonValue, PreferencesInput, SubscriptionsInput } from '../accounts/types'
import { hasReservedSegment } from '../shared/plainObjects'
import { isEmptyValue, parseNumber, readFieldValue } from './fieldValue'
import type { FieldSpec } from './types'

/**
 * The form's answers as parameters of `register`, `setAccountInfo`, `login`, `resetPassword` or
 * `otp.update`. A type alias, not an interface, so it is assignable to `Record<string, unknown>` for
 * generic handling of the parameters.
 */
export type ApiValues = {
  loginID?: string
  email?: string
  username?: string
  password?: string
  newPassword?: string
  code?: string
  profile?: AccountProfile
  data?: JsonObject
  subscriptions?: SubscriptionsInput
  preferences?: PreferencesInput
  secretQuestion?: string
  secretAnswer?: string
}

type TopLevelKey =
  'loginID' | 'email' | 'username' | 'password' | 'newPassword' | 'code' | 'secretQuestion' | 'secretAnswer'

/** Fields sent as parameters of their own rather than inside `profile`/`data`/... */
const TOP_LEVEL = new Map<string, TopLevelKey>([
  ['loginID', 'loginID'],
  ['email', 'email'],
  ['username', 'username'],
  ['password', 'password'],
  ['newPassword', 'newPassword'],
  ['code', 'code'],
  ['secretQuestion', 'secretQuestion'],
  ['secretAnswer', 'secretAnswer'],
])

/**
 * Converts react-hook-form's values into the call's parameters. Empty optional answers are left out
 * rather than sent as '', which the server would store (or reject by format); unchecked boxes go as
 * false; numbers travel as numbers; `passwordRetype` exists only for the user. A CAPTCHA's solution
 * is no value of the form: the screen-set adds it (`captchaToken` with `captchaType` or
 * `captchaText`) once the submit has passed validation, so it never reaches `onSubmit`'s model.
 */
export function toApiValues(fields: readonly FieldSpec[], values: unknown): ApiValues {
  const api: ApiValues = {}
  for (const field of fields) {
    const path = field.name.split('.')
    const raw = readFieldValue(values, path)
    if (field.name === 'passwordRetype' || (isEmptyValue(field, raw) && !isUncheckedBox(field, raw))) continue
    const value = apiValue(field, raw)
    if (value === undefined) continue
    const topLevel = TOP_LEVEL.get(field.name)
    if (topLevel) {
      api[topLevel] = String(value)
      continue
    }
    switch (field.section) {
      case 'profile':
        setIn((api.profile ??= {}), path.slice(1), value)
        break
      case 'data':
        setIn((api.data ??= {}), path.slice(1), value)
        break
      case 'preferences':
        setIn((api.preferences ??= {}), path.slice(1), value)
        break
      case 'subscriptions':
        if (typeof value === 'boolean') {
          const id = path.slice(1, -2).join('.')
          api.subscriptions = { ...api.subscriptions, [id]: { email: { isSubscribed: value } } }
        }
        break
    }
  }
  return api
}

/**
 * An unchecked box is an answer, sent as false even where the box must be checked: left out, the
 * server would never see a value to hold against its `"true"` format, and would accept what the form
 * refuses.
 */
function isUncheckedBox(field: FieldSpec, raw: unknown): boolean {
  return field.kind === 'checkbox' && raw === false
}

function apiValue(field: FieldSpec, raw: unknown): JsonValue | undefined {
  switch (field.kind) {
    case 'checkbox':
      return typeof raw === 'boolean' ? raw : undefined
    case 'number':
      // An unparsable answer goes as typed, so the server's own message explains it.
      return parseNumber(field, raw) ?? (typeof raw === 'string' ? raw : undefined)
    default:
      return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : undefined
  }
}

/**
 * Nests by the remaining dots: `data.loyalty.points` is sent as `{ loyalty: { points } }`. A path
 * through a reserved segment is dropped (`deriveFields` never makes one; a hand-made spec might).
 */
function setIn(target: JsonObject, path: readonly string[], value: JsonValue): void {
  if (hasReservedSegment(path)) return
  let node = target
  for (const segment of path.slice(0, -1)) {
    const existing = node[segment]
    const child: { [key: string]: JsonValue } = isJsonObject(existing) ? existing : {}
    node[segment] = child
    node = child
  }
  const last = path.at(-1)
  if (last !== undefined) node[last] = value
}

function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
