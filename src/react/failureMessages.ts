/** What turns a failed call into messages for the screen; a chunk of its own (see `loadFailureSupport`). */
export { classifyError } from '../flows/classifyError'
export { fieldsToAdd } from '../flows/fieldsToAdd'
