import type { FieldSpec } from './types'

const INTEGER = /^[+-]?\d+$/
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
const INT32_MIN = -(2 ** 31)
const INT32_MAX = 2 ** 31 - 1

/** The value react-hook-form keeps for a field: it nests values by the dots of the field's name. */
export function readFieldValue(values: unknown, path: readonly string[]): unknown {
  let node = values
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined
    node = (node as Record<string, unknown>)[segment]
  }
  return node
}

/**
 * "No value", as SAP's engine means it: the required check fires only then, and nothing else is
 * checked. An unchecked box is a value (false) unless the box must be checked.
 */
export function isEmptyValue(field: FieldSpec, value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    Number.isNaN(value) ||
    (field.kind === 'checkbox' && field.mustBeTrue && value === false)
  )
}

/**
 * The number a number field holds, or undefined when it holds no valid one. Inputs give strings,
 * which must be only the number (' 42' is invalid, on the server too); `long` must stay exact in JSON
 * (a safe integer) and `integer` fits the server's 32 bits.
 */
export function parseNumber(field: FieldSpec, value: unknown): number | undefined {
  const pattern = field.integer ? INTEGER : DECIMAL
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && pattern.test(value) ? Number(value) : NaN
  if (!Number.isFinite(number)) return undefined
  if (!field.integer) return number
  if (!Number.isSafeInteger(number)) return undefined
  if (field.schemaType === 'integer' && (number < INT32_MIN || number > INT32_MAX)) return undefined
  return number
}
