import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { AccountsProvider, createAccountsClient, useAccount, useLogout } from '../../../src'
import { createMockTransport } from '../../../src/testing'

const ok = { errorCode: 0, statusCode: 200 }

function setup(accounts: Record<string, string>) {
  const transport = createMockTransport({
    'accounts.login': (request) => ({
      ...ok,
      UID: request.params.loginID,
      sessionInfo: { login_token: `LT_${String(request.params.loginID)}` },
    }),
    'accounts.getAccountInfo': (request) => {
      const uid = String(request.params.login_token).slice(3)
      const firstName = accounts[uid]
      return firstName === undefined
        ? { errorCode: 403005, statusCode: 403, errorMessage: 'Unauthorized user' }
        : { ...ok, UID: uid, profile: { firstName } }
    },
    'accounts.logout': ok,
  })
  const client = createAccountsClient({ transport })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AccountsProvider client={client}>{children}</AccountsProvider>
  )
  return { client, transport, wrapper }
}

describe('useAccount', () => {
  it('is null while nobody is signed in, without a call', async () => {
    const { transport, wrapper } = setup({})
    const { result } = renderHook(() => useAccount(), { wrapper })
    await waitFor(() => expect(result.current.data).toBeNull())
    expect(transport.calls).toEqual([])
  })

  it('shows the account as soon as someone signs in, and the next user after a switch', async () => {
    const { client, wrapper } = setup({ ann: 'Ann', bob: 'Bob' })
    const { result } = renderHook(() => useAccount(), { wrapper })
    await waitFor(() => expect(result.current.data).toBeNull())
    await act(() => client.login({ loginID: 'ann', password: 'Secret-123' }))
    await waitFor(() => expect(result.current.data?.profile?.firstName).toBe('Ann'))
    await act(() => client.login({ loginID: 'bob', password: 'Secret-123' }))
    await waitFor(() => expect(result.current.data?.profile?.firstName).toBe('Bob'))
  })

  it('is null once the server refuses the session (403005), which the client then forgets', async () => {
    const { client, wrapper } = setup({})
    client.session.set('LT_gone')
    const { result } = renderHook(() => useAccount(), { wrapper })
    await waitFor(() => expect(result.current.data).toBeNull())
    expect(client.session.get()).toBeUndefined()
  })
})

describe('useLogout', () => {
  it('ends the session and takes the account out of the cache', async () => {
    const { client, transport, wrapper } = setup({ ann: 'Ann' })
    await client.login({ loginID: 'ann', password: 'Secret-123' })
    const { result } = renderHook(() => ({ account: useAccount(), logout: useLogout() }), { wrapper })
    await waitFor(() => expect(result.current.account.data?.profile?.firstName).toBe('Ann'))
    await act(() => result.current.logout.mutateAsync())
    await waitFor(() => expect(result.current.account.data).toBeNull())
    expect(transport.calls.at(-1)).toMatchObject({ method: 'accounts.logout', params: { login_token: 'LT_ann' } })
    expect(client.session.get()).toBeUndefined()
  })
})
