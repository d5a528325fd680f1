import type { FieldValues, UseFormRegister } from 'react-hook-form'
import { useScreenSet } from '../ScreenSetContext'

export interface RadioGroupProps {
  /** The form value it sets. */
  name: string
  /** The question, already translated: it names the group. */
  legend: string
  /** Each choice's value and its label (rendered as text: it may be server text). */
  options: readonly { value: string; label: string }[]
  register: UseFormRegister<FieldValues>
}

/**
 * One choice among a few, as native radio buttons in a fieldset named by its legend: Tab reaches the
 * group, the arrow keys move the choice. The first is checked, so the group always has an answer.
 */
export function RadioGroup({ name, legend, options, register }: RadioGroupProps) {
  const { idPrefix, classNames } = useScreenSet('RadioGroup')
  return (
    <fieldset data-field={name} data-kind="radio" className={classNames.field}>
      <legend className={classNames.label}>{legend}</legend>
      {options.map(({ value, label }, index) => {
        const id = `${idPrefix}-${name}-${index}`
        return (
          <div key={value} data-option="">
            <input type="radio" id={id} value={value} defaultChecked={index === 0} {...register(name)} />
            <label htmlFor={id}>{label}</label>
          </div>
        )
      })}
    </fieldset>
  )
}
