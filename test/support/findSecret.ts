/**
 * Where, if anywhere, a secret hides in a value: walks objects (own keys, enumerable or not, and
 * symbols), arrays, Maps (keys and values), Sets, errors (message, stack, cause and own properties),
 * and tries `JSON.stringify` on every object too (a `toJSON` may expose what the fields do not).
 * Returns the path of the first hit, e.g. `$.mutations[0].state.error.cause.message`, so a failing
 * assertion says where to look; `undefined` when the value is clean.
 */
export function findSecret(value: unknown, secrets: readonly string[], root = '$'): string | undefined {
  const wanted = secrets.filter((secret) => secret !== '')
  if (wanted.length === 0) throw new Error('findSecret needs at least one non-empty secret')
  const contains = (text: string) => wanted.some((secret) => text.includes(secret))
  const seen = new WeakSet<object>()

  function walk(current: unknown, path: string): string | undefined {
    if (typeof current === 'string') return contains(current) ? path : undefined
    if (typeof current === 'function') return undefined
    if (current === null || typeof current !== 'object') return undefined
    if (seen.has(current)) return undefined
    seen.add(current)
    // A DOM node shows what it would serialise; its framework internals (React's fiber) are not data.
    if (isElement(current)) return walk(current.outerHTML, `${path}.outerHTML`)

    if (current instanceof Error) {
      const hit =
        walk(current.message, `${path}.message`) ??
        walk(current.stack, `${path}.stack`) ??
        walk(String(current), `${path}.toString()`) ??
        walk(current.cause, `${path}.cause`)
      if (hit) return hit
    }
    if (current instanceof Map) {
      let index = 0
      for (const [key, item] of current) {
        const hit = walk(key, `${path}.<key ${index}>`) ?? walk(item, `${path}.get(${describeKey(key, index)})`)
        if (hit) return hit
        index += 1
      }
    }
    if (current instanceof Set) {
      let index = 0
      for (const item of current) {
        const hit = walk(item, `${path}.<item ${index}>`)
        if (hit) return hit
        index += 1
      }
    }

    for (const key of Reflect.ownKeys(current)) {
      const name = typeof key === 'symbol' ? key.toString() : key
      if (contains(name)) return `${path}.<key ${JSON.stringify(name)}>`
      const descriptor = Reflect.getOwnPropertyDescriptor(current, key)
      // Own getters are not called: reading them may have effects; the JSON fallback covers toJSON.
      const hit =
        descriptor && 'value' in descriptor ? walk(descriptor.value, childPath(path, current, name)) : undefined
      if (hit) return hit
    }

    let json: string | undefined
    try {
      json = JSON.stringify(current, asData)
    } catch {
      json = undefined // circular structures: their parts were walked above
    }
    return json !== undefined && contains(json) ? `${path} (JSON.stringify)` : undefined
  }

  return walk(value, root)
}

const isElement = (value: unknown): value is Element => typeof Element !== 'undefined' && value instanceof Element

function asData(_key: string, value: unknown): unknown {
  return isElement(value) ? value.outerHTML : value
}

function childPath(path: string, parent: object, key: string): string {
  if (Array.isArray(parent) && /^\d+$/.test(key)) return `${path}[${key}]`
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
}

function describeKey(key: unknown, index: number): string {
  return typeof key === 'string' || typeof key === 'number' ? JSON.stringify(key) : `<key ${index}>`
}

/** A password no fixture, message or default contains: `S3cret-` and random characters. */
export function distinctiveSecret(prefix = 'S3cret'): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`
}
