import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import type { AccountsClient } from '../accounts'
import { createTranslator, type CustomLang, type Translator } from '../i18n'
import { retryTransient } from './queryOptions'

export interface AccountsContextValue {
  client: AccountsClient
  lang: string
  customLang: CustomLang
  t: Translator
}

const AccountsContext = createContext<AccountsContextValue | null>(null)

export interface AccountsProviderProps {
  /** From `createAccountsClient`. */
  client: AccountsClient
  /** Language of our messages and of the server's (default: the client's `lang`, else `en`). */
  lang?: string
  /** Messages to replace, by id (`this_field_is_required`, `error_400025`, schema label keys, ...). */
  customLang?: CustomLang
  /** Your QueryClient; otherwise the one of a surrounding `QueryClientProvider`, otherwise our own. */
  queryClient?: QueryClient
  children?: ReactNode
}

function createOwnQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: retryTransient, refetchOnWindowFocus: false } } })
}

/** Gives the components and hooks below it one Accounts client, language and query cache. */
export function AccountsProvider({ client, lang, customLang, queryClient, children }: AccountsProviderProps) {
  const surrounding = useContext(QueryClientContext)
  const [ownQueryClient] = useState(() => (queryClient || surrounding ? undefined : createOwnQueryClient()))
  const resolvedLang = lang ?? client.lang ?? 'en'
  const value = useMemo<AccountsContextValue>(
    () => ({ client, lang: resolvedLang, customLang: customLang ?? {}, t: createTranslator(resolvedLang, customLang) }),
    [client, resolvedLang, customLang],
  )
  const content = <AccountsContext.Provider value={value}>{children}</AccountsContext.Provider>
  const provided = queryClient ?? ownQueryClient
  return provided ? <QueryClientProvider client={provided}>{content}</QueryClientProvider> : content
}

/**
 * The nearest `AccountsProvider`'s client, language and translator. Pass `client` to use another
 * client (a hook then works without a provider, given a QueryClientProvider).
 */
export function useAccounts(
  options: { client?: AccountsClient; lang?: string; customLang?: CustomLang } = {},
): AccountsContextValue {
  const context = useContext(AccountsContext)
  const { client, lang, customLang } = options
  return useMemo(() => {
    if (!context && !client)
      throw new Error('`useAccounts` must be used within `AccountsProvider` (or be given a client)')
    const resolvedClient = client ?? (context as AccountsContextValue).client
    const resolvedLang = lang ?? context?.lang ?? resolvedClient.lang ?? 'en'
    const mergedLang = customLang ? { ...context?.customLang, ...customLang } : (context?.customLang ?? {})
    if (context && !client && lang === undefined && !customLang) return context
    return {
      client: resolvedClient,
      lang: resolvedLang,
      customLang: mergedLang,
      t: createTranslator(resolvedLang, mergedLang),
    }
  }, [context, client, lang, customLang])
}
