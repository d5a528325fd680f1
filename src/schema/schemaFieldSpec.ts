import { formatTraits } from './formatTraits'
import { humanize } from './humanize'
import type { TranslatePattern } from './readFormat'
import type { Definition } from './schemaSections'
import type { FieldKind, FieldSpec } from './types'

const KIND_BY_TYPE = new Map<string, FieldKind>([
  ['string', 'text'],
  ['basic-string', 'text'],
  ['text', 'textarea'],
  ['long', 'number'],
  ['integer', 'number'],
  ['float', 'number'],
  ['boolean', 'checkbox'],
  ['date', 'date'],
  ['subscription', 'checkbox'],
  ['consent', 'checkbox'],
])

/**
 * The spec of a profile or data field from its definition. `reserved` holds what the browser knows of
 * a reserved profile field (its kind, autofill, keyboard).
 */
export function schemaFieldSpec(
  section: 'profile' | 'data',
  key: string,
  def: Definition,
  reserved: Partial<FieldSpec> | undefined,
  required: boolean,
  translate: TranslatePattern,
): FieldSpec {
  const name = `${section}.${key}`
  const writeAccess = def['writeAccess']
  const schemaType = typeof def['type'] === 'string' ? def['type'] : 'string'
  const kind = KIND_BY_TYPE.get(schemaType) ?? 'text'
  // A schema may give a reserved field another type; a select of genders or an email input would then
  // offer values of the wrong type, so the field is rendered by its type alone.
  const known = reserved?.kind !== undefined && kind !== 'text' && kind !== 'textarea' ? undefined : reserved
  return {
    name,
    section,
    kind,
    schemaType,
    label: humanize(key),
    labelKey: name,
    required,
    mustBeTrue: false,
    ...(schemaType === 'long' || schemaType === 'integer' ? { integer: true, inputMode: 'numeric' } : {}),
    ...(schemaType === 'float' && { inputMode: 'decimal' }),
    ...known,
    ...formatTraits(def['format'], name, known?.kind ?? kind, translate),
    ...((writeAccess === 'clientCreate' || writeAccess === 'clientModify') && { writeAccess }),
  }
}
