import { isClientWritable, type Definition } from './schemaSections'

/** The keys of a section the client must fill in: required, and the client may write them. */
export function requiredKeys(definitions: Map<string, Definition>): string[] {
  return [...definitions].filter(([, def]) => def['required'] === true && isClientWritable(def)).map(([key]) => key)
}

export function requiredConsentNames(consents: Map<string, Definition>): string[] {
  return requiredKeys(consents).map((key) => `preferences.${key}.isConsentGranted`)
}
