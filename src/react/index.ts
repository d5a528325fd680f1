export { AccountsProvider, useAccounts } from './AccountsProvider'
export type { AccountsContextValue, AccountsProviderProps } from './AccountsProvider'
export { accountsKeys } from './queryKeys'
export {
  catalogQueryOptions,
  policiesQueryOptions,
  regTokenQueryOptions,
  retryTransient,
  schemaQueryOptions,
} from './queryOptions'
export { accountQueryOptions } from './accountQueryOptions'
export type { AccountQueryOptions } from './accountQueryOptions'
export { useAccount } from './useAccount'
export type { UseAccountOptions } from './useAccount'
export { useLogout } from './useLogout'
export type { UseLogoutOptions } from './useLogout'
export { useSiteSchema } from './useSiteSchema'
export type { SiteSchemaOptions, SiteSchemaState } from './useSiteSchema'
export { useInitRegistration } from './useInitRegistration'
export type { RegTokenHandle } from './useInitRegistration'
export {
  useFinalizeRegistration,
  useLogin,
  useRegister,
  useResendVerificationCode,
  useSetAccountInfo,
} from './useAccountsMutation'
export type { AccountsMutation, AccountsMutationOptions } from './useAccountsMutation'
export type { CaptchaBinding, CaptchaHandle } from './useCaptcha'
export { useRegistrationScreenSet } from './useRegistrationScreenSet'
export type { UseRegistrationScreenSetOptions } from './useRegistrationScreenSet'
export type {
  RegistrationScreenSetApi,
  ResendState,
  ScreenFormApi,
  ScreenSetStatus,
  LiteSubscribeApi,
} from './screenSetApi'
export { useFlow } from './useFlow'
export type { FlowResult, FlowRunner, FlowRunnerOptions } from './useFlow'
export { useLiteSubscribe } from './useLiteSubscribe'
export type { LiteLayout, UseLiteSubscribeOptions } from './useLiteSubscribe'
export type { ScreenName, ScreenSetEvents } from './screenSetEvents'
export type { Labels } from './labels'
export { useProfileScreenSet } from './useProfileScreenSet'
export type { ProfileScreenSetApi, UseProfileScreenSetOptions } from './useProfileScreenSet'
