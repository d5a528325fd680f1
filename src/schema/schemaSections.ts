import { isPlainObject } from '../shared/plainObjects'
import { warnOnce } from '../shared/warnOnce'
import type { SiteSchema } from './types'

/** A schema definition as received: the site's console lets anything through, so every attribute is checked. */
export type Definition = Readonly<Record<string, unknown>>

/** The schema's usable definitions, by section and key. */
export interface SchemaSections {
  profile: Map<string, Definition>
  data: Map<string, Definition>
  subscriptions: Map<string, Definition>
  consents: Map<string, Definition>
}

export function readSections(schema: SiteSchema | null | undefined): SchemaSections {
  return {
    profile: sectionFields(schema, 'profileSchema'),
    data: sectionFields(schema, 'dataSchema'),
    // A subscription's settings sit one level down, under its channel.
    subscriptions: new Map(
      [...sectionFields(schema, 'subscriptionsSchema')]
        .map(([id, channels]): [string, unknown] => [id, channels['email']])
        .filter((entry): entry is [string, Definition] => isPlainObject(entry[1])),
    ),
    consents: sectionFields(schema, 'preferencesSchema'),
  }
}

export function isClientWritable(def: Definition): boolean {
  return def['writeAccess'] === 'clientCreate' || def['writeAccess'] === 'clientModify'
}

function sectionFields(schema: SiteSchema | null | undefined, section: keyof SiteSchema): Map<string, Definition> {
  const value: unknown = isPlainObject(schema) ? schema[section] : undefined
  if (value === undefined || value === null) return new Map()
  if (!isPlainObject(value) || !isPlainObject(value['fields'])) {
    if (process.env.NODE_ENV !== 'production')
      warnOnce(`schema:${section}`, `The schema's ${section} has no "fields" object; its fields are not rendered.`)
    return new Map()
  }
  return new Map(
    Object.entries(value['fields']).filter((entry): entry is [string, Definition] => {
      if (isPlainObject(entry[1])) return true
      if (process.env.NODE_ENV !== 'production')
        warnOnce(
          `schema:${section}:${entry[0]}`,
          `The schema's ${section}.fields["${entry[0]}"] is not an object; skipped.`,
        )
      return false
    }),
  )
}
