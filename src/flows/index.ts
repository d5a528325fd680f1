export { classifyError, parseMissingFields, toBindingName } from './classifyError'
export type { ErrorOutcome, FieldMessage, FormMessage } from './classifyError'
export { initialRegistrationState, registrationReducer } from './registrationReducer'
export type { RegistrationEvent, RegistrationScreen, RegistrationState } from './registrationReducer'
