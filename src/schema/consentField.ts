import { descriptionOf } from './descriptionOf'
import { formatTraits } from './formatTraits'
import { humanize } from './humanize'
import type { TranslatePattern } from './readFormat'
import { isClientWritable, type Definition } from './schemaSections'
import type { FieldSpec } from './types'

/** Consent ids that are abbreviations, keyed by the last segment of the consent path: label, message id. */
const CONSENT_LABELS = new Map([['tos', ['Terms of service', 'terms_of_service']]])

/** The checkbox of a consent, by its path (`terms.tos`), or why there is none. */
export function consentField(
  path: string,
  consents: Map<string, Definition>,
  translate: TranslatePattern,
): FieldSpec | string {
  const def = consents.get(path)
  if (!def) return 'the schema has no such consent'
  if (!isClientWritable(def)) return 'only the server may write it'
  const name = `preferences.${path}.isConsentGranted`
  const required = def['required'] === true
  const format = formatTraits(def['format'], name, 'checkbox', translate)
  const description = descriptionOf(def)
  const writeAccess = def['writeAccess'] === 'clientCreate' ? 'clientCreate' : 'clientModify'
  const generic = CONSENT_LABELS.get(path.slice(path.lastIndexOf('.') + 1))
  return {
    name,
    section: 'preferences',
    kind: 'checkbox',
    schemaType: typeof def['type'] === 'string' ? def['type'] : 'consent',
    label: generic?.[0] ?? humanize(path),
    labelKey: `preferences.${path}`,
    ...(generic && { genericLabelKey: generic[1] }),
    required,
    ...format,
    mustBeTrue: required || format.mustBeTrue === true,
    ...(description !== undefined && { description }),
    writeAccess,
  }
}
