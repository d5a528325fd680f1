declare module 'virtual:demo-config' {
  const config: { apiKey: string; emulatorUrl: string }
  export default config
}
