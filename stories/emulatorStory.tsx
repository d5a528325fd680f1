import { QueryClient } from '@tanstack/react-query'
import type { Decorator } from '@storybook/react-vite'
import { AccountsProvider, createAccountsClient, type AccountsClient, type AccountsTransport } from '../src'
import { createEmulatorTransport, type SiteConfig } from '../src/testing'

interface Loaded {
  client: AccountsClient
  queryClient: QueryClient
}

/** Wraps a story in an AccountsProvider whose client was made by `emulatorLoader`. */
export const withEmulator: Decorator = (Story, { loaded }) => {
  const { client, queryClient } = loaded as Loaded
  return (
    <AccountsProvider client={client} queryClient={queryClient}>
      <Story />
    </AccountsProvider>
  )
}

/**
 * A fresh emulator in the browser (memory store) per story, with the site the story's `parameters.site`
 * sets; `parameters.transport` replaces it (an outage, garbage).
 */
export async function emulatorLoader({ parameters }: { parameters: Record<string, unknown> }): Promise<Loaded> {
  const transport =
    (parameters.transport as AccountsTransport | undefined) ??
    (await createEmulatorTransport({
      ...(parameters.site ? { sites: [parameters.site as SiteConfig] } : {}),
      passwordHashIterations: 1000,
    }))
  return {
    client: createAccountsClient({ transport }),
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  }
}
