// A local stand-in for Google's reCAPTCHA scripts, with the global API the adapter calls: api.js, or
// enterprise.js when its URL has `variant=enterprise`. Like Google's: `grecaptcha.render / reset / execute /
// ready` (and the same under `grecaptcha.enterprise`), `onload=` called once ready, `render=<siteKey>`
// loading a score key (execute(siteKey) rejects any other), `hl=` the widgets' language. A checkbox is a
// button that calls back with a token when clicked; an invisible widget's execute() calls back with one.
// Tests play Google's side through `window.__fakeRecaptcha`: expire(id), fail(id), executeOutcome.
;(() => {
  const script = document.currentScript
  const params = new URL(script.src).searchParams
  const enterprise = params.get('variant') === 'enterprise'
  const fake = (window.__fakeRecaptcha ??= {
    loads: [],
    widgets: [],
    scoreKeys: { classic: new Set(), enterprise: new Set() },
    /** What an invisible widget's execute() does: 'solve' or 'error'. */
    executeOutcome: 'solve',
    expire: (id) => fake.widgets[id].parameters['expired-callback']?.(),
    fail: (id) => fake.widgets[id].parameters['error-callback']?.(),
  })
  fake.loads.push(script.src)
  const hl = params.get('hl') ?? 'en'
  const variant = enterprise ? 'enterprise' : 'classic'
  if (params.get('render') && params.get('render') !== 'explicit') fake.scoreKeys[variant].add(params.get('render'))

  const rendered = new WeakSet()
  const api = {
    render(container, parameters) {
      if (!parameters.sitekey) throw new Error('Missing required parameters: sitekey')
      if (rendered.has(container)) throw new Error('reCAPTCHA has already been rendered in this element')
      rendered.add(container)
      const id = fake.widgets.length
      const invisible = parameters.size === 'invisible'
      const element = document.createElement(invisible ? 'div' : 'button')
      Object.assign(element.dataset, { fakeRecaptcha: variant, widgetId: id, hl, theme: parameters.theme })
      element.dataset.size = parameters.size
      element.dataset.resets = '0'
      if (parameters.badge) element.dataset.badge = parameters.badge
      element.textContent = invisible ? 'protected by reCAPTCHA' : "I'm not a robot"
      const widget = { parameters, element, tokens: 0 }
      widget.solve = () => parameters.callback?.(`${variant}-token-${id}-${++widget.tokens}`)
      if (!invisible) element.addEventListener('click', widget.solve)
      container.append(element)
      fake.widgets.push(widget)
      return id
    },
    reset(id) {
      const { element } = fake.widgets[id]
      element.dataset.resets = String(Number(element.dataset.resets) + 1)
    },
    execute(idOrSiteKey, options) {
      if (typeof idOrSiteKey === 'string') {
        return fake.scoreKeys[variant].has(idOrSiteKey)
          ? Promise.resolve(`${variant}-score-${idOrSiteKey}-${options.action}`)
          : Promise.reject(new Error(`Invalid site key or not loaded in api.js: ${idOrSiteKey}`))
      }
      const widget = fake.widgets[idOrSiteKey]
      setTimeout(() => (fake.executeOutcome === 'error' ? fake.fail(idOrSiteKey) : widget.solve()))
      return undefined
    },
    ready: (callback) => setTimeout(callback),
  }

  window.grecaptcha ??= {}
  if (enterprise) window.grecaptcha.enterprise = api
  else Object.assign(window.grecaptcha, api)
  const onload = params.get('onload')
  if (onload) setTimeout(() => window[onload]())
})()
