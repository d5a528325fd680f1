export { en } from './en'
export type { MessageId } from './en'
export { createTranslator, interpolate } from './formatMessage'
export type { CustomLang, MessageParams, Translator } from './formatMessage'
