import {
  dehydrate,
  HydrationBoundary,
  type DehydratedState,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useEffect, type ReactNode } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import {
  AccountsProvider,
  LiteSubscribe,
  RegistrationScreenSet,
  createAccountsClient,
  type AccountsClient,
  type GetPoliciesResponse,
  type GetSchemaResponse,
  type TransportRequest,
} from '../../src'
import { loadCatalog, policiesQueryOptions, prefetchSiteSchema, schemaQueryOptions } from '../../src/prefetch'
import { createEmulatorTransport, type EmulatorTransport } from '../../src/testing'

const PASSWORD = 'Secret-123'
const SITE = 'hydration-site'

/** One client object for the server render, another for the browser, both of one site and emulator. */
function clients(emulator: EmulatorTransport) {
  const browserCalls: TransportRequest[] = []
  const server = createAccountsClient({ cacheKey: SITE, transport: emulator })
  const browser = createAccountsClient({
    cacheKey: SITE,
    transport: (request) => {
      browserCalls.push(request)
      return emulator(request)
    },
  })
  return { server, browser, browserCalls }
}

/** Calls back once the tree has committed and its effects ran: hydration is over. */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useEffect(onCommit, [onCommit])
  return children
}

interface Page {
  tree: (client: AccountsClient, queryClient: QueryClient) => ReactNode
}

const forms = (props: { initialSchema?: GetSchemaResponse; initialPolicies?: GetPoliciesResponse } = {}) => (
  <>
    <RegistrationScreenSet {...props} />
    <LiteSubscribe {...props} />
  </>
)

let consoleError: MockInstance<typeof console.error>
let root: Root | undefined
let container: HTMLElement

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error')
  container = document.createElement('div')
  document.body.append(container)
})

afterEach(() => {
  root?.unmount()
  root = undefined
  container.remove()
  consoleError.mockRestore()
})

/**
 * Renders the page to HTML with the server's client, puts the HTML in the document, and hydrates
 * the same tree with the browser's client. Returns what React reported as recoverable errors.
 */
async function serverRenderAndHydrate(page: Page, server: AccountsClient, browser: AccountsClient) {
  const serverHtml = renderToString(<Committed onCommit={() => {}}>{page.tree(server, new QueryClient())}</Committed>)
  container.innerHTML = serverHtml
  const parsedHtml = container.innerHTML
  const serverInputs = [...container.querySelectorAll('input')]
  const recoverable: unknown[] = []
  await new Promise<void>((resolve) => {
    root = hydrateRoot(container, <Committed onCommit={resolve}>{page.tree(browser, new QueryClient())}</Committed>, {
      onRecoverableError: (error) => recoverable.push(error),
    })
  })
  return { serverHtml, parsedHtml, serverInputs, recoverable }
}

async function register(user: ReturnType<typeof userEvent.setup>, email: string) {
  await user.type(screen.getByLabelText(/^Email/, { selector: '[name="email"]' }), email)
  await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), PASSWORD)
  await user.type(screen.getByLabelText(/^Confirm password/), PASSWORD)
  await user.type(screen.getByLabelText(/^First name/), 'Ada')
  await user.type(screen.getByLabelText(/^ZIP code/), '10001')
  await user.click(screen.getByRole('checkbox', { name: 'Terms' }))
  const [registrationTos] = screen.getAllByRole('checkbox', { name: /Terms of service/ })
  await user.click(registrationTos as HTMLElement)
  await user.click(screen.getByRole('button', { name: 'Create account' }))
  await screen.findByRole('heading', { name: 'You are registered' })
  expect(container.querySelector('[data-screenset="registration"]')).toHaveAttribute('data-screen', 'success')
}

async function subscribe(user: ReturnType<typeof userEvent.setup>, email: string) {
  await user.type(screen.getByLabelText(/^Email/, { selector: '[name="profile.email"]' }), email)
  await user.click(screen.getByRole('checkbox', { name: 'Weekly newsletter' }))
  await user.click(screen.getByRole('checkbox', { name: /Terms of service/ }))
  await user.click(screen.getByRole('button', { name: 'Subscribe' }))
  await screen.findByRole('heading', { name: 'Thank you' })
  expect(container.querySelector('[data-screenset="lite"]')).toHaveAttribute('data-screen', 'thank-you')
}

