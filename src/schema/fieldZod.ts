import { z } from 'zod/mini'
import { parseNumber } from './fieldValue'
import type { PasswordRule } from './passwordRules'
import { testPattern } from './readFormat'
import type { FieldSpec } from './types'
import type { ValidationMessages } from './toZod'

/** Local part: dot-separated atoms (RFC 5322 dot-atom); domain: two or more host-name labels. */
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?'
/** At most 254 characters (RFC 5321), in the pattern itself, so that one check judges an address. */
const EMAIL = new RegExp(`^(?=.{1,254}$)${ATOM}(?:\\.${ATOM})*@${LABEL}(?:\\.${LABEL})+$`)

/**
 * "No value", as SAP's engine means it: an optional field takes it, and nothing else is checked. NaN
 * is what a number input read as a number holds when empty. JSON has no NaN: JSON Schema writes it as
 * `null`, which is why null stands apart, so that no list names it twice.
 */
const NO_VALUE = z.nullable(z.literal(['', NaN]))

/**
 * The schema of one field's value. A required field's missing value fails the value's type or its
 * first check, which then read `required`; an optional field also takes "no value". One message per
 * field, as the Web SDK shows, except for a password the policy refuses: it hears every rule it breaks.
 */
export function fieldZod(
  field: FieldSpec,
  rules: readonly PasswordRule[],
  messages: ValidationMessages,
): z.ZodMiniType {
  if (field.kind === 'checkbox' && field.mustBeTrue) {
    return z.literal(true, { error: () => messages.mustBeChecked(field) })
  }
  const value = valueZod(field, rules, messages)
  if (field.required) return value
  return z.optional(
    z.union([value, NO_VALUE], {
      // Where both fail, the value's own message says what is wrong with it.
      error: (issue) => (issue.code === 'invalid_union' ? issue.errors[0]?.[0]?.message : undefined),
    }),
  )
}

/** A value of the field's kind, then its pattern, then the password policy; the first that fails ends it. */
function valueZod(field: FieldSpec, rules: readonly PasswordRule[], messages: ValidationMessages): z.ZodMiniType {
  const kind = kindZod(field, messages)
  const pattern = field.pattern && { regex: field.pattern, maxInputLength: field.patternMaxLength }
  const policy = isChosenPassword(field) ? rules : []
  return kind.check(
    // A refinement, not z.regex: the translation may carry flags JSON Schema's `pattern` cannot, and a
    // value too long to test safely is left to the server.
    ...(pattern
      ? [
          z.refine((value) => testPattern(pattern, sentText(field, value)) !== false, {
            error: () => messages.invalid(field),
            when: valid,
          }),
        ]
      : []),
    // One check for every rule, as the password hears each rule it breaks; the policy counts code
    // points, where zod's length checks count UTF-16 units.
    ...(policy.length > 0
      ? [
          z.check<unknown>(
            (payload) => {
              for (const rule of policy) {
                if (rule.test(String(payload.value))) continue
                payload.issues.push({ code: 'custom', message: messages.passwordRule(rule), input: payload.value })
              }
            },
            { when: valid },
          ),
        ]
      : []),
  )
}

/**
 * The type of the field's value as the form holds it, with one check at most that can fail: a
 * missing value reads `required`, a wrong one the kind's message.
 */
function kindZod(field: FieldSpec, messages: ValidationMessages): z.ZodMiniType {
  const because = (message: (field: FieldSpec) => string) => ({
    error: (issue: { input?: unknown }) => (isMissing(issue.input) ? messages.required(field) : message(field)),
  })
  switch (field.kind) {
    case 'checkbox':
      return z.boolean(because(messages.invalid))
    case 'number': {
      const params = because(messages.notANumber)
      // An input holds the number as text, so the closest type is a number or a text; a refinement
      // reads either as the server does (only the number, a safe `long`, a 32-bit `integer`).
      // z.int() would type whole numbers for JSON Schema, but costs the page half a kilobyte.
      return z
        .union([z.number(params), z.string(params)], params)
        .check(z.refine((value) => parseNumber(field, value) !== undefined, params))
    }
    case 'date':
      return z.iso.date(because(messages.invalid))
    case 'select':
      return z.literal(
        (field.options ?? []).map((option) => option.value),
        because(messages.invalid),
      )
    case 'email':
      return z.string(because(messages.invalidEmail)).check(z.regex(EMAIL, because(messages.invalidEmail)))
    default:
      return z.string(because(messages.invalid)).check(z.minLength(1, because(messages.invalid)))
  }
}

/** Whether the value passed every check so far. */
function valid(payload: z.core.ParsePayload): boolean {
  return payload.issues.length === 0
}

/**
 * No value: zod reads `values[key]`, so a key the values lack but `Object.prototype` has (`toString`)
 * reads as an inherited function, which neither the form nor JSON ever holds.
 */
function isMissing(input: unknown): boolean {
  return input === undefined || input === null || input === '' || Number.isNaN(input) || typeof input === 'function'
}

/**
 * The text the pattern judges: the value as the server receives it. A number travels as a number,
 * so '007' and '7.50' are judged as 7 and 7.5, as the emulator judges them (`validateWrite.ts`).
 */
function sentText(field: FieldSpec, value: unknown): string {
  return String(field.kind === 'number' ? parseNumber(field, value) : value)
}

/**
 * Only a password being chosen answers to the policy: the one of a registration, or the new one of a
 * reset or a change. A current password (login, forced change) is whatever it already is.
 */
function isChosenPassword(field: FieldSpec): boolean {
  return field.name === 'newPassword' || (field.name === 'password' && field.autoComplete === 'new-password')
}
