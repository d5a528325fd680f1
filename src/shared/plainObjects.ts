/**
 * What every layer means by a plain object, and the path segments that never name a field. It lives
 * in `src/shared` so the browser's form code, the emulator and the server judge objects and paths
 * alike.
 */

/** A non-null object that is not an array; any prototype, or none, counts. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Segments that would reach into prototypes instead of nesting (`data.__proto__.polluted`). */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** Whether a path (dotted, or already split into segments) has a segment JavaScript reserves. */
export function hasReservedSegment(path: readonly string[] | string): boolean {
  const segments = typeof path === 'string' ? path.split('.') : path
  return segments.some((segment) => RESERVED_SEGMENTS.has(segment))
}
