import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { GetPoliciesResponse, GetSchemaResponse } from '../../../src/accounts/types'

/** A recorded response of the shared fixtures, beside the repository; tests run from the repository root. */
function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(resolve(process.cwd(), `../shared/accounts-api/fixtures/${name}.json`), 'utf8'))
}

export const schema = readFixture('getSchema') as GetSchemaResponse
export const policies = readFixture('getPolicies') as GetPoliciesResponse
