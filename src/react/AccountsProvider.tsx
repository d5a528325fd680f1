import { QueryClient, QueryClientContext, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { AccountsClient } from '../accounts'
import type { CaptchaProvider } from '../captcha/types'
import { createTranslator, normalizeLang, type Catalog, type CustomLang, type Translator } from '../i18n'
import { catalogQueryOptions, retryTransient } from './queryOptions'

export interface AccountsContextValue {
  client: AccountsClient
  lang: string
  customLang: CustomLang
  t: Translator
  /**
   * Whether the messages of `lang` are there. Until then `t` speaks English, so a screen-set keeps
   * showing its loading state rather than flash English text; a catalog that fails to load counts as
   * ready (English stays).
   */
  catalogReady: boolean
  /** The CAPTCHA of every screen-set below that sets none (`AccountsProviderProps.captcha`). */
  captcha?: CaptchaProvider | undefined
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
  /**
   * The messages of `lang` when you have them already (`await loadCatalog(lang)` on the server), so
   * a server render in another language than English paints the form instead of its loading state.
   */
  initialCatalog?: Catalog
  /**
   * The CAPTCHA provider of every screen-set below that sets none of its own (a vendor's adapter:
   * `recaptcha({ … })`, `funcaptcha({ … })`). Default: SAP's text CAPTCHA (`textCaptcha(client)`).
   * Create it once (module scope or `useMemo`): a new one renders the CAPTCHA anew.
   */
  captcha?: CaptchaProvider
  children?: ReactNode
}

function createOwnQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: retryTransient, refetchOnWindowFocus: false } } })
}

/**
 * The messages of `lang`, loaded once per page and language (English is bundled and needs no
 * request, so it is ready on a server render too). `enabled: false` keeps the hook callable
 * unconditionally where the catalog is not needed.
 */
function useCatalog(lang: string, enabled: boolean, queryClient?: QueryClient, initialCatalog?: Catalog) {
  const needsRequest = enabled && normalizeLang(lang) !== 'en'
  const query = useQuery(
    {
      ...catalogQueryOptions(lang),
      ...(initialCatalog ? { initialData: initialCatalog } : {}),
      enabled: needsRequest,
    },
    queryClient,
  )
  return {
    catalog: needsRequest ? query.data : undefined,
    ready: !needsRequest || query.data !== undefined || query.isError,
  }
}

/**
 * Empties our own QueryClient once the provider is gone: its queries' garbage-collection timers
 * (5 minutes, and a regToken's hour) would otherwise keep the whole cache alive, so a page that
 * mounts the provider again and again would grow. StrictMode's instant remount keeps the cache.
 */
function useClearedOnUnmount(ownQueryClient: QueryClient | undefined) {
  const mounted = useRef(false)
  useEffect(() => {
    if (!ownQueryClient) return
    mounted.current = true
    return () => {
      mounted.current = false
      setTimeout(() => {
        if (!mounted.current) ownQueryClient.clear()
      })
    }
  }, [ownQueryClient])
}

/** Gives the components and hooks below it one Accounts client, language and query cache. */
export function AccountsProvider({
  client,
  lang,
  customLang,
  queryClient,
  initialCatalog,
  captcha,
  children,
}: AccountsProviderProps) {
  const surrounding = useContext(QueryClientContext)
  const [ownQueryClient] = useState(() => (queryClient || surrounding ? undefined : createOwnQueryClient()))
  const provided = queryClient ?? ownQueryClient
  useClearedOnUnmount(ownQueryClient)
  const resolvedLang = lang ?? client.lang ?? 'en'
  const { catalog, ready } = useCatalog(resolvedLang, true, provided, initialCatalog)
  const value = useMemo<AccountsContextValue>(
    () => ({
      client,
      lang: resolvedLang,
      customLang: customLang ?? {},
      t: createTranslator(resolvedLang, customLang, catalog),
      catalogReady: ready,
      captcha,
    }),
    [client, resolvedLang, customLang, catalog, ready, captcha],
  )
  const content = <AccountsContext.Provider value={value}>{children}</AccountsContext.Provider>
  return provided ? <QueryClientProvider client={provided}>{content}</QueryClientProvider> : content
}

/** The nearest `AccountsProvider`'s value, or null outside one (where `useAccounts` would throw). */
export function useOptionalAccounts(): AccountsContextValue | null {
  return useContext(AccountsContext)
}

/**
 * The client and language a hook calls the API with: `options.client`/`options.lang`, else the nearest
 * `AccountsProvider`'s. It reads no message catalog, so the hooks that only call the API add no
 * catalog query of their own: a screen-set's messages come from its provider, once.
 */
export function useAccountsClient(options: { client?: AccountsClient; lang?: string } = {}): {
  client: AccountsClient
  lang: string
} {
  const context = useContext(AccountsContext)
  const client = options.client ?? context?.client
  if (!client) throw new Error('`useAccounts` must be used within `AccountsProvider` (or be given a client)')
  return { client, lang: options.lang ?? context?.lang ?? client.lang ?? 'en' }
}

/**
 * The nearest `AccountsProvider`'s client, language and translator. Pass `client` to use another
 * client (a hook then works without a provider, given a QueryClientProvider); a `lang` of your own
 * gets that language's messages.
 */
export function useAccounts(
  options: { client?: AccountsClient; lang?: string; customLang?: CustomLang } = {},
): AccountsContextValue {
  const context = useContext(AccountsContext)
  const { client, lang, customLang } = options
  // Before any query hook, which would otherwise complain of a missing QueryClient instead.
  if (!context && !client)
    throw new Error('`useAccounts` must be used within `AccountsProvider` (or be given a client)')
  const usesContext = context !== null && !client && lang === undefined && !customLang
  const resolvedLang = lang ?? context?.lang ?? client?.lang ?? 'en'
  // Same query key as the provider's: for the provider's own language this is a cache hit, no request.
  const { catalog, ready } = useCatalog(resolvedLang, !usesContext)
  return useMemo(() => {
    if (usesContext) return context
    const resolvedClient = client ?? (context as AccountsContextValue).client
    const mergedLang = customLang ? { ...context?.customLang, ...customLang } : (context?.customLang ?? {})
    return {
      client: resolvedClient,
      lang: resolvedLang,
      customLang: mergedLang,
      t: createTranslator(resolvedLang, mergedLang, catalog),
      catalogReady: ready,
      captcha: context?.captcha,
    }
  }, [context, client, customLang, usesContext, resolvedLang, catalog, ready])
}
