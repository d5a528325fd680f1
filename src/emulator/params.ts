import type { JsonObject } from '../accounts/types'
import { fail } from './envelope'

/** Longest value any single parameter may have; longer ones are refused, not truncated. */
export const MAX_PARAM_LENGTH = 64 * 1024

const missing = (name: string) => fail(400002, 'Missing required parameter', `Missing required parameter: ${name}`)
const invalid = (name: string) => fail(400006, 'Invalid parameter value', `Invalid ${name}`)

/** Typed reads of wire parameters (all strings), each failing with the documented envelope. */
export class Params {
  constructor(private readonly raw: Readonly<Record<string, string>>) {
    for (const [name, value] of Object.entries(raw)) {
      if (value.length > MAX_PARAM_LENGTH)
        throw fail(400006, 'Invalid parameter value', `${name} is longer than ${MAX_PARAM_LENGTH} characters`)
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
    throw invalid(name)
  }

  integer(name: string): number | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    if (!/^-?\d{1,15}$/.test(value)) throw invalid(name)
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
      throw fail(400006, 'Invalid parameter value', `${name} is not valid JSON`)
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid(name)
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
