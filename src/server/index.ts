export { completeEnvelope, createAccountsHttpHandler } from './accountsHttpHandler'
export type { AccountsHttpHandlerOptions, AccountsHttpRequest, AccountsRequestHandler } from './accountsHttpHandler'
export { startAccountsServer } from './startAccountsServer'
export type { RunningAccountsServer, StartAccountsServerOptions } from './startAccountsServer'
