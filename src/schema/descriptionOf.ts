import type { Definition } from './schemaSections'

/** A subscription's or consent's `description`, when it is text to show. */
export function descriptionOf(def: Definition): string | undefined {
  const description = def['description']
  return typeof description === 'string' && description !== '' ? description : undefined
}
