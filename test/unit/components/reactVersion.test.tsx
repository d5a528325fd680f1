import { act, render, renderHook, screen } from '@testing-library/react'
import { useState, version } from 'react'
import { version as domVersion } from 'react-dom'
import { describe, expect, it } from 'vitest'
import { AccountsProvider, createAccountsClient, useAccounts } from '../../../src'
import { createMockTransport } from '../../../src/testing'

// The component tests run twice: in `unit` on the root's React 19 and in `unit-react18` on the copy in
// test/react18 (vite.config.ts). These tests make sure each project really runs the React it names.
const expectedMajor = (projectName: string | undefined) => (projectName === 'unit-react18' ? '18' : '19')

const client = createAccountsClient({ transport: createMockTransport({}) })

describe('the React under test', () => {
  it("is the project's major version, for react and react-dom alike", ({ task }) => {
    const major = expectedMajor(task.file.projectName)
    expect(version.split('.')[0]).toBe(major)
    expect(domVersion).toBe(version)
  })

  it("is the one Testing Library renders with: a hook reads our provider's context, state updates", async () => {
    function Probe() {
      const { lang, client: fromContext } = useAccounts()
      const [clicks, setClicks] = useState(0)
      return (
        <button type="button" data-same-client={fromContext === client} onClick={() => setClicks(clicks + 1)}>
          {lang} {clicks}
        </button>
      )
    }
    render(
      <AccountsProvider client={client} lang="en">
        <Probe />
      </AccountsProvider>,
    )
    const button = screen.getByRole('button', { name: 'en 0' })
    expect(button).toHaveAttribute('data-same-client', 'true')
    await act(async () => button.click())
    expect(screen.getByRole('button', { name: 'en 1' })).toBeInTheDocument()
  })

  it('is the one renderHook uses', () => {
    const { result } = renderHook(() => useAccounts(), {
      wrapper: ({ children }) => <AccountsProvider client={client}>{children}</AccountsProvider>,
    })
    expect(result.current.client).toBe(client)
  })
})
