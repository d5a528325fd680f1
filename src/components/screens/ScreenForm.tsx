import type { ReactNode } from 'react'
import type { MessageId } from '../../i18n'
import type { ScreenFormApi } from '../../react/screenSetApi'
import { SchemaField } from '../SchemaField'
import { useScreenSet } from '../ScreenSetContext'
import { useFormName } from '../useFormName'
import type { ScreenProps } from './screenProps'
import { ScreenTitle } from './ScreenTitle'

/**
 * What a form screen renders from: its screen-set hook's form, and (registration) the login ID that is
 * another account's, with the way to log in instead.
 */
export interface ScreenFormView extends Pick<
  ScreenFormApi,
  'fields' | 'form' | 'formError' | 'onSubmit' | 'activate' | 'isSubmitting'
> {
  /** The screen, or a state of it whose heading takes focus when it replaces another. */
  screen: string
  conflictEmail?: string | null
  goTo?(screen: 'login'): void
}

export interface ScreenFormProps extends Omit<ScreenProps, 'api'> {
  api: ScreenFormView
  title: MessageId
  /** The text under the heading, already translated. */
  description?: string | undefined
  /** What the screen shows between its text and its fields: a choice, an image to scan. */
  beforeFields?: ReactNode
  submit: MessageId
  /** The field whose value the password checklist judges (the password being chosen). */
  strengthFor?: string | undefined
  /** Called on hover or focus of the submit button: loads the code of the screen it may lead to. */
  onSubmitPreload?: (() => void) | undefined
  /** Actions after the submit button: links to other screens. */
  children?: ReactNode
}

/**
 * Every screen with a form: heading, description, the current screen's fields, the form's error,
 * "log in instead" when the login ID is taken, the submit button, then the links. The form is named
 * by its heading (or `formLabel`), numbered when the page has two of the same name.
 */
export function ScreenForm({
  api,
  headingId,
  formLabel,
  shownHeadingRef,
  title,
  description,
  beforeFields,
  submit,
  strengthFor,
  onSubmitPreload,
  children,
}: ScreenFormProps) {
  const { idPrefix, parts, classNames, t } = useScreenSet('ScreenForm')
  const { form, formError, conflictEmail } = api
  const heading = t(title)
  const formName = useFormName(idPrefix, heading, formLabel, headingId, t)
  return (
    <form noValidate {...formName} onSubmit={api.onSubmit} onFocus={api.activate} className={classNames.form}>
      <ScreenTitle view={api.screen} headingId={headingId} shownHeadingRef={shownHeadingRef}>
        {heading}
      </ScreenTitle>
      {description !== undefined && <p className={classNames.description}>{description}</p>}
      {beforeFields}
      {api.fields.map((field) => (
        <SchemaField
          key={field.name}
          field={field}
          register={form.register}
          control={form.control}
          withStrength={field.name === strengthFor}
        />
      ))}
      {formError && <parts.FormError message={formError.text} className={classNames.formError} />}
      {typeof conflictEmail === 'string' && (
        <p data-conflict="">
          <button type="button" onClick={() => api.goTo?.('login')} className={classNames.link}>
            {t('log_in_instead')}
          </button>
        </p>
      )}
      <parts.SubmitButton
        pending={api.isSubmitting}
        className={classNames.submit}
        onPointerEnter={onSubmitPreload}
        onFocus={onSubmitPreload}
      >
        {t(submit)}
      </parts.SubmitButton>
      {children}
    </form>
  )
}
