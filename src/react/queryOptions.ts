import {
  queryOptions,
  type DataTag,
  type QueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query'
import { AccountsError, type AccountsClient, type GetPoliciesResponse, type GetSchemaResponse } from '../accounts'
import { loadCatalog, normalizeLang, type Catalog } from '../i18n'
import { loadPatternTranslator, needsPatternSupport, preloadPatternTranslator } from '../schema/patternSupport'
import type { LiteExtraFields } from '../schema/deriveLiteFields'
import { loadLiteExtras } from '../schema/loadLiteExtras'
import type { TranslatePattern } from '../schema/readFormat'
import { accountsKeys } from './queryKeys'

/**
 * What every `*QueryOptions` helper returns: options for `useQuery`, `prefetchQuery` or `fetchQuery`
 * whose key carries the data type (named with `@tanstack/react-query`'s types only, so declaration
 * files never reach into `@tanstack/query-core`, which is not a peer dependency).
 */
export type AccountsQueryOptions<TData, TKey extends QueryKey> = UseQueryOptions<TData, Error, TData, TKey> & {
  queryKey: DataTag<TKey, TData, Error>
}
type KeyOf<F extends (...args: never[]) => QueryKey> = ReturnType<F>

/**
 * Retries what may pass on a second try (network, timeout, 5xx, rate limit), twice at most. The
 * QueryClient that `AccountsProvider` creates uses it; a QueryClient of yours keeps its own policy.
 */
export function retryTransient(failureCount: number, error: unknown): boolean {
  return error instanceof AccountsError && error.isRetryable && failureCount < 2
}

/** A regToken is valid for an hour; it is renewed a little before, so it never expires in flight. */
export const REG_TOKEN_STALE_MS = 55 * 60 * 1000

const SCHEMA_PARTS = ['profileSchema', 'dataSchema', 'subscriptionsSchema', 'preferencesSchema'] as const

/** The site schema, fetched once per page and shared by every component (it does not change). */
export function schemaQueryOptions(
  client: AccountsClient,
): AccountsQueryOptions<GetSchemaResponse, KeyOf<typeof accountsKeys.schema>> {
  return queryOptions({
    queryKey: accountsKeys.schema(client),
    // No AbortSignal, here and for the policies: React Query cancels a query whose signal was read
    // when its last observer leaves, so StrictMode's instant remount (and any quick remount) would
    // ask again. The answer is small and shared by every form, so it is always worth keeping.
    queryFn: async () => {
      const schema = await client.getSchema({ include: [...SCHEMA_PARTS] })
      // A bare `{"errorCode":0}` (a proxy or stub that lost the body) would otherwise render a form
      // with only the login fields, as if the site had no schema; SAP always sends what was asked.
      if (!SCHEMA_PARTS.some((part) => schema[part] !== undefined))
        throw new AccountsError({
          method: 'accounts.getSchema',
          errorCode: 500001 /* GENERAL_SERVER_ERROR */,
          errorMessage: 'Malformed response',
          errorDetails: `accounts.getSchema answered with none of ${SCHEMA_PARTS.join(', ')}`,
          response: { ...schema },
        })
      // The form will wait for the pattern translator: its chunk comes beside the policies, not after.
      if (needsPatternSupport(schema, undefined)) preloadPatternTranslator()
      return schema
    },
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** The site policies a browser may read, fetched once per page. */
export function policiesQueryOptions(
  client: AccountsClient,
): AccountsQueryOptions<GetPoliciesResponse, KeyOf<typeof accountsKeys.policies>> {
  return queryOptions({
    queryKey: accountsKeys.policies(client),
    queryFn: async () => {
      const policies = await client.getPolicies({})
      if (needsPatternSupport(undefined, policies)) preloadPatternTranslator()
      return policies
    },
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** A registration token (full or lite), reused until shortly before its hour is over. */
export function regTokenQueryOptions(
  client: AccountsClient,
  lite: boolean,
): AccountsQueryOptions<string, KeyOf<typeof accountsKeys.regToken>> {
  return queryOptions({
    queryKey: accountsKeys.regToken(client, lite),
    queryFn: async ({ signal }) => (await client.initRegistration(lite ? { isLite: true } : {}, { signal })).regToken,
    staleTime: REG_TOKEN_STALE_MS,
    gcTime: REG_TOKEN_STALE_MS,
  })
}

/** The messages of a language (English is bundled: no request), loaded once per page. */
export function catalogQueryOptions(lang: string): AccountsQueryOptions<Catalog, KeyOf<typeof accountsKeys.catalog>> {
  const catalogLang = normalizeLang(lang)
  return queryOptions({
    queryKey: accountsKeys.catalog(catalogLang),
    queryFn: (): Promise<Catalog> => loadCatalog(catalogLang),
    staleTime: Number.POSITIVE_INFINITY,
    // Retrying a chunk that failed to load rarely helps; English at once beats a long wait.
    retry: false,
  })
}

/** The .NET pattern translator, once loaded: code, so it is never prefetched on a server (see below). */
export interface PatternSupport {
  translate: TranslatePattern
}

/**
 * The .NET pattern translator and its backtracking guard, a chunk of their own that the screen-sets
 * load only for a site with patterns (`needsPatternSupport`), once per page. Not part of
 * `prefetchSiteSchema`: a function cannot be dehydrated, and the browser needs the chunk anyway.
 */
export function patternSupportQueryOptions(): AccountsQueryOptions<
  PatternSupport,
  KeyOf<typeof accountsKeys.patternSupport>
> {
  return queryOptions({
    queryKey: accountsKeys.patternSupport(),
    queryFn: async (): Promise<PatternSupport> => ({ translate: await loadPatternTranslator() }),
    staleTime: Number.POSITIVE_INFINITY,
    // A chunk that failed to load shows the load error; "Try again" asks again.
    retry: false,
  })
}

/** The general field resolver, for the extra `fields` of a newsletter form (see `deriveLiteFields`). */
export interface LiteExtras {
  fieldsOf: LiteExtraFields
}

/**
 * The general field resolver that a newsletter form with extra `fields` needs: a chunk of its own, so
 * that a footer's email-only form does not carry the register and login screens' machinery. Requested
 * as the form mounts (its `fields` are known then), beside the schema.
 */
export function liteExtrasQueryOptions(): AccountsQueryOptions<LiteExtras, KeyOf<typeof accountsKeys.liteExtras>> {
  return queryOptions({
    queryKey: accountsKeys.liteExtras(),
    queryFn: async (): Promise<LiteExtras> => ({ fieldsOf: await loadLiteExtras() }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  })
}

/**
 * Fills a QueryClient with what the forms need before they can paint: the schema, the policies and,
 * for another language than English, its messages. Call it on the server, then `dehydrate` the
 * QueryClient into a `HydrationBoundary`, and the forms render complete on the first paint. Like
 * `prefetchQuery`, it never rejects: what failed is fetched again in the browser.
 */
export async function prefetchSiteSchema(
  queryClient: QueryClient,
  client: AccountsClient,
  options: { lang?: string } = {},
): Promise<void> {
  const lang = options.lang ?? client.lang ?? 'en'
  await Promise.all([
    queryClient.prefetchQuery(schemaQueryOptions(client)),
    queryClient.prefetchQuery(policiesQueryOptions(client)),
    normalizeLang(lang) === 'en' ? undefined : queryClient.prefetchQuery(catalogQueryOptions(lang)),
  ])
}
