export { createAccountsHttpHandler } from './accountsHttpHandler'
export type { AccountsHttpHandlerOptions, AccountsHttpRequest, AccountsRequestHandler } from './accountsHttpHandler'
export { startAccountsServer } from './startAccountsServer'
export type { RunningAccountsServer, StartAccountsServerOptions } from './startAccountsServer'
export { startEmulatorServer } from './startEmulatorServer'
export type { RunningEmulatorServer, StartEmulatorServerOptions } from './startEmulatorServer'
export { createSqliteStore, sqliteMigrations } from './sqliteStore'
export {
  completeEnvelope,
  createEmulator,
  createMemoryStore,
  DEFAULT_SITE,
  EMULATED_METHODS,
  normalizeSiteConfig,
  SiteConfigError,
} from '../emulator'
export type {
  AccountRecord,
  CaptchaVerifier,
  Emulator,
  EmulatorOptions,
  EmulatorRequest,
  OutboxMessage,
  RateLimit,
  SiteConfig,
  SitePolicies,
  SiteSchema,
  Store,
} from '../emulator'
