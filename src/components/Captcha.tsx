import { useCallback, useEffect, useImperativeHandle, useRef, useState, type RefObject } from 'react'
import type { CaptchaWidget, TextCaptchaChallenge, TextCaptchaProvider, WidgetCaptchaProvider } from '../captcha/types'
import { warnOnce } from '../shared/warnOnce'
import type { CaptchaProps } from './parts'

/**
 * Our CAPTCHA part, loaded on demand: SAP's text CAPTCHA (an image, a "New challenge" button and
 * the typed word), or a vendor's widget rendered into a container of ours.
 */
export default function Captcha(props: CaptchaProps) {
  const { provider } = props
  return provider.family === 'text' ? (
    <TextCaptcha {...props} provider={provider} />
  ) : (
    <WidgetCaptcha {...props} provider={provider} />
  )
}

/**
 * "Could not load" on the control while the challenge or widget is broken, gone once it works again.
 * A control that appears with a message already (a login the server answered "CAPTCHA required")
 * takes focus: the screen-set could not move it there before this part had loaded.
 */
function useControlState(
  failed: boolean,
  { invalid, setMessage, t }: CaptchaProps,
  control: RefObject<HTMLElement | null>,
) {
  const reported = useRef(false)
  useEffect(() => {
    if (failed) setMessage(t('captcha_unavailable'))
    else if (reported.current) setMessage()
    reported.current = failed
  }, [failed, setMessage, t])

  const focusOnMount = useRef(invalid)
  useEffect(() => {
    if (focusOnMount.current) control.current?.focus()
  }, [control])
}

function TextCaptcha(props: CaptchaProps & { provider: TextCaptchaProvider }) {
  const { provider, invalid, controlProps, t, handle, setMessage } = props
  const [challenge, setChallenge] = useState<TextCaptchaChallenge>()
  const [answer, setAnswer] = useState('')
  const [failed, setFailed] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  useControlState(failed, props, input)

  // Each new number asks for a new challenge.
  const [round, setRound] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    provider.challenge({ signal: controller.signal }).then(
      (next) => {
        if (controller.signal.aborted) return
        setChallenge(next)
        setFailed(false)
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        setFailed(true)
        // The default text CAPTCHA is the emulator's; SAP's service may not serve it.
        if (process.env.NODE_ENV !== 'production')
          warnOnce(
            'text-captcha',
            `The text CAPTCHA could not get a challenge (${error instanceof Error ? error.message : String(error)}). ` +
              "accounts.getCaptcha is served by the emulator; against SAP's service, pass a CAPTCHA provider " +
              '(`captcha={recaptcha({ … })}` or `funcaptcha({ … })`) to the screen-set or to AccountsProvider.',
          )
      },
    )
    return () => controller.abort()
  }, [provider, round])

  const renew = useCallback(() => {
    // Neither the image nor the word typed for it answers the next challenge.
    setChallenge(undefined)
    setAnswer('')
    setRound((previous) => previous + 1)
  }, [])

  useImperativeHandle(
    handle,
    () => ({
      async solve() {
        const word = answer.trim()
        if (challenge && word !== '') return { captchaToken: challenge.captchaToken, captchaText: word }
        setMessage(t(failed ? 'captcha_unavailable' : 'captcha_required'))
        input.current?.focus()
        return undefined
      },
      reset: renew,
    }),
    [answer, challenge, failed, renew, setMessage, t],
  )

  return (
    <>
      <span data-input-row="" data-captcha="text">
        {challenge && <img src={challenge.captchaImage} alt={t('captcha_image_alt')} data-captcha-image="" />}
        <button type="button" data-captcha-new="" onClick={renew}>
          {t('captcha_new_challenge')}
        </button>
      </span>
      <label htmlFor={controlProps.id}>{t('captcha_text_label')}</label>
      <input
        {...controlProps}
        ref={(element) => {
          input.current = element
          controlProps.ref(element)
        }}
        aria-required="true"
        name="captchaText"
        type="text"
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        value={answer}
        onChange={(event) => {
          setAnswer(event.target.value)
          if (invalid) setMessage()
        }}
      />
    </>
  )
}

/** The widget's colours: the screen-set's `colorScheme`, as its root says it (`auto` asks the system). */
function themeOf(element: HTMLElement): 'light' | 'dark' {
  const scheme = element.closest('[data-color-scheme]')?.getAttribute('data-color-scheme')
  const systemDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
  return scheme === 'dark' || (scheme === 'auto' && systemDark) ? 'dark' : 'light'
}

function WidgetCaptcha(props: CaptchaProps & { provider: WidgetCaptchaProvider }) {
  const { field, provider, controlProps, t, handle, setMessage } = props
  const container = useRef<HTMLDivElement>(null)
  const [widget, setWidget] = useState<CaptchaWidget>()
  const [failed, setFailed] = useState(false)
  // A checkbox's token, kept for the next submit (nothing renders it).
  const token = useRef<string>(undefined)
  const executing = useRef(false)
  const lang = t.lang
  useControlState(failed, props, container)

  useEffect(() => {
    const element = container.current
    if (!element) return
    let mounted: CaptchaWidget | undefined
    let unmounted = false
    const fail = () => {
      if (!unmounted) setFailed(true)
    }
    provider
      .render(element, {
        onToken: (value) => {
          token.current = value
          if (!unmounted) setFailed(false)
          setMessage()
        },
        onExpire: () => {
          token.current = undefined
        },
        onError: fail,
        lang,
        theme: themeOf(element),
      })
      .then((rendered) => {
        if (unmounted) return rendered.destroy()
        mounted = rendered
        setWidget(rendered)
        setFailed(false)
      }, fail)
    // Google tells no one when a person closes its invisible challenge: submitting again while we wait
    // for it opens it again (the screen-set itself ignores a submit while one is under way).
    const form = element.closest('form')
    const reopen = () => {
      if (executing.current) void mounted?.execute?.()
    }
    form?.addEventListener('submit', reopen)
    return () => {
      unmounted = true
      form?.removeEventListener('submit', reopen)
      token.current = undefined
      mounted?.destroy()
    }
  }, [provider, lang, setMessage])

  useImperativeHandle(
    handle,
    () => ({
      async solve() {
        const unsolved = (messageId: string) => {
          setMessage(t(messageId))
          container.current?.focus()
          return undefined
        }
        if (!widget) return unsolved(failed ? 'captcha_unavailable' : 'captcha_required')
        if (provider.mode === 'checkbox' || !widget.execute) {
          const captchaToken = token.current
          return captchaToken ? { captchaToken, captchaType: provider.type } : unsolved('captcha_required')
        }
        executing.current = true
        try {
          // A failed run is tried anew on the next submit, so a passing network error blocks nothing.
          const captchaToken = await widget.execute()
          setFailed(false)
          return { captchaToken, captchaType: provider.type }
        } catch {
          return unsolved('captcha_unavailable')
        } finally {
          executing.current = false
        }
      },
      reset() {
        token.current = undefined
        widget?.reset()
      },
    }),
    [failed, provider, setMessage, t, widget],
  )

  return (
    <div
      ref={(element) => {
        container.current = element
        controlProps.ref(element)
      }}
      id={controlProps.id}
      role="group"
      aria-label={field.label}
      aria-describedby={controlProps['aria-describedby']}
      tabIndex={-1}
      data-captcha={provider.mode}
    />
  )
}
