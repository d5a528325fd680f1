import { toBindingName } from './toBindingName'

const MISSING_PREFIX = /^\s*Missing required fields(?: for registration)?\s*:\s*/i

/** The fields listed in a 206001's `errorDetails`, as input names (anything that is not a name is dropped). */
export function parseMissingFields(errorDetails: string | undefined): string[] {
  if (errorDetails === undefined || !MISSING_PREFIX.test(errorDetails)) return []
  return errorDetails
    .replace(MISSING_PREFIX, '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^[\w.-]+$/.test(name))
    .map(toBindingName)
}
