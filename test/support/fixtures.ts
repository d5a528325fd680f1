import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** `../shared/accounts-api/fixtures/`, beside the repository (as in CI); tests run from the repository root. */
export const fixturesDir = resolve(process.cwd(), '../shared/accounts-api/fixtures') + '/'

export function fixtureNames(): string[] {
  return readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort()
}

export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${fixturesDir}${name}.json`, 'utf8')) as Record<string, unknown>
}
