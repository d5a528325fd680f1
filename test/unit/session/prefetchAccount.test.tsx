import { dehydrate, hydrate, QueryClient } from '@tanstack/react-query'
import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect, it } from 'vitest'
import { AccountsProvider, createAccountsClient, useAccount } from '../../../src'
import { accountQueryOptions, memorySessionStore } from '../../../src/prefetch'
import { createMockTransport } from '../../../src/testing'

it("a server prefetches the signed-in user's account with the request's token; the page has it in its first render", async () => {
  const token = 'LT_from_the_request_cookie'
  const server = createMockTransport({
    'accounts.getAccountInfo': (request) =>
      request.params.login_token === token
        ? { errorCode: 0, UID: 'u1', profile: { firstName: 'Ann' } }
        : { errorCode: 403005, errorMessage: 'Unauthorized user' },
  })
  // One client per request on the server, holding that request's session.
  const session = memorySessionStore()
  session.set(token)
  const serverClient = createAccountsClient({ transport: server, cacheKey: 'site', session })
  const serverQueries = new QueryClient()
  await serverQueries.prefetchQuery(accountQueryOptions(serverClient))

  // The page finds the same session in its store as it loads (the glt_ cookie): its first session, and
  // the server's, so the account's query keys match.
  const browser = createMockTransport({})
  const pageSession = memorySessionStore()
  pageSession.set(token)
  const browserClient = createAccountsClient({ transport: browser, cacheKey: 'site', session: pageSession })
  const pageQueries = new QueryClient()
  hydrate(pageQueries, JSON.parse(JSON.stringify(dehydrate(serverQueries))))
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AccountsProvider client={browserClient} queryClient={pageQueries}>
      {children}
    </AccountsProvider>
  )
  const { result } = renderHook(() => useAccount(), { wrapper })
  expect(result.current.data?.profile?.firstName).toBe('Ann')
  expect(browser.calls).toEqual([])
})
