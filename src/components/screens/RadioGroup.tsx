import type { FieldValues, UseFormRegister } from 'react-hook-form'
import { useScreenSet } from '../ScreenSetContext'

export interface RadioGroupProps {
  /** The form value it sets. */
  name: string
  /** The question, already translated: it names the group. */
  legend: string
  /** Each choice's value and its label (rendered as text: it may be server text). */
  options: readonly { value: string; label: string }[]
  /** The value checked at first, if it is one of the options; else the first is. */
  initial?: string | undefined
  register: UseFormRegister<FieldValues>
}

/**
 * One choice among a few, as native radio buttons in a fieldset named by its legend: Tab reaches the
 * group, the arrow keys move the choice. One is checked (`initial` or the first), so the group always
 * has an answer.
 */
export function RadioGroup({ name, legend, options, initial, register }: RadioGroupProps) {
  const { idPrefix, classNames } = useScreenSet('RadioGroup')
  const checked = options.some(({ value }) => value === initial) ? initial : options[0]?.value
  return (
    <fieldset data-field={name} data-kind="radio" className={classNames.field}>
      <legend className={classNames.label}>{legend}</legend>
      {options.map(({ value, label }, index) => {
        const id = `${idPrefix}-${name}-${index}`
        return (
          <div key={value} data-option="">
            <input type="radio" id={id} value={value} defaultChecked={value === checked} {...register(name)} />
            <label htmlFor={id}>{label}</label>
          </div>
        )
      })}
    </fieldset>
  )
}
