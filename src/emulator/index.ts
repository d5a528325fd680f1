export { createEmulator, EMULATED_METHODS } from './createEmulator'
export type { Emulator, EmulatorOptions, EmulatorRequest, RateLimit } from './createEmulator'
export type { CaptchaVerifier } from './context'
export { DEFAULT_SITE } from './defaultSite'
export { completeEnvelope } from './envelope'
export { createMemoryStore } from './memoryStore'
export { normalizeSiteConfig, SiteConfigError } from './siteConfig'
export type {
  AccountRecord,
  NewOutboxMessage,
  OutboxMessage,
  PendingCode,
  SiteConfig,
  SitePolicies,
  SiteSchema,
  Store,
  StoredSubscription,
  UniqueConflict,
} from './types'
