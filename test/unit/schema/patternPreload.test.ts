import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { createAccountsClient } from '../../../src/accounts'

const ZIP = { type: 'string', format: "regex('^[0-9]{5}$')" }

/** A fresh module graph, where no test has loaded the pattern translator yet. */
async function fresh() {
  vi.resetModules()
  const { policiesQueryOptions, schemaQueryOptions } = await import('../../../src/react/queryOptions')
  const { loadedPatternTranslator } = await import('../../../src/schema/patternSupport')
  expect(loadedPatternTranslator()).toBeUndefined()
  return { policiesQueryOptions, schemaQueryOptions, loadedPatternTranslator }
}

const answering = (body: Record<string, unknown>) =>
  createAccountsClient({ transport: async () => ({ statusCode: 200, errorCode: 0, ...body }) })

/** Lets a started dynamic import finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('the pattern translator chunk', () => {
  it('starts loading as soon as a schema with a pattern arrives, before any form renders', async () => {
    const { schemaQueryOptions, loadedPatternTranslator } = await fresh()
    const client = answering({ profileSchema: { fields: { zip: ZIP } } })
    await new QueryClient().fetchQuery(schemaQueryOptions(client))
    await vi.waitFor(() => expect(loadedPatternTranslator()).toBeDefined())
  })

  it('starts loading as soon as policies with a password pattern arrive', async () => {
    const { policiesQueryOptions, loadedPatternTranslator } = await fresh()
    const client = answering({ passwordComplexity: { minLength: 8, regExp: '^(?=.*\\d).+$' } })
    await new QueryClient().fetchQuery(policiesQueryOptions(client))
    await vi.waitFor(() => expect(loadedPatternTranslator()).toBeDefined())
  })

  it('is not loaded for a site without patterns', async () => {
    const { policiesQueryOptions, schemaQueryOptions, loadedPatternTranslator } = await fresh()
    const client = answering({ profileSchema: { fields: { zip: { type: 'string' } } }, passwordComplexity: {} })
    const queryClient = new QueryClient()
    await queryClient.fetchQuery(schemaQueryOptions(client))
    await queryClient.fetchQuery(policiesQueryOptions(client))
    await settle()
    expect(loadedPatternTranslator()).toBeUndefined()
  })
})
