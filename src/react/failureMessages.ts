import { addEnglish } from '../i18n'
import { enFailures } from '../i18n/enFailures'

// The English of the messages only a failed call shows comes with the code that reads one.
addEnglish(enFailures)

/** What turns a failed call into messages for the screen; a chunk of its own (see `loadFailureSupport`). */
export { classifyError } from '../flows/classifyError'
export { fieldsToAdd } from '../flows/fieldsToAdd'
