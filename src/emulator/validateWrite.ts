import { checkWrite, type CheckedWrite, type WriteContext } from './checkWrite'
import { validationFailure } from './envelope'
import type { WriteInput } from './writeInput'

/** `checkWrite` for calls with nothing else to judge: any field error is the answer (400009). */
export function validateWrite(input: WriteInput, context: WriteContext): CheckedWrite {
  const { write, errors } = checkWrite(input, context)
  if (errors.length > 0) throw validationFailure(errors)
  return write
}
