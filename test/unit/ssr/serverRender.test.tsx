// @vitest-environment node
import {
  dehydrate,
  HydrationBoundary,
  type DehydratedState,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query'
import type { ReactElement } from 'react'
import { renderToReadableStream, renderToString } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'
import type * as Library from '../../../src'
import type * as ServerEntry from '../../../src/prefetch'
import type { AccountsClient, GetPoliciesResponse, GetSchemaResponse, TransportRequest } from '../../../src'
import { createEmulatorTransport, type EmulatorTransport } from '../../../src/testing'

/** The package entries, imported only once the test has seen that there is no DOM. */
let lib: typeof Library
let prefetch: typeof ServerEntry
let emulator: EmulatorTransport

beforeAll(async () => {
  expect(typeof window).toBe('undefined')
  expect(typeof document).toBe('undefined')
  lib = await import('../../../src')
  prefetch = await import('../../../src/prefetch')
  emulator = await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} })
})

/** A client over the emulator that records every call it makes (created by the server-side entry). */
function recordingClient(cacheKey = 'ssr-site', lang?: string) {
  const calls: TransportRequest[] = []
  const client = prefetch.createAccountsClient({
    cacheKey,
    ...(lang ? { lang } : {}),
    transport: (request) => {
      calls.push(request)
      return emulator(request)
    },
  })
  return { client, calls }
}

const renderers = {
  renderToString: (ui: ReactElement) => Promise.resolve(renderToString(ui)),
  renderToReadableStream: async (ui: ReactElement) => {
    const stream = await renderToReadableStream(ui, {
      onError: (error) => {
        throw error
      },
    })
    await stream.allReady
    return new Response(stream).text()
  },
}
type Render = (ui: ReactElement) => Promise<string>

const both = () => (
  <>
    <lib.RegistrationScreenSet />
    <lib.LiteSubscribe />
  </>
)

/** `name` of every input, and whether each input's id has a `<label for>`. */
function inputs(html: string) {
  const labelled = new Set([...html.matchAll(/<label for="([^"]+)"/g)].map((match) => match[1]))
  return [...html.matchAll(/<input [^>]*>/g)].map(([tag]) => ({
    name: /\bname="([^"]+)"/.exec(tag)?.[1],
    labelled: labelled.has(/\bid="([^"]+)"/.exec(tag)?.[1]),
  }))
}

function expectForms(html: string, labels: { email: string; submit: string; subscribe: string }) {
  expect(html).not.toContain('data-loading')
  expect(html).not.toContain('aria-busy')
  expect(html).toContain('data-screenset="registration" data-screen="register"')
  expect(html).toContain('data-screenset="lite" data-screen="subscribe"')
  const fields = inputs(html)
  expect(fields.map((field) => field.name)).toEqual(
    expect.arrayContaining([
      'email',
      'password',
      'passwordRetype',
      'profile.firstName',
      'profile.zip',
      'data.terms',
      'profile.email',
      'subscriptions.newsletter.email.isSubscribed',
    ]),
  )
  expect(fields.every((field) => field.labelled)).toBe(true)
  expect(html).toMatch(new RegExp(`<label for="[^"]+-email">${labels.email}<`))
  expect(html).toContain(`<button type="submit">${labels.submit}</button>`)
  expect(html).toContain(`<button type="submit">${labels.subscribe}</button>`)
}

const english = { email: 'Email', submit: 'Create account', subscribe: 'Subscribe' }

/** What a host fetches on the server for the `initialSchema` / `initialPolicies` props. */
async function fetchSite(client: AccountsClient): Promise<[GetSchemaResponse, GetPoliciesResponse]> {
  const queryClient = new QueryClient()
  return Promise.all([
    queryClient.fetchQuery(prefetch.schemaQueryOptions(client)),
    queryClient.fetchQuery(prefetch.policiesQueryOptions(client)),
  ])
}

