import type { JsonValue } from '../accounts/types'

const INTEGER = /^-?\d+$/
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * The value in the field's type, or undefined when it does not fit. Unknown types take strings. A
 * number written as a string must be only the number: surrounding spaces make it invalid, as they do
 * for the client (`src/schema/fieldValue.ts`).
 */
export function coerce(type: string | undefined, value: JsonValue): JsonValue | undefined {
  switch (type) {
    case 'long':
    case 'integer': {
      const number = typeof value === 'string' && INTEGER.test(value) ? Number(value) : value
      if (typeof number !== 'number' || !Number.isSafeInteger(number)) return undefined
      return type === 'integer' && (number > 2147483647 || number < -2147483648) ? undefined : number
    }
    case 'float': {
      const number = typeof value === 'string' && NUMBER.test(value) ? Number(value) : value
      return typeof number === 'number' && Number.isFinite(number) ? number : undefined
    }
    case 'boolean':
      if (typeof value === 'boolean') return value
      return value === 'true' ? true : value === 'false' ? false : undefined
    case 'date':
      return typeof value === 'string' && isDate(value) ? value : undefined
    default:
      return typeof value === 'string' ? value : undefined
  }
}

/**
 * ISO 8601, on a day the calendar has: `Date.parse` alone lets 2023-02-29 roll over into March,
 * where .NET refuses it.
 */
function isDate(value: string): boolean {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value))) return false
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number]
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
