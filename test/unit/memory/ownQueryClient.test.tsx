import { HydrationBoundary, QueryClient, dehydrate, useQueryClient } from '@tanstack/react-query'
import { render, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import {
  AccountsProvider,
  RegistrationScreenSet,
  createAccountsClient,
  policiesQueryOptions,
  schemaQueryOptions,
} from '../../../src'
import { createEmulatorTransport } from '../../../src/testing'

/** The QueryClient an AccountsProvider made for itself, as its children see it. */
function Spy({ onClient }: { onClient: (client: QueryClient) => void }) {
  onClient(useQueryClient())
  return null
}

async function recordingClient() {
  const emulator = await createEmulatorTransport({ warn: () => {} })
  const methods: string[] = []
  const client = createAccountsClient({
    transport: (request) => {
      methods.push(request.method)
      return emulator(request)
    },
  })
  return { client, methods }
}

describe('the QueryClient an AccountsProvider makes for itself', () => {
  it('is emptied once the provider unmounts, so its timers keep nothing alive', async () => {
    const { client } = await recordingClient()
    let own: QueryClient | undefined
    const view = render(
      <AccountsProvider client={client}>
        <RegistrationScreenSet />
        <Spy onClient={(queryClient) => (own = queryClient)} />
      </AccountsProvider>,
    )
    await view.findByLabelText(/^Email/)
    const cache = (own as QueryClient).getQueryCache()
    expect(cache.getAll().length).toBeGreaterThan(0)
    view.unmount()
    await waitFor(() => expect(cache.getAll()).toHaveLength(0))
  })

  it('keeps what it holds through StrictMode’s instant remount: a hydrated schema is not fetched again', async () => {
    const { client, methods } = await recordingClient()
    const server = new QueryClient()
    await Promise.all([
      server.prefetchQuery(schemaQueryOptions(client)),
      server.prefetchQuery(policiesQueryOptions(client)),
    ])
    const state = dehydrate(server)
    methods.length = 0
    const view = render(
      <StrictMode>
        <AccountsProvider client={client}>
          <HydrationBoundary state={state}>
            <RegistrationScreenSet />
          </HydrationBoundary>
        </AccountsProvider>
      </StrictMode>,
    )
    await view.findByLabelText(/^Email/)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(methods.filter((method) => method === 'accounts.getSchema' || method === 'accounts.getPolicies')).toEqual([])
  })
})
