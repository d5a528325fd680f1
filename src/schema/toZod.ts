import { z } from 'zod/mini'
import { isEmptyValue, parseNumber, readFieldValue } from './fieldValue'
import { testPattern } from './readFormat'
import { passwordRules, type PasswordRule } from './passwordRules'
import type { FieldSpec, SitePolicies } from './types'

/** The texts of client-side errors; supplied by the caller so they follow the screen-set's language. */
export interface ValidationMessages {
  required(field: FieldSpec): string
  invalid(field: FieldSpec): string
  mustBeChecked(field: FieldSpec): string
  invalidEmail(field: FieldSpec): string
  passwordsDoNotMatch(): string
  passwordRule(rule: PasswordRule): string
  notANumber(field: FieldSpec): string
}

/** Local part: dot-separated atoms (RFC 5322 dot-atom); domain: two or more host-name labels. */
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?'
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${LABEL}(?:\\.${LABEL})+$`)
const MAX_EMAIL_LENGTH = 254
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * A validator over react-hook-form's values (nested by the dots of each field name) that judges as
 * SAP's engine does, so the user hears about a problem before the round trip. One check walks every
 * field and files each issue under the field's own path, which is where react-hook-form shows it;
 * a per-field object schema could not compare `passwordRetype` with `password`.
 */
export function toZod(
  fields: readonly FieldSpec[],
  policies: SitePolicies | undefined,
  messages: ValidationMessages,
): z.ZodMiniType {
  const form: FormChecks = {
    rules: passwordRules(policies?.passwordComplexity),
    // Where the user changes a password, the retype confirms the new one, not the current one.
    retypeOf: fields.some((field) => field.name === 'newPassword') ? ['newPassword'] : ['password'],
    messages,
  }
  return z.looseObject({}).check((payload) => {
    for (const field of fields) {
      const path = field.name.split('.')
      const input = readFieldValue(payload.value, path)
      for (const message of problems(field, input, payload.value, form)) {
        payload.issues.push({ code: 'custom', path, message, input })
      }
    }
  })
}

/** What judging one field needs to know about the whole form. */
interface FormChecks {
  rules: readonly PasswordRule[]
  /** The path of the password `passwordRetype` must repeat. */
  retypeOf: readonly string[]
  messages: ValidationMessages
}

function problems(field: FieldSpec, value: unknown, values: unknown, form: FormChecks): string[] {
  const { rules, messages } = form
  if (isEmptyValue(field, value)) {
    if (field.kind === 'checkbox' && field.mustBeTrue) return [messages.mustBeChecked(field)]
    return field.required ? [messages.required(field)] : []
  }
  const invalidValue = valueProblem(field, value, messages)
  if (invalidValue !== undefined) return [invalidValue]
  if (
    field.pattern &&
    testPattern({ regex: field.pattern, maxInputLength: field.patternMaxLength }, sentText(field, value)) === false
  )
    return [messages.invalid(field)]
  if (isChosenPassword(field)) {
    return rules.filter((rule) => !rule.test(String(value))).map((rule) => messages.passwordRule(rule))
  }
  if (field.name === 'passwordRetype' && value !== readFieldValue(values, form.retypeOf)) {
    return [messages.passwordsDoNotMatch()]
  }
  return []
}

/**
 * Only a password being chosen answers to the policy: the one of a registration, or the new one of a
 * reset or a change. A current password (login, forced change) is whatever it already is.
 */
function isChosenPassword(field: FieldSpec): boolean {
  return field.name === 'newPassword' || (field.name === 'password' && field.autoComplete === 'new-password')
}

/**
 * The text the pattern judges: the value as the server receives it. A number travels as a number,
 * so '007' and '7.50' are judged as 7 and 7.5, as the emulator judges them (`validateWrite.ts`).
 */
function sentText(field: FieldSpec, value: unknown): string {
  return String(field.kind === 'number' ? parseNumber(field, value) : value)
}

/** Whether a non-empty value fits the field's kind; the message when it does not. */
function valueProblem(field: FieldSpec, value: unknown, messages: ValidationMessages): string | undefined {
  switch (field.kind) {
    case 'checkbox':
      return field.mustBeTrue && value !== true ? messages.mustBeChecked(field) : undefined
    case 'number':
      return parseNumber(field, value) === undefined ? messages.notANumber(field) : undefined
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? undefined : messages.invalid(field)
    case 'email':
      return typeof value === 'string' && isEmail(value) ? undefined : messages.invalidEmail(field)
    case 'select':
      return field.options?.some((option) => option.value === value) ? undefined : messages.invalid(field)
    default:
      return undefined
  }
}

function isEmail(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value)
}

/** A real calendar day written YYYY-MM-DD, as `<input type="date">` gives it. */
function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  return daysInMonth !== undefined && day >= 1 && day <= daysInMonth
}
