import { z } from 'zod/mini'
import { readFieldValue } from './fieldValue'
import { fieldZod } from './fieldZod'
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

/** A form's zod schema: an object nested by the fields' names, as react-hook-form nests the values. */
export type FormZodSchema = z.ZodMiniObject<FormZodShape, z.core.$strip>

/** Each key of a form's schema: a field's value, or an object of the fields named below it. */
export type FormZodShape = Record<string, z.ZodMiniType>

/**
 * The form as a zod schema that judges as SAP's engine does, so the user hears about a problem
 * before the round trip, and a server can judge a submitted form by the same rules: one schema per
 * field (`profile.zip` at `shape.profile` → `zip`), and one object-level check for what spans fields,
 * the retype of the password. A CAPTCHA has no value in the form, so no schema.
 */
export function toZod(
  fields: readonly FieldSpec[],
  policies: SitePolicies | undefined,
  messages: ValidationMessages,
): FormZodSchema {
  const rules = passwordRules(policies?.passwordComplexity)
  const form = z.object(
    shapeOf(
      fields.flatMap((field) =>
        field.kind === 'captcha' ? [] : [{ path: field.name.split('.'), schema: fieldZod(field, rules, messages) }],
      ),
    ),
  )
  if (!fields.some((field) => field.name === 'passwordRetype')) return form
  // Where the user changes a password, the retype confirms the new one, not the current one.
  const retypeOf = fields.some((field) => field.name === 'newPassword') ? ['newPassword'] : ['password']
  return form.check(
    z.refine(
      (values) => {
        const retype = readFieldValue(values, ['passwordRetype'])
        // An empty retype already reads `required`.
        return typeof retype !== 'string' || retype === '' || retype === readFieldValue(values, retypeOf)
      },
      {
        path: ['passwordRetype'],
        error: () => messages.passwordsDoNotMatch(),
        // Also when a field failed, so the mismatch shows beside the password's own problems.
        when: () => true,
      },
    ),
  )
}

interface Placed {
  path: readonly string[]
  schema: z.ZodMiniType
}

/**
 * The fields nested by the segments of their names, in the order they come. An object a submission
 * lacks counts as empty, so each of its required fields reads `required`. A name cannot hold both a
 * value and more fields; deriveFields never gives both, and the value wins.
 */
function shapeOf(placed: readonly Placed[]): FormZodShape {
  const groups = new Map<string, Placed[]>()
  for (const { path, schema } of placed) {
    const [key = '', ...rest] = path
    groups.set(key, [...(groups.get(key) ?? []), { path: rest, schema }])
  }
  return Object.fromEntries(
    [...groups].map(([key, members]) => {
      const value = members.find((member) => member.path.length === 0)
      return [key, value ? value.schema : z.prefault(z.object(shapeOf(members)), {})]
    }),
  )
}