describe('hydrating server HTML in Chromium', () => {
  it('with a dehydrated prefetch: no mismatch, the same DOM nodes, and both forms work', async () => {
    const emulator = await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} })
    const { server, browser, browserCalls } = clients(emulator)
    const prefetched = new QueryClient()
    await prefetchSiteSchema(prefetched, server)
    const state = JSON.parse(JSON.stringify(dehydrate(prefetched))) as DehydratedState
    const page: Page = {
      tree: (client, queryClient) => (
        <QueryClientProvider client={queryClient}>
          <HydrationBoundary state={state}>
            <AccountsProvider client={client}>{forms()}</AccountsProvider>
          </HydrationBoundary>
        </QueryClientProvider>
      ),
    }

    const { serverHtml, parsedHtml, serverInputs, recoverable } = await serverRenderAndHydrate(page, server, browser)
    expect(serverHtml).toContain('name="email"')
    expect(serverHtml).toContain('name="profile.email"')
    expect(serverHtml).not.toContain('data-loading')
    expect(recoverable).toEqual([])
    expect(consoleError).not.toHaveBeenCalled()
    expect(container.innerHTML).toBe(parsedHtml)
    // Hydration adopted the server's elements (a mismatch would have replaced them), ids included.
    expect([...container.querySelectorAll('input')]).toEqual(serverInputs)
    expect(screen.getByLabelText(/^First name/)).toBe(serverInputs.find((input) => input.name === 'profile.firstName'))
    expect(browserCalls).toEqual([])

    const user = userEvent.setup()
    await register(user, 'hydrated@example.com')
    await subscribe(user, 'reader@example.com')
    expect(browserCalls.map((call) => call.method)).toEqual(
      expect.arrayContaining(['accounts.register', 'accounts.setAccountInfo']),
    )
    expect(browserCalls.map((call) => call.method)).not.toContain('accounts.getSchema')
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('with initialSchema and initialPolicies props: no mismatch, and both forms work', async () => {
    const emulator = await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} })
    const { server, browser, browserCalls } = clients(emulator)
    const fetched = new QueryClient()
    const [schema, policies] = await Promise.all([
      fetched.fetchQuery(schemaQueryOptions(server)),
      fetched.fetchQuery(policiesQueryOptions(server)),
    ])
    const initial = JSON.parse(JSON.stringify({ initialSchema: schema, initialPolicies: policies })) as {
      initialSchema: GetSchemaResponse
      initialPolicies: GetPoliciesResponse
    }
    const page: Page = {
      tree: (client, queryClient) => (
        <AccountsProvider client={client} queryClient={queryClient}>
          {forms(initial)}
        </AccountsProvider>
      ),
    }

    const { serverHtml, parsedHtml, serverInputs, recoverable } = await serverRenderAndHydrate(page, server, browser)
    expect(serverHtml).not.toContain('data-loading')
    expect(recoverable).toEqual([])
    expect(consoleError).not.toHaveBeenCalled()
    expect(container.innerHTML).toBe(parsedHtml)
    expect([...container.querySelectorAll('input')]).toEqual(serverInputs)
    expect(browserCalls).toEqual([])

    const user = userEvent.setup()
    await register(user, 'initial@example.com')
    await subscribe(user, 'initial-reader@example.com')
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('in German, with the catalog prefetched beside the schema: no mismatch, German on both sides', async () => {
    const emulator = await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} })
    const { server, browser, browserCalls } = clients(emulator)
    const prefetched = new QueryClient()
    await prefetchSiteSchema(prefetched, server, { lang: 'de' })
    const state = JSON.parse(JSON.stringify(dehydrate(prefetched))) as DehydratedState
    const page: Page = {
      tree: (client, queryClient) => (
        <QueryClientProvider client={queryClient}>
          <HydrationBoundary state={state}>
            <AccountsProvider client={client} lang="de">
              {forms()}
            </AccountsProvider>
          </HydrationBoundary>
        </QueryClientProvider>
      ),
    }

    const { serverHtml, parsedHtml, serverInputs, recoverable } = await serverRenderAndHydrate(page, server, browser)
    const german = await loadCatalog('de')
    expect(serverHtml).not.toContain('data-loading')
    expect(serverHtml).toContain(`<button type="submit">${german.submit_register}</button>`)
    expect(recoverable).toEqual([])
    expect(consoleError).not.toHaveBeenCalled()
    expect(container.innerHTML).toBe(parsedHtml)
    expect([...container.querySelectorAll('input')]).toEqual(serverInputs)
    expect(screen.getByRole('button', { name: german.submit_subscribe })).toBeInTheDocument()
    expect(browserCalls).toEqual([])
  })

  it('without a prefetch: the loading state hydrates without mismatch, then the forms load and work', async () => {
    const emulator = await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} })
    const { server, browser, browserCalls } = clients(emulator)
    const page: Page = {
      tree: (client, queryClient) => (
        <AccountsProvider client={client} queryClient={queryClient}>
          {forms()}
        </AccountsProvider>
      ),
    }

    const { serverHtml, recoverable } = await serverRenderAndHydrate(page, server, browser)
    expect(serverHtml.match(/data-loading=""/g)).toHaveLength(2)
    expect(recoverable).toEqual([])
    expect(consoleError).not.toHaveBeenCalled()

    const user = userEvent.setup()
    await screen.findByLabelText(/^Email/, { selector: '[name="email"]' })
    expect(browserCalls.filter((call) => call.method === 'accounts.getSchema')).toHaveLength(1)
    await register(user, 'late@example.com')
    await subscribe(user, 'late-reader@example.com')
    expect(consoleError).not.toHaveBeenCalled()
  })
})
