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
 * sets; `parameters.transport` replaces it (an outage, garbage), and `parameters.answers` replaces the
 * emulator's answer to some methods (a recorded error envelope, say).
 */
export async function emulatorLoader({ parameters }: { parameters: Record<string, unknown> }): Promise<Loaded> {
  const emulator =
    (parameters.transport as AccountsTransport | undefined) ??
    (await createEmulatorTransport({
      ...(parameters.site ? { sites: [parameters.site as SiteConfig] } : {}),
      passwordHashIterations: 1000,
    }))
  const answers = (parameters.answers ?? {}) as Record<string, unknown>
  const transport: AccountsTransport = async (request) => {
    if (!Object.hasOwn(answers, request.method)) return emulator(request)
    const answer = answers[request.method]
    return typeof answer === 'function' ? (answer as AccountsTransport)(request) : structuredClone(answer)
  }
  return {
    client: createAccountsClient({ transport }),
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  }
}
