import { useId, useMemo } from 'react'
import type { LiteSubscribeApi } from '../react/screenSetApi'
import { useLiteSubscribe, type UseLiteSubscribeOptions } from '../react/useLiteSubscribe'
import { ScreenSetGuard } from './ScreenSetGuard'
import { SchemaField } from './SchemaField'
import { LoadState } from './screenSetRoot'
import { ScreenSetFrame, splitLook, type ScreenSetFrameValue, type ScreenSetLookProps } from './ScreenSetFrame'
import { ScreenSetContext, type ScreenSetContextValue } from './ScreenSetContext'
import { useFormName } from './useFormName'

export interface LiteSubscribeProps extends UseLiteSubscribeOptions, ScreenSetLookProps {
  /** Show the "Stay in touch" heading (default true; footers often do without). */
  showHeading?: boolean
}

const outcomeMessages = {
  subscribed: 'subscription_thank_you',
  'pending-confirmation': 'subscription_pending_confirmation',
  updated: 'subscription_updated',
} as const

/**
 * The newsletter widget over SAP's lite accounts: an email (and the subscriptions to choose, the
 * required consents, any extra fields asked for), then a thank-you that says whether to confirm by
 * email. Small enough for every page's footer.
 */
export function LiteSubscribe(props: LiteSubscribeProps) {
  return (
    <ScreenSetGuard
      screenset="lite"
      screen="subscribe"
      props={props}
      extra={{ 'data-layout': props.layout ?? 'stacked' }}
    >
      <GuardedLiteSubscribe {...props} />
    </ScreenSetGuard>
  )
}

function GuardedLiteSubscribe({ showHeading = true, ...props }: LiteSubscribeProps) {
  const [look, options] = splitLook(props)
  const api = useLiteSubscribe(options)
  return (
    <ScreenSetFrame screenset="lite" api={api} look={look} extra={{ 'data-layout': api.layout }} events={options}>
      {(frame) => <LiteScreens api={api} frame={frame} showHeading={showHeading} />}
    </ScreenSetFrame>
  )
}

/** The current screen; below the error boundary, so a render error there keeps the hook's state. */
function LiteScreens({
  api,
  frame,
  showHeading,
}: {
  api: LiteSubscribeApi
  frame: ScreenSetFrameValue
  showHeading: boolean
}) {
  const { root: rootProps, parts, classNames, formLabel } = frame
  const { t, screen, status, fields, form, formError, isSubmitting, outcome } = api
  const idPrefix = `rsl${useId().replace(/:/g, '')}`
  const headingId = `${idPrefix}-heading`
  const context = useMemo<ScreenSetContextValue>(
    () => ({ idPrefix, parts, classNames, t }),
    [idPrefix, parts, classNames, t],
  )
  const listNames = api.implicitSubscriptions.map((field) => field.label).join(', ')
  const title = t('subscribe_title')
  // Without a heading the form is named by what it subscribes to, so two widgets on a page (a
  // sidebar and a footer) are told apart by what they offer before they are by number.
  const name = showHeading || listNames === '' ? title : t('subscribe_to', { list: listNames })
  const formName = useFormName(
    idPrefix,
    status === 'ready' && screen === 'subscribe' ? name : undefined,
    formLabel,
    showHeading ? headingId : undefined,
    t,
  )
  if (status !== 'ready') {
    return <LoadState api={api} root={rootProps} parts={parts} classNames={classNames} />
  }

  if (screen === 'thank-you') {
    return (
      <div {...rootProps}>
        <parts.ScreenHeading id={headingId} className={classNames.heading}>
          {t('thank_you_title')}
        </parts.ScreenHeading>
        <p role="status" className={classNames.description}>
          {t(outcomeMessages[outcome ?? 'subscribed'])}
        </p>
        <button type="button" onClick={api.subscribeAgain} className={classNames.link}>
          {t('subscribe_again')}
        </button>
      </div>
    )
  }

  return (
    <ScreenSetContext.Provider value={context}>
      <div {...rootProps}>
        <form noValidate {...formName} onSubmit={api.onSubmit} onFocus={api.activate} className={classNames.form}>
          {showHeading && (
            <parts.ScreenHeading id={headingId} className={classNames.heading}>
              {title}
            </parts.ScreenHeading>
          )}
          {listNames !== '' && (
            <p data-lists="" className={classNames.description}>
              {t('subscribe_to', { list: listNames })}
            </p>
          )}
          <div data-fields="">
            {fields.map((field) => (
              <SchemaField key={field.name} field={field} register={form.register} control={form.control} />
            ))}
            <parts.SubmitButton pending={isSubmitting} className={classNames.submit}>
              {t('submit_subscribe')}
            </parts.SubmitButton>
          </div>
          {formError && <parts.FormError message={formError.text} className={classNames.formError} />}
        </form>
      </div>
    </ScreenSetContext.Provider>
  )
}
