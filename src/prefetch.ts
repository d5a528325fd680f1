/**
 * `react-screensets/prefetch`: what a server needs to fetch the forms' data before they render, with
 * no component, no hook and no `'use client'`, so a React Server Component, a route loader or
 * `getServerSideProps` can call it. The main entry is a client module: under React Server
 * Components its functions cannot be called on the server.
 */
export { AccountsError, createAccountsClient, isAccountsError, memorySessionStore } from './accounts'
export type {
  AccountsClient,
  AccountsClientOptions,
  GetPoliciesResponse,
  GetSchemaResponse,
  RestTransportOptions,
} from './accounts'
export { accountQueryOptions } from './react/accountQueryOptions'
export type { AccountQueryOptions } from './react/accountQueryOptions'
export { accountsKeys } from './react/queryKeys'
export { catalogQueryOptions, policiesQueryOptions, prefetchSiteSchema, schemaQueryOptions } from './react/queryOptions'
export { loadCatalog } from './i18n'
export type { Catalog } from './i18n'
export { siteZodSchema } from './schema/siteZodSchema'
export type { SiteZodSchemaOptions } from './schema/siteZodSchema'
export type { FormZodSchema, FormZodShape, ValidationMessages } from './schema/toZod'
export type { DeriveFieldsOptions } from './schema/deriveFields'
export type { FieldKind, FieldOption, FieldSpec } from './schema/types'
export type { PasswordRule } from './schema/passwordRules'
