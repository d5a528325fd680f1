import type { JsonObject } from '../accounts/types'
import { isPlainObject } from '../shared/plainObjects'
import { fail } from './envelope'
import { invalidParameter, invalidValue } from './errors'

/** Longest value any single parameter may have; longer ones are refused, not truncated. */
export const MAX_PARAM_LENGTH = 64 * 1024

const missing = (name: string) => fail(400002, 'Missing required parameter', `Missing required parameter: ${name}`)

/** Typed reads of wire parameters (all strings), each failing with the documented envelope. */
export class Params {
  constructor(private readonly raw: Readonly<Record<string, string>>) {
    for (const [name, value] of Object.entries(raw)) {
      if (value.length > MAX_PARAM_LENGTH)
        throw invalidParameter(`${name} is longer than ${MAX_PARAM_LENGTH} characters`)
    }
  }

  has(name: string): boolean {
    return Object.hasOwn(this.raw, name) && this.raw[name] !== ''
  }

  names(): string[] {
    return Object.keys(this.raw)
  }

  string(name: string): string | undefined {
    return this.has(name) ? this.raw[name] : undefined
  }

  required(name: string): string {
    const value = this.string(name)
    if (value === undefined) throw missing(name)
    return value
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.string(name)
    if (value === undefined) return fallback
    if (value === 'true' || value === '1') return true
    if (value === 'false' || value === '0') return false
    throw invalidValue(name)
  }

  integer(name: string): number | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    if (!/^-?\d{1,15}$/.test(value)) throw invalidValue(name)
    return Number(value)
  }

  /** A JSON-object parameter (`profile`, `data`, ...). */
  object(name: string): JsonObject | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    let parsed: unknown
    try {
      parsed = JSON.parse(value)
    } catch {
      throw invalidParameter(`${name} is not valid JSON`)
    }
    if (!isPlainObject(parsed)) throw invalidValue(name)
    return parsed as JsonObject
  }

  /** A comma list (`include`, `sections`), trimmed, empty items dropped. */
  list(name: string): string[] | undefined {
    const value = this.string(name)
    return value === undefined
      ? undefined
      : value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== '')
  }
}
