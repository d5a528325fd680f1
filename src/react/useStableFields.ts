import { useState } from 'react'
import type { FieldSpec } from '../schema'

/** Whether two values of a field spec say the same: patterns by their source, lists by their content. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (a instanceof RegExp && b instanceof RegExp) return a.source === b.source && a.flags === b.flags
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b)
  return false
}

function sameSpec(a: FieldSpec, b: FieldSpec): boolean {
  const keys = Object.keys(a) as (keyof FieldSpec)[]
  return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]))
}

/** `next`, with the spec of `previous` for each field that did not change. */
function reuse(previous: readonly FieldSpec[], next: FieldSpec[]): FieldSpec[] {
  const byName = new Map(previous.map((field) => [field.name, field]))
  return next.map((field) => {
    const old = byName.get(field.name)
    return old && sameSpec(old, field) ? old : field
  })
}

/**
 * The fields, each the same object as in the previous render while its spec says the same: when the
 * schema and policies are worked out again (the pattern translator came), only the fields that changed
 * render again (`SchemaField` is memoized).
 */
export function useStableFields(fields: FieldSpec[]): FieldSpec[] {
  const [seen, setSeen] = useState({ source: fields, stable: fields })
  if (seen.source === fields) return seen.stable
  const stable = reuse(seen.stable, fields)
  // Adjusting state while rendering, as React's documentation describes; this render returns the result.
  setSeen({ source: fields, stable })
  return stable
}
