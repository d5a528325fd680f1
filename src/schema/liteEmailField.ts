import { EMAIL_TRAITS } from './profileFields'
import type { TranslatePattern } from './readFormat'
import type { Definition } from './schemaSections'
import { schemaFieldSpec } from './schemaFieldSpec'
import type { FieldSpec } from './types'

/**
 * The lite screen's `profile.email`: a lite account is identified by it, so it is asked for and
 * required whatever the schema says (its definition, if any, still gives type, format and access).
 */
export function liteEmailField(profile: Map<string, Definition>, translate: TranslatePattern): FieldSpec {
  return schemaFieldSpec('profile', 'email', profile.get('email') ?? {}, EMAIL_TRAITS, true, translate)
}
