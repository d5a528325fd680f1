import { defaultValidationMessages } from './defaultValidationMessages'
import { deriveFields, type DeriveFieldsOptions } from './deriveFields'
import { toZod, type FormZodSchema, type ValidationMessages } from './toZod'
import type { SitePolicies, SiteSchema } from './types'

export interface SiteZodSchemaOptions extends DeriveFieldsOptions {
  /** The answer of `accounts.getSchema` (profile, data, subscriptions and preferences schemas). */
  schema: SiteSchema | null | undefined
  /** The answer of `accounts.getPolicies`. */
  policies: SitePolicies | undefined
  /** The texts of the errors; English by default. */
  messages?: ValidationMessages
}

/**
 * The zod schema of a screen's form, built from the site's `getSchema` and `getPolicies` answers as
 * the screen-set builds it: a server judges a submitted form with the rules the browser applied. The
 * fields are those the screen shows (`screen`, `fields`, … as for `deriveFields`; `register` by default).
 */
export function siteZodSchema({
  schema,
  policies,
  messages = defaultValidationMessages,
  ...screen
}: SiteZodSchemaOptions): FormZodSchema {
  return toZod(deriveFields(schema, policies, screen), policies, messages)
}
