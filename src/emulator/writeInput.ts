import type { JsonObject } from '../accounts/types'
import type { Params } from './params'

/** The object parameters a write may carry, already decoded from JSON. */
export interface WriteInput {
  profile?: JsonObject
  data?: JsonObject
  subscriptions?: JsonObject
  preferences?: JsonObject
}

/** The object parameters of a call (`profile`, `data`, `subscriptions`, `preferences`) that it carries. */
export function writeInputOf(params: Params): WriteInput {
  const input: WriteInput = {}
  for (const name of ['profile', 'data', 'subscriptions', 'preferences'] as const) {
    const value = params.object(name)
    if (value !== undefined) input[name] = value
  }
  return input
}
