export { classifyError, parseMissingFields, toBindingName } from './classifyError'
export type { ErrorOutcome, FieldMessage, FormMessage } from './classifyError'
export { fieldsToAdd } from './fieldsToAdd'
export { readInterruption } from './interruption'
export type { Interruption } from './interruption'
export type { FlowAnswer, FlowCall, FlowMachine, FlowStep, TokenSource } from './machine'
export { createRegistrationMachine, initialRegistrationState } from './registrationMachine'
export type {
  LinkedScreen,
  RegistrationEvent,
  RegistrationMachine,
  RegistrationMachineOptions,
  RegistrationScreen,
  RegistrationState,
  RegistrationStep,
} from './registrationMachine'
export { createLiteMachine, initialLiteState } from './liteMachine'
export type { LiteEvent, LiteMachine, LiteOutcome, LiteScreen, LiteState, LiteStep } from './liteMachine'
export { isTfaScreen, TFA_METHODS, tfaStage, withoutTfaSecrets } from './tfa'
export type { TfaAddress, TfaMethod, TfaStage, TfaState } from './tfa'
export { createProfileMachine, initialProfileState, PROFILE_SCREENS } from './profileMachine'
export type { ProfileEvent, ProfileMachine, ProfileScreen, ProfileState, ProfileStep } from './profileMachine'
