/** Dotted paths into an account's objects, resolved the way the site schema names its fields. */
import type { JsonObject, JsonValue } from '../accounts/types'
import { hasReservedSegment, isPlainObject } from '../shared/plainObjects'
import { invalidParameter } from './errors'

/** Deeper objects than any schema path are refused before they are walked. */
const MAX_DEPTH = 32

/**
 * Leaf paths of a nested object, stopping at a path the schema knows (its keys may contain dots).
 * Iterative with a depth limit, so a hostile nesting cannot exhaust the stack.
 */
export function leafPaths(
  section: string,
  value: JsonObject,
  known: (path: string, child: JsonValue) => boolean,
): Array<[string, JsonValue]> {
  const leaves: Array<[string, JsonValue]> = []
  const pending: Array<[prefix: string, node: JsonObject, depth: number]> = [['', value, 1]]
  while (pending.length > 0) {
    const [prefix, node, depth] = pending.pop() as [string, JsonObject, number]
    if (depth > MAX_DEPTH) throw invalidParameter(`${section} is nested deeper than ${MAX_DEPTH} levels`)
    const children: Array<[string, JsonObject, number]> = []
    for (const [key, child] of Object.entries(node)) {
      if (child === undefined) continue
      const path = prefix === '' ? key : `${prefix}.${key}`
      if (!known(path, child) && isPlainObject(child) && Object.keys(child).length > 0) {
        children.push([path, child, depth + 1])
      } else {
        leaves.push([path, child])
      }
    }
    pending.push(...children.reverse())
  }
  return leaves
}

/** The schema's definition at `path`; none for a path through a segment JavaScript reserves. */
export function definitionAt<T>(fields: Readonly<Record<string, T>>, path: string): T | undefined {
  return Object.hasOwn(fields, path) && !hasReservedSegment(path) ? fields[path] : undefined
}

export function getPath(root: JsonObject, path: string): JsonValue | JsonObject | undefined {
  if (hasReservedSegment(path)) return undefined
  if (Object.hasOwn(root, path)) return root[path]
  let node: JsonValue | JsonObject | undefined = root
  for (const part of path.split('.')) {
    if (!isPlainObject(node) || !Object.hasOwn(node, part)) return undefined
    node = node[part]
  }
  return node
}

export function setPath(root: JsonObject, path: string, value: JsonValue): void {
  const parts = path.split('.')
  let node: JsonObject = root
  for (const part of parts.slice(0, -1)) {
    const next = Object.hasOwn(node, part) ? node[part] : undefined
    if (!isPlainObject(next)) {
      const created: JsonObject = {}
      Object.defineProperty(node, part, { value: created, enumerable: true, writable: true, configurable: true })
      node = created
    } else {
      node = next
    }
  }
  Object.defineProperty(node, parts[parts.length - 1] as string, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}
