import { liteEmailField } from './liteEmailField'
import { PROFILE_FIELDS } from './profileFields'
import type { Site } from './readSite'
import { isClientWritable } from './schemaSections'
import { schemaFieldSpec } from './schemaFieldSpec'
import type { FieldSpec } from './types'

/** The spec of the profile or data field `key`, or why it cannot be rendered. */
export function schemaField(
  section: 'profile' | 'data',
  key: string,
  site: Pick<Site, 'screen' | 'translate' | 'profile' | 'data'>,
): FieldSpec | string {
  if (site.screen === 'lite' && section === 'profile' && key === 'email')
    return liteEmailField(site.profile, site.translate)
  const def = site[section].get(key)
  if (!def) return 'the schema has no such field'
  if (!isClientWritable(def)) return 'only the server may write it'
  const reserved = section === 'profile' ? PROFILE_FIELDS.get(key) : undefined
  return schemaFieldSpec(section, key, def, reserved, def['required'] === true, site.translate)
}
