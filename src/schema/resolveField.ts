import { fixedField } from './fixedFields'
import type { Site } from './readSite'
import { schemaField } from './schemaField'
import { sectionField } from './sectionField'
import type { FieldSpec } from './types'

/**
 * A spec for `name` on the site's screen, or why it cannot be rendered. The calls' own fields
 * (`password`, `captcha`, …) have names without dots, which no schema field's name is.
 */
export function resolveField(name: string, site: Site): FieldSpec | string {
  return fixedField(name, site) ?? sectionField(name, site, (section, key) => schemaField(section, key, site))
}