describe.each(Object.entries(renderers))('%s in Node, with no DOM', (_name, render: Render) => {
  it('renders the loading state, sending nothing, when nothing was prefetched', async () => {
    const { client, calls } = recordingClient()
    const html = await render(<lib.AccountsProvider client={client}>{both()}</lib.AccountsProvider>)
    expect(html.match(/<p role="status">Loading…<\/p>/g)).toHaveLength(2)
    expect(html).toContain('data-screenset="registration" data-screen="register" data-loading=""')
    expect(html).toContain('data-screenset="lite" data-screen="subscribe" data-layout="stacked" data-loading=""')
    expect(html).not.toContain('<input')
    expect(calls).toEqual([])
  })

  it('paints both forms from a dehydrated prefetch, with another client object of the same site', async () => {
    const server = recordingClient()
    const serverQueryClient = new QueryClient()
    await prefetch.prefetchSiteSchema(serverQueryClient, server.client)
    expect(server.calls.map((call) => call.method).sort()).toEqual(['accounts.getPolicies', 'accounts.getSchema'])
    // What crosses the wire to the browser: JSON.
    const state = JSON.parse(JSON.stringify(dehydrate(serverQueryClient))) as DehydratedState

    const browser = recordingClient()
    const html = await render(
      <QueryClientProvider client={new QueryClient()}>
        <HydrationBoundary state={state}>
          <lib.AccountsProvider client={browser.client}>{both()}</lib.AccountsProvider>
        </HydrationBoundary>
      </QueryClientProvider>,
    )
    expectForms(html, english)
    expect(browser.calls).toEqual([])
  })

  it('paints both forms from initialSchema and initialPolicies, sending nothing while rendering', async () => {
    const [schema, policies] = await fetchSite(recordingClient('elsewhere').client)
    const { client, calls } = recordingClient()
    const html = await render(
      <lib.AccountsProvider client={client}>
        <lib.RegistrationScreenSet initialSchema={schema} initialPolicies={policies} />
        <lib.LiteSubscribe initialSchema={schema} initialPolicies={policies} />
      </lib.AccountsProvider>,
    )
    expectForms(html, english)
    expect(calls).toEqual([])
  })

  it('in another language, shows the loading state until its catalog is passed or prefetched', async () => {
    const { client, calls } = recordingClient('ssr-site', 'de')
    const [schema, policies] = await fetchSite(client)
    calls.length = 0
    const props = { initialSchema: schema, initialPolicies: policies }
    const forms = (
      <>
        <lib.RegistrationScreenSet {...props} />
        <lib.LiteSubscribe {...props} />
      </>
    )
    const german = await prefetch.loadCatalog('de')
    const labels = {
      email: german.email ?? '',
      submit: german.submit_register ?? '',
      subscribe: german.submit_subscribe ?? '',
    }
    expect(labels.submit).not.toBe(english.submit)

    const withoutCatalog = await render(<lib.AccountsProvider client={client}>{forms}</lib.AccountsProvider>)
    expect(withoutCatalog).toContain('data-loading')
    expect(withoutCatalog).not.toContain('<input')

    const withCatalog = await render(
      <lib.AccountsProvider client={client} initialCatalog={german}>
        {forms}
      </lib.AccountsProvider>,
    )
    expectForms(withCatalog, labels)

    const serverQueryClient = new QueryClient()
    await prefetch.prefetchSiteSchema(serverQueryClient, client)
    const state = JSON.parse(JSON.stringify(dehydrate(serverQueryClient))) as DehydratedState
    const prefetched = await render(
      <QueryClientProvider client={new QueryClient()}>
        <HydrationBoundary state={state}>
          <lib.AccountsProvider client={client}>{both()}</lib.AccountsProvider>
        </HydrationBoundary>
      </QueryClientProvider>,
    )
    expectForms(prefetched, labels)
    expect(calls.map((call) => call.method).sort()).toEqual(['accounts.getPolicies', 'accounts.getSchema'])
  })
})

describe('query keys across server and browser', () => {
  const keyOf = (client: AccountsClient) => lib.schemaQueryOptions(client).queryKey
  const rest = (apiKey: string, where: { dataCenter: string } | { baseUrl: string }) =>
    lib.createAccountsClient({ apiKey, ...where })

  it('are equal for two REST clients of one site, and apart for another site or data center', () => {
    const site = rest('3_site', { dataCenter: 'eu1.gigya.com' })
    const onServer = prefetch.createAccountsClient({ apiKey: '3_site', dataCenter: 'eu1.gigya.com' })
    expect(prefetch.schemaQueryOptions(onServer).queryKey).toEqual(keyOf(site))
    expect(keyOf(rest('3_site', { dataCenter: 'eu1.gigya.com' }))).toEqual(keyOf(site))
    expect(keyOf(rest('3_other', { dataCenter: 'eu1.gigya.com' }))).not.toEqual(keyOf(site))
    expect(keyOf(rest('3_site', { dataCenter: 'us1.gigya.com' }))).not.toEqual(keyOf(site))
    expect(keyOf(rest('3_site', { baseUrl: 'http://127.0.0.1:8787' }))).not.toEqual(keyOf(site))
  })

  it('are per client object for custom transports, unless they are given one cacheKey', () => {
    const transport = () => Promise.resolve({})
    const custom = () => lib.createAccountsClient({ transport })
    expect(keyOf(custom())).not.toEqual(keyOf(custom()))
    const named = () => lib.createAccountsClient({ transport, cacheKey: 'shop' })
    expect(keyOf(named())).toEqual(keyOf(named()))
  })
})
