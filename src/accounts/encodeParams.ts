/**
 * The Accounts API's form encoding: strings as they are, numbers and booleans as text, objects and
 * arrays as JSON strings; `undefined` and `null` parameters are left out.
 */
export function encodeParams(params: Readonly<Record<string, unknown>>): URLSearchParams {
  const form = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue
    if (typeof value === 'string') form.append(key, value)
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
      form.append(key, String(value))
    else form.append(key, JSON.stringify(value))
  }
  return form
}
